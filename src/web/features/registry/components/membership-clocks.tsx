import { useTranslation } from 'react-i18next';
import type { MembershipClockView } from '../../../../domain/registry/registry.schema.ts';
import {
  type CalendarDate,
  calendarDate,
  calendarDateFromInstant,
  daysBetween,
  isBefore,
} from '../../../../domain/time/calendar-date.ts';
import { DataTable } from '../../../components/ui/data-table.tsx';
import { Tag } from '../../../components/ui/tag.tsx';
import { useFormatters } from '../../../lib/use-formatters.ts';

/**
 * The reader's today, as a UTC calendar date like the server's deadlines (calendar-date.ts): the
 * days left are counted from the day the reader looks, not from when the file was loaded.
 */
function readersToday(): CalendarDate {
  return calendarDateFromInstant(new Date());
}

function ClockCountdown({ clock, today }: { clock: MembershipClockView; today: CalendarDate }) {
  const { t } = useTranslation();
  const opens = clock.opens === null ? null : calendarDate(clock.opens);
  if (opens !== null && isBefore(today, opens)) {
    return <>{t('registry.clocks.opensIn', { count: daysBetween(today, opens) })}</>;
  }
  const left = daysBetween(today, calendarDate(clock.due));
  if (left === 0) {
    return <Tag tone="warning">{t('registry.clocks.dueToday')}</Tag>;
  }
  if (left < 0) {
    return <Tag tone="error">{t('registry.clocks.overdue', { count: -left })}</Tag>;
  }
  return <>{t('registry.clocks.daysLeft', { count: left })}</>;
}

/**
 * Every clock running for a membership (membership-clocks.ts via the API): its name, the date
 * it falls due (and opens, for a window), the days left from today, the rule it comes from and
 * whether the period is provisional (not confirmed by a primary source).
 */
export function MembershipClocks({
  clocks,
  headingId,
}: {
  clocks: readonly MembershipClockView[];
  headingId: string;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const today = readersToday();
  return (
    <section aria-labelledby={headingId} className="margin-bottom-5">
      <h2 id={headingId}>{t('registry.clocks.heading')}</h2>
      {clocks.length === 0 ? (
        <p>{t('registry.clocks.none')}</p>
      ) : (
        <DataTable
          caption={t('registry.clocks.caption')}
          columns={[
            {
              id: 'name',
              header: t('registry.clocks.columns.name'),
              cell: (clock) => (
                <>
                  {t(`registry.clocks.names.${clock.name}`)}
                  <span className="display-block font-sans-2xs text-normal text-base-dark">
                    {t(`registry.clocks.kinds.${clock.kind}`)}
                  </span>
                </>
              ),
            },
            {
              id: 'date',
              header: t('registry.clocks.columns.date'),
              cell: (clock) =>
                clock.opens === null
                  ? t('registry.clocks.due', { date: format.date(clock.due) })
                  : t('registry.clocks.window', {
                      opens: format.date(clock.opens),
                      due: format.date(clock.due),
                    }),
            },
            {
              id: 'left',
              header: t('registry.clocks.columns.left'),
              cell: (clock) => <ClockCountdown clock={clock} today={today} />,
            },
            {
              id: 'rule',
              header: t('registry.clocks.columns.rule'),
              cell: (clock) => (
                <>
                  <span className="display-block">{clock.text}</span>
                  <span className="display-block font-sans-2xs text-base-dark">
                    {clock.citation}
                  </span>
                  {clock.provisional ? (
                    <span className="display-block margin-top-05">
                      <Tag tone="warning">{t('registry.clocks.provisional')}</Tag>
                    </span>
                  ) : null}
                </>
              ),
            },
          ]}
          rows={clocks}
          rowKey={(clock) => clock.name}
        />
      )}
      {clocks.some((clock) => clock.provisional) ? (
        <p className="font-sans-2xs text-base-dark">{t('registry.clocks.provisionalHint')}</p>
      ) : null}
    </section>
  );
}
