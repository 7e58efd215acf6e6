import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  VALIDATION_ACTIVITIES,
  type ValidationActivity,
} from '../../../../domain/validations/validation-vocabulary.ts';
import type {
  HoursEntry,
  HoursSummary,
  WorkProgram,
} from '../../../../domain/validations/work-program.schema.ts';
import { useSignedIn } from '../../../app/shell/use-viewer.ts';
import { ConfirmButton } from '../../../components/confirm-button.tsx';
import { FormSection, RequestForm, SuccessNotice } from '../../../components/request-form.tsx';
import { Alert } from '../../../components/ui/alert.tsx';
import { DataTable } from '../../../components/ui/data-table.tsx';
import { SelectField, TextField } from '../../../components/ui/form-fields.tsx';
import { type FieldErrors, useApiForm } from '../../../lib/use-api-form.ts';
import { useCalendarDateFormat } from '../../../lib/use-calendar-date-format.ts';
import { deleteHours, recordHours, refreshValidations } from '../api/validation-work-api.ts';

/**
 * Staff hours on a validation (6 U.S.C. 971: records of staff hours for each validation): the
 * time per activity and in all, every entry, and for whoever conducts the validation a form to
 * record their own time and a way to delete their own entries.
 */

function useDuration() {
  const { t } = useTranslation();
  return (minutes: number) =>
    t('validationWork.hours.duration', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
}

type HoursValues = { activity: string; workedOn: string; minutes: string; note: string };

export function WorkProgramHours({ program }: { program: WorkProgram }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const duration = useDuration();
  const formatDate = useCalendarDateFormat();
  const me = useSignedIn()?.user.id ?? null;
  const hours: HoursSummary = program.hours;
  const form = useApiForm<HoursValues, HoursSummary>({
    initial: { activity: '', workedOn: '', minutes: '', note: '' },
    resetOnSuccess: true,
    validate: (values) => {
      const errors: FieldErrors<HoursValues> = {};
      if (values.activity === '') errors.activity = t('forms.errors.required');
      if (values.workedOn === '') errors.workedOn = t('forms.errors.required');
      const minutes = Number(values.minutes);
      if (!Number.isInteger(minutes) || minutes < 1 || minutes > 1440) {
        errors.minutes = t('validationWork.hours.minutesHint');
      }
      return errors;
    },
    submit: (values) =>
      recordHours(program.validationId, {
        activity: values.activity as ValidationActivity,
        workedOn: values.workedOn,
        minutes: Number(values.minutes),
        note: values.note,
      }),
    onSuccess: () => void refreshValidations(queryClient),
  });
  const removal = useMutation({
    mutationFn: (entry: HoursEntry) => deleteHours(program.validationId, entry.id),
    onSettled: () => void refreshValidations(queryClient),
  });
  return (
    <FormSection
      id="wp-hours-heading"
      heading={t('validationWork.hours.heading')}
      className="margin-top-4"
    >
      <p>{t('validationWork.hours.intro')}</p>
      <DataTable
        caption={t('validationWork.hours.totalsCaption')}
        columns={[
          {
            id: 'activity',
            header: t('validationWork.hours.activity'),
            cell: (row: { activity: string; minutes: number }) => row.activity,
          },
          {
            id: 'time',
            header: t('validationWork.hours.time'),
            cell: (row) => duration(row.minutes),
          },
        ]}
        rows={[
          ...hours.byActivity.map((entry) => ({
            activity: t(`validationWork.hours.activities.${entry.activity}`),
            minutes: entry.minutes,
          })),
          { activity: t('validationWork.hours.total'), minutes: hours.totalMinutes },
        ]}
        rowKey={(row) => row.activity}
      />
      {removal.isError ? (
        <Alert type="error" slim role="alert">
          <p className="margin-y-0">
            {t('validationWork.hours.deleteFailed')}: {removal.error.message}
          </p>
        </Alert>
      ) : null}
      {hours.items.length === 0 ? (
        <p className="text-base-dark">{t('validationWork.hours.none')}</p>
      ) : (
        <DataTable
          caption={t('validationWork.hours.entriesCaption')}
          columns={[
            {
              id: 'workedOn',
              header: t('validationWork.hours.workedOn'),
              cell: (entry: HoursEntry) => formatDate(entry.workedOn),
            },
            {
              id: 'person',
              header: t('validationWork.hours.person'),
              cell: (entry) => entry.user.name,
            },
            {
              id: 'activity',
              header: t('validationWork.hours.activity'),
              cell: (entry) => t(`validationWork.hours.activities.${entry.activity}`),
            },
            {
              id: 'time',
              header: t('validationWork.hours.time'),
              cell: (entry) => duration(entry.minutes),
            },
            { id: 'note', header: t('validationWork.hours.note'), cell: (entry) => entry.note },
            {
              id: 'actions',
              header: t('validationWork.hours.delete'),
              cell: (entry) =>
                program.canRecordHours && entry.user.id === me ? (
                  <ConfirmButton
                    label={t('validationWork.hours.delete')}
                    accessibleLabel={t('validationWork.hours.deleteOf', {
                      duration: duration(entry.minutes),
                      date: formatDate(entry.workedOn),
                    })}
                    question={t('validationWork.hours.deleteOf', {
                      duration: duration(entry.minutes),
                      date: formatDate(entry.workedOn),
                    })}
                    confirmLabel={t('validationWork.hours.delete')}
                    pending={removal.isPending && removal.variables?.id === entry.id}
                    pendingLabel={t('forms.saving')}
                    onConfirm={() => removal.mutate(entry)}
                  />
                ) : null,
            },
          ]}
          rows={hours.items}
          rowKey={(entry) => entry.id}
        />
      )}
      {program.canRecordHours ? (
        <>
          {form.result ? <SuccessNotice>{t('validationWork.hours.recorded')}</SuccessNotice> : null}
          <RequestForm
            form={form}
            label={t('validationWork.hours.add')}
            failedHeading={t('validationWork.hours.failed')}
            submitLabel={t('validationWork.hours.add')}
            pendingLabel={t('forms.saving')}
          >
            <SelectField
              id="wp-hours-activity"
              name="activity"
              label={t('validationWork.hours.activity')}
              emptyOption="—"
              options={VALIDATION_ACTIVITIES.map((activity) => ({
                value: activity,
                label: t(`validationWork.hours.activities.${activity}`),
              }))}
              value={form.values.activity}
              error={form.errors.activity}
              onChange={(value) => form.set('activity', value)}
            />
            <TextField
              id="wp-hours-worked-on"
              name="workedOn"
              type="date"
              width="medium"
              label={t('validationWork.hours.workedOn')}
              value={form.values.workedOn}
              error={form.errors.workedOn}
              onChange={(value) => form.set('workedOn', value)}
            />
            <TextField
              id="wp-hours-minutes"
              name="minutes"
              inputMode="numeric"
              width="small"
              label={t('validationWork.hours.minutes')}
              hint={t('validationWork.hours.minutesHint')}
              value={form.values.minutes}
              error={form.errors.minutes}
              onChange={(value) => form.set('minutes', value)}
            />
            <TextField
              id="wp-hours-note"
              name="note"
              maxLength={1000}
              label={t('validationWork.hours.note')}
              value={form.values.note}
              error={form.errors.note}
              onChange={(value) => form.set('note', value)}
            />
          </RequestForm>
        </>
      ) : null}
    </FormSection>
  );
}
