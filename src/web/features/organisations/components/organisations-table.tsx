import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { entityTypeLabelKey } from '../../../../domain/organisations/entity-types.ts';
import type { Organisation } from '../../../../domain/organisations/organisation.schema.ts';
import { DataTable, type DataTableColumn } from '../../../components/ui/data-table.tsx';
import { useFormatters } from '../../../lib/use-formatters.ts';

export interface OrganisationsTableProps {
  caption: ReactNode;
  organisations: readonly Organisation[];
  /** Which columns to show; the kind column only makes sense when kinds are mixed. */
  columns: ReadonlyArray<'kind' | 'location' | 'entityTypes'>;
}

/** Organisations in a USWDS table: name (and trading name), kind, location, entity types. */
export function OrganisationsTable({ caption, organisations, columns }: OrganisationsTableProps) {
  const { t } = useTranslation();
  const format = useFormatters();

  const name: DataTableColumn<Organisation> = {
    id: 'name',
    header: t('organisations.columns.name'),
    cell: (organisation) => (
      <>
        <span className="text-bold">{organisation.legalName}</span>
        {organisation.tradeName ? (
          <span className="display-block text-normal font-sans-2xs text-base-dark">
            {t('organisations.tradeName', { name: organisation.tradeName })}
          </span>
        ) : null}
      </>
    ),
  };
  const optional: Record<(typeof columns)[number], DataTableColumn<Organisation>> = {
    kind: {
      id: 'kind',
      header: t('organisations.columns.kind'),
      cell: (organisation) => t(`organisationKinds.${organisation.kind}`),
    },
    location: {
      id: 'location',
      header: t('organisations.columns.location'),
      cell: (organisation) =>
        `${organisation.city}, ${format.countryName(organisation.countryCode)}`,
    },
    entityTypes: {
      id: 'entityTypes',
      header: t('organisations.columns.entityTypes'),
      cell: (organisation) =>
        organisation.entityTypes.length === 0
          ? t('organisations.noEntityTypes')
          : format.list(organisation.entityTypes.map((type) => t(entityTypeLabelKey(type)))),
    },
  };

  return (
    <DataTable
      caption={caption}
      columns={[name, ...columns.map((column) => optional[column])]}
      rows={organisations}
      rowKey={(organisation) => organisation.id}
    />
  );
}
