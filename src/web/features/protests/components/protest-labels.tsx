import { useTranslation } from 'react-i18next';
import type {
  ProtestClockView,
  ProtestView,
} from '../../../../domain/protests/protest-api.schema.ts';
import type { ProtestStatus } from '../../../../domain/protests/protest-vocabulary.ts';
import { Tag } from '../../../components/ui/tag.tsx';
import { useCalendarDateFormat } from '../../../lib/use-calendar-date-format.ts';

/**
 * Small pieces the protest screens share: status, the Trade Compliance indicator, days left,
 * paging (one module, so the lazily loaded pages share one chunk).
 */

const STATUS_TONES = {
  filed: 'primary',
  under_review: 'primary',
  under_further_review: 'warning',
  decided: 'success',
  withdrawn: 'base',
} as const satisfies Record<ProtestStatus, 'primary' | 'warning' | 'success' | 'base'>;

export function ProtestStatusTag({ status }: { status: ProtestStatus }) {
  const { t } = useTranslation();
  return <Tag tone={STATUS_TONES[status]}>{t(`protests.status.${status}`)}</Tag>;
}

/**
 * The verified CTPAT Trade Compliance indicator (COAC benefit 3): derived by the server from the
 * registry at filing, never typed by the filer. Nothing is shown for a protestant that is not
 * a verified member, so the tag stands out in a list.
 */
export function TradeComplianceTag({ verified }: { verified: boolean }) {
  const { t } = useTranslation();
  return verified ? (
    <Tag tone="success">{t('protests.tc.tag')}</Tag>
  ) : (
    <span className="text-base-dark">{t('protests.tc.no')}</span>
  );
}

/** Days to a clock's effective date: "12 days left", "Due today", "3 days overdue". */
export function DaysLeft({ days }: { days: number }) {
  const { t } = useTranslation();
  if (days === 0) {
    return <Tag tone="warning">{t('registry.clocks.dueToday')}</Tag>;
  }
  if (days < 0) {
    return <Tag tone="error">{t('registry.clocks.overdue', { count: -days })}</Tag>;
  }
  return <>{t('registry.clocks.daysLeft', { count: days })}</>;
}

/** A list's "next clock" cell: its name, effective date and days left. */
export function NextClock({ clock }: { clock: ProtestClockView | null }) {
  const { t } = useTranslation();
  const date = useCalendarDateFormat();
  if (clock === null) {
    return <span className="text-base-dark">{t('protests.clocks.none')}</span>;
  }
  return (
    <>
      {t(`protests.clocks.names.${clock.name}`)}
      {clock.entryNumber ? ` (${clock.entryNumber})` : ''}: {date(clock.effective)}
      <br />
      <DaysLeft days={clock.daysLeft} />
    </>
  );
}

const OPEN_STATUSES: ReadonlySet<ProtestStatus> = new Set([
  'filed',
  'under_review',
  'under_further_review',
]);

/** Open: neither decided nor withdrawn (what the filer and CBP may still act on). */
export function isOpen(protest: ProtestView): boolean {
  return OPEN_STATUSES.has(protest.status);
}
