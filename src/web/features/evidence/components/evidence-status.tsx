import { useTranslation } from 'react-i18next';
import type { Evidence } from '../../../../domain/evidence/evidence.schema.ts';
import type { EvidenceMediaType } from '../../../../domain/evidence/evidence-vocabulary.ts';
import { Tag } from '../../../components/ui/tag.tsx';
import { useCalendarDateFormat } from '../../../lib/use-calendar-date-format.ts';

/** The short name of each accepted type, as a translation key under `evidence.types`. */
const TYPE_KEYS = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpeg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'text/csv': 'csv',
  'text/plain': 'text',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
  'application/msword': 'doc',
  'application/vnd.ms-excel': 'xls',
} as const satisfies Record<EvidenceMediaType, string>;

export function useMediaTypeLabel(): (mediaType: EvidenceMediaType) => string {
  const { t } = useTranslation();
  return (mediaType) => t(`evidence.types.${TYPE_KEYS[mediaType]}`);
}

/** 1536 → "1.5 KB" in the reader's language. */
export function useByteSize(): (bytes: number) => string {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return (bytes) => {
    const units = ['byte', 'kilobyte', 'megabyte'] as const;
    let value = bytes;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit += 1;
    }
    return new Intl.NumberFormat(language, {
      style: 'unit',
      unit: units[unit],
      unitDisplay: 'short',
      maximumFractionDigits: unit === 0 ? 0 : 1,
    }).format(value);
  };
}

/** The expiry date and its state: valid, expiring within 30 days, expired. */
export function ExpiryStatus({ evidence }: { evidence: Evidence }) {
  const { t } = useTranslation();
  const formatDate = useCalendarDateFormat();
  if (evidence.expiresOn === null) {
    return <span className="text-base-dark">{t('evidence.expiry.none')}</span>;
  }
  const date = formatDate(evidence.expiresOn);
  return (
    <span>
      <span className="display-block">{t('evidence.expiry.until', { date })}</span>
      {evidence.expiry === 'expired' ? (
        <Tag tone="error">{t('evidence.expiry.expired')}</Tag>
      ) : evidence.expiry === 'expiring' ? (
        <Tag tone="warning">
          {t('evidence.expiry.expiring', { count: evidence.daysUntilExpiry ?? 0 })}
        </Tag>
      ) : (
        <Tag tone="success">{t('evidence.expiry.valid')}</Tag>
      )}
    </span>
  );
}

/** The "common rejection" warnings: expired, linked to no criterion. */
export function EvidenceWarnings({ evidence }: { evidence: Evidence }) {
  const { t } = useTranslation();
  if (evidence.warnings.length === 0) {
    return <span className="text-base-dark">{t('evidence.warnings.none')}</span>;
  }
  return (
    <ul className="usa-list usa-list--unstyled">
      {evidence.warnings.map((warning) => (
        <li key={warning}>
          <Tag tone="error">{t(`evidence.warnings.${warning}`)}</Tag>
        </li>
      ))}
    </ul>
  );
}
