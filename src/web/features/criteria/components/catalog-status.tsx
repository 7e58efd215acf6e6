import { useTranslation } from 'react-i18next';
import type { CatalogVersionSummary } from '../../../../domain/criteria/catalog-api.schema.ts';
import { Tag } from '../../../components/ui/tag.tsx';
import { useFormatters } from '../../../lib/use-formatters.ts';

const TONES = { draft: 'warning', published: 'success', superseded: 'base' } as const;

/** Draft, Current (the published version in force) or Published (an earlier one). */
export function CatalogStatusTag({ status }: { status: CatalogVersionSummary['status'] }) {
  const { t } = useTranslation();
  return <Tag tone={TONES[status]}>{t(`criteriaAdmin.status.${status}`)}</Tag>;
}

/** When the version was published and by whom (the seed has no person); nothing for a draft. */
export function PublishedWhen({ version }: { version: CatalogVersionSummary }) {
  const { t } = useTranslation();
  const format = useFormatters();
  if (version.publishedAt === null) {
    return null;
  }
  const date = format.dateTime(version.publishedAt);
  return (
    <>
      {version.publishedBy
        ? t('profileReview.version.submittedBy', { date, name: version.publishedBy })
        : date}
    </>
  );
}
