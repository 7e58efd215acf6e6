import { useTranslation } from 'react-i18next';
import { PILOT_CATEGORIES } from '../../../../domain/registry/lifecycle/third-party-logistics-pilot.ts';

const LAW_URL = 'https://www.govinfo.gov/link/plaw/118/public/98?link-type=html';
const NOTICE_URL = 'https://www.federalregister.gov/d/2025-20648';

/** What the 3PL pilot is, with the statute and the notice it rests on. */
export function PilotAbout() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="pilot-about" className="margin-bottom-4">
      <h2 id="pilot-about">{t('pilot.about.heading')}</h2>
      <p>{t('pilot.about.law')}</p>
      <p>{t('pilot.about.notice')}</p>
      <ul>
        {PILOT_CATEGORIES.map((category) => (
          <li key={category}>
            <strong>{t(`pilot.category.${category}`)}</strong>: {t(`pilot.about.${category}`)}
          </li>
        ))}
      </ul>
      <p className="font-sans-2xs">
        {t('pilot.about.sources')}{' '}
        <a className="usa-link" href={LAW_URL} rel="noreferrer" target="_blank">
          {t('pilot.about.lawLink')}
        </a>
        {', '}
        <a className="usa-link" href={NOTICE_URL} rel="noreferrer" target="_blank">
          {t('pilot.about.noticeLink')}
        </a>
      </p>
    </section>
  );
}
