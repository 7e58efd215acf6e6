import { useTranslation } from 'react-i18next';
import {
  PROFILE_EXPORT_FORMATS,
  type ProfileExportLanguage,
} from '../../../../domain/security-profile/profile-export.schema.ts';
import { apiUrl } from '../../../lib/api-client.ts';

/**
 * Download links for a Security Profile export (issue 5, item 7): PDF, Word and Excel, in the
 * language the page is shown in. Plain links: the session cookie goes with the GET, and the
 * browser saves the file under the name the server gives it.
 *
 * `path` is the export route: /api/v1/profile/export, /api/v1/profile/versions/:id/export or
 * /api/v1/profiles/versions/:id/export.
 */
export function ProfileDownloads({ path }: { path: string }) {
  const { t, i18n } = useTranslation();
  const lang: ProfileExportLanguage =
    (i18n.resolvedLanguage ?? i18n.language) === 'es' ? 'es' : 'en';
  return (
    <ul className="usa-button-group margin-y-2" aria-label={t('profileExport.label')}>
      {PROFILE_EXPORT_FORMATS.map((format) => (
        <li key={format} className="usa-button-group__item">
          <a
            className="usa-button usa-button--outline"
            href={apiUrl(path, { format, lang })}
            download
          >
            {t(`profileExport.${format}`)}
          </a>
        </li>
      ))}
    </ul>
  );
}
