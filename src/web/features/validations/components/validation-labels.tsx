import { useTranslation } from 'react-i18next';
import type { ValidationSummary } from '../../../../domain/validations/validation-api.schema.ts';
import {
  OPEN_VALIDATION_STATUSES,
  type ValidationStatus,
} from '../../../../domain/validations/validation-vocabulary.ts';
import { Tag } from '../../../components/ui/tag.tsx';
import { useCalendarDateFormat } from '../../../lib/use-calendar-date-format.ts';

/** Small pieces the validation screens share: status, kind, due date, dates, paging. */

const STATUS_TONES = {
  planned: 'base',
  scheduled: 'primary',
  fieldwork: 'primary',
  report_submitted: 'warning',
  report_issued: 'warning',
  closed: 'success',
  cancelled: 'base',
} as const satisfies Record<ValidationStatus, 'primary' | 'warning' | 'success' | 'base'>;

export function ValidationStatusTag({ status }: { status: ValidationStatus }) {
  const { t } = useTranslation();
  return <Tag tone={STATUS_TONES[status]}>{t(`validations.status.${status}`)}</Tag>;
}

export function isOpenValidation(validation: Pick<ValidationSummary, 'status'>): boolean {
  return (OPEN_VALIDATION_STATUSES as readonly string[]).includes(validation.status);
}

/** The due date, with an "overdue" tag when the validation is open and past it. */
export function DueDate({
  validation,
}: {
  validation: Pick<ValidationSummary, 'dueOn' | 'overdue'>;
}) {
  const { t } = useTranslation();
  const date = useCalendarDateFormat();
  return (
    <>
      {date(validation.dueOn)}
      {validation.overdue ? (
        <>
          {' '}
          <Tag tone="error">{t('validations.overdue')}</Tag>
        </>
      ) : null}
    </>
  );
}

/** "12 Jan 2027 – 14 Jan 2027", or "Not scheduled". */
export function ValidationDates({
  validation,
}: {
  validation: Pick<ValidationSummary, 'startsOn' | 'endsOn'>;
}) {
  const { t } = useTranslation();
  const date = useCalendarDateFormat();
  if (validation.startsOn === null || validation.endsOn === null) {
    return <span className="text-base-dark">{t('validations.notScheduled')}</span>;
  }
  return (
    <>
      {validation.startsOn === validation.endsOn
        ? date(validation.startsOn)
        : t('validations.dateRange', {
            from: date(validation.startsOn),
            to: date(validation.endsOn),
          })}
    </>
  );
}
