import { useTranslation } from 'react-i18next';
import type { CatalogCriterion } from '../../../../domain/criteria/catalog.schema.ts';
import { mscCategory } from '../../../../domain/criteria/msc-categories.ts';
import type { EntityType } from '../../../../domain/organisations/entity-types.ts';
import { DataTable, type DataTableColumn } from '../../../components/ui/data-table.tsx';
import { Tag } from '../../../components/ui/tag.tsx';
import { useFormatters } from '../../../lib/use-formatters.ts';

/**
 * A catalog version's criteria by MSC category, one table each: id, must/should (and the entity
 * types that differ), text with its guidance, and the entity types it applies to. What no source
 * confirms is marked provisional, as the Security Profile marks it: a criterion known from memory
 * only, an applicability that is only `likely`, a category name not in a CBP document.
 */
export function CatalogCriteria({ criteria }: { criteria: readonly CatalogCriterion[] }) {
  const { t } = useTranslation();
  const categories = new Map<number, CatalogCriterion[]>();
  for (const criterion of criteria) {
    categories.set(criterion.category, [...(categories.get(criterion.category) ?? []), criterion]);
  }
  const columns = useColumns();
  return (
    <>
      {[...categories.entries()].map(([number, members]) => {
        const category = mscCategory(number);
        const title = t('profileReview.criteria.category', {
          number,
          name: category?.name ?? '',
        });
        return (
          <section key={number} aria-labelledby={`category-${number}`} className="margin-top-4">
            <h2 id={`category-${number}`}>
              {title}
              {category?.provisional ? (
                <>
                  {' '}
                  <Tag tone="warning">{t('securityProfile.section.provisionalName')}</Tag>
                </>
              ) : null}
            </h2>
            <DataTable
              caption={<span className="usa-sr-only">{title}</span>}
              columns={columns}
              rows={members}
              rowKey={(criterion) => criterion.id}
            />
          </section>
        );
      })}
    </>
  );
}

function useColumns(): DataTableColumn<CatalogCriterion>[] {
  const { t } = useTranslation();
  const format = useFormatters();
  const names = (types: readonly string[]) =>
    format.list(types.map((type) => t(`entityTypes.${type as EntityType}`)));
  const provisional = t('securityProfile.criterion.provisional');
  return [
    {
      id: 'id',
      header: t('criteriaAdmin.columns.id'),
      cell: (criterion) => (
        <>
          {criterion.id}
          {criterion.verification === 'memory-unverified' ? (
            <span className="display-block">
              <Tag tone="warning">{provisional}</Tag>
            </span>
          ) : null}
        </>
      ),
    },
    {
      id: 'designation',
      header: t('criteriaAdmin.columns.designation'),
      cell: (criterion) => {
        const overrides = Object.entries(criterion.designationByEntityType);
        return (
          <>
            <Tag tone={criterion.designation === 'must' ? 'primary' : 'base'}>
              {t(`securityProfile.criterion.${criterion.designation}`)}
            </Tag>
            {(['must', 'should'] as const).map((designation) => {
              const types = overrides
                .filter(([, value]) => value === designation)
                .map(([type]) => type);
              return types.length > 0 ? (
                <span key={designation} className="display-block font-sans-2xs">
                  {t(`securityProfile.criterion.${designation}`)}: {names(types)}
                </span>
              ) : null;
            })}
          </>
        );
      },
    },
    {
      id: 'text',
      header: t('criteriaAdmin.columns.text'),
      cell: (criterion) => (
        <>
          {criterion.text}
          {criterion.guidance ? (
            <details className="margin-top-1 font-sans-2xs">
              <summary>{t('securityProfile.criterion.guidance')}</summary>
              <p className="margin-y-1 text-pre-wrap">{criterion.guidance}</p>
            </details>
          ) : null}
        </>
      ),
    },
    {
      id: 'applies',
      header: t('criteriaAdmin.columns.applies'),
      cell: (criterion) => {
        const entries = Object.entries(criterion.applicability);
        const confirmed = entries
          .filter(([, level]) => level === 'confirmed')
          .map(([type]) => type);
        const likely = entries.filter(([, level]) => level === 'likely').map(([type]) => type);
        return (
          <>
            {confirmed.length > 0 ? (
              <span className="display-block">{names(confirmed)}</span>
            ) : null}
            {likely.length > 0 ? (
              <span className="display-block font-sans-2xs">
                <Tag tone="warning">{provisional}</Tag> {names(likely)}
              </span>
            ) : null}
          </>
        );
      },
    },
  ];
}
