import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { MemberSummary } from '../../../../domain/registry/member-queue.schema.ts';
import { Tag } from '../../../components/ui/tag.tsx';
import { useFormatters } from '../../../lib/use-formatters.ts';

function DaysLeft({ daysLeft }: { daysLeft: number }) {
  const { t } = useTranslation();
  if (daysLeft === 0) {
    return <Tag tone="warning">{t('registry.clocks.dueToday')}</Tag>;
  }
  if (daysLeft < 0) {
    return <Tag tone="error">{t('registry.clocks.overdue', { count: -daysLeft })}</Tag>;
  }
  return <>{t('registry.clocks.daysLeft', { count: daysLeft })}</>;
}

/**
 * The queue: one row per member, each with a checkbox for bulk actions (when the viewer may
 * make them) and a link to the member's file. A plain usa-table (not DataTable): the checkbox
 * column comes before the member's name, which stays the row header.
 */
export function MemberQueueTable({
  rows,
  selectable,
  selected,
  onToggle,
  onToggleAll,
}: {
  rows: readonly MemberSummary[];
  selectable: boolean;
  selected: ReadonlySet<string>;
  onToggle: (organisationId: string, checked: boolean) => void;
  onToggleAll: (checked: boolean) => void;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const allSelected = rows.length > 0 && rows.every((row) => selected.has(row.organisationId));
  return (
    <div className="usa-table-container--scrollable" tabIndex={-1}>
      <table className="usa-table usa-table--compact usa-table--striped width-full">
        <caption>{t('cbpMembers.table.caption')}</caption>
        <thead>
          <tr>
            {selectable ? (
              <td>
                <input
                  type="checkbox"
                  aria-label={t('cbpMembers.table.selectAll')}
                  checked={allSelected}
                  onChange={(event) => onToggleAll(event.target.checked)}
                />
              </td>
            ) : null}
            <th scope="col">{t('cbpMembers.table.member')}</th>
            <th scope="col">{t('cbpMembers.table.status')}</th>
            <th scope="col">{t('cbpMembers.table.tier')}</th>
            <th scope="col">{t('cbpMembers.table.entityTypes')}</th>
            <th scope="col">{t('cbpMembers.table.specialist')}</th>
            <th scope="col">{t('cbpMembers.table.submitted')}</th>
            <th scope="col">{t('cbpMembers.table.certificationTarget')}</th>
            <th scope="col">{t('cbpMembers.table.risk')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.organisationId}>
              {selectable ? (
                <td>
                  <input
                    type="checkbox"
                    aria-label={t('cbpMembers.table.select', { name: row.legalName })}
                    checked={selected.has(row.organisationId)}
                    onChange={(event) => onToggle(row.organisationId, event.target.checked)}
                  />
                </td>
              ) : null}
              <th scope="row">
                <Link
                  to="/cbp/members/$organisationId"
                  params={{ organisationId: row.organisationId }}
                  className="usa-link"
                >
                  {row.legalName}
                </Link>
                <span className="display-block font-sans-3xs text-normal text-base-dark">
                  {format.countryName(row.countryCode)}
                </span>
              </th>
              <td>
                {t(`registry.statuses.${row.status}`)}
                {row.reviewStep ? (
                  <span className="display-block font-sans-3xs text-base-dark">
                    {t(`registry.reviewSteps.${row.reviewStep}`)}
                  </span>
                ) : null}
                <span className="display-block font-sans-3xs text-base-dark">
                  {t('cbpMembers.table.since', { date: format.date(row.statusSince) })}
                </span>
              </td>
              <td>{row.tier ? t('cbpMembers.tier', { tier: row.tier }) : '—'}</td>
              <td>{format.list(row.entityTypes.map((type) => t(`entityTypes.${type}`)))}</td>
              <td>
                {row.assignedSpecialistName ?? t('cbpMembers.table.unassigned')}
                {row.cbpOfficeName ? (
                  <span className="display-block font-sans-3xs text-base-dark">
                    {row.cbpOfficeName}
                  </span>
                ) : null}
              </td>
              <td>{row.applicationSubmittedOn ? format.date(row.applicationSubmittedOn) : '—'}</td>
              <td>
                {row.certificationTarget ? (
                  <>
                    {format.date(row.certificationTarget.due)}
                    <span className="display-block font-sans-3xs">
                      <DaysLeft daysLeft={row.certificationTarget.daysLeft} />
                    </span>
                  </>
                ) : (
                  '—'
                )}
              </td>
              <td>
                {row.overdueRequiredActions > 0 ? (
                  <Tag tone="error">
                    {t('cbpMembers.table.overdue', { count: row.overdueRequiredActions })}
                  </Tag>
                ) : (
                  '—'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
