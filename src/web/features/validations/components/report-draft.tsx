import { useQueryClient } from '@tanstack/react-query';
import { ErrorMessage, Fieldset, Radio } from '@trussworks/react-uswds';
import { useTranslation } from 'react-i18next';
import type { ValidationOutcome } from '../../../../domain/validations/validation-vocabulary.ts';
import {
  REPORT_FORMATS,
  SUMMARY_MAX_CHARS,
  type WorkProgram,
} from '../../../../domain/validations/work-program.schema.ts';
import { RequestForm } from '../../../components/request-form.tsx';
import { Alert } from '../../../components/ui/alert.tsx';
import { useApiForm } from '../../../lib/use-api-form.ts';
import { useCalendarDateFormat } from '../../../lib/use-calendar-date-format.ts';
import { useFormatters } from '../../../lib/use-formatters.ts';
import { TextareaField } from '../../company-profile/components/textarea-field.tsx';
import {
  refreshValidations,
  reportFileUrl,
  saveReportDraft,
  submitReport,
  validationWorkKeys,
} from '../api/validation-work-api.ts';
import { LastingSuccessNotice } from './lasting-notice.tsx';

/**
 * The report of a validation on CBP's side (issue 6, item 5): where it stands (author,
 * approval, issue day and the responses' due date, its documents), whether every applicable
 * criterion is rated, and during fieldwork the draft (summary and recommended outcome, with the
 * outcomes the findings allow) and the submission for approval.
 */
export function ReportPanel({ program }: { program: WorkProgram }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const formatDate = useCalendarDateFormat();
  const report = program.report;
  const drafting = program.canRecordFindings && program.status === 'fieldwork';
  const missing = program.readiness.missing;
  return (
    <section aria-labelledby="wp-report-heading" className="margin-top-4">
      <h2 id="wp-report-heading">{t('validationWork.report.heading')}</h2>
      <ul className="usa-list">
        {report.author ? (
          <li>{t('validationWork.report.author', { name: report.author.name })}</li>
        ) : null}
        {report.submittedAt ? (
          <li>
            {t('validationWork.report.submittedAt', { time: format.dateTime(report.submittedAt) })}
          </li>
        ) : null}
        {report.approvedBy ? (
          <li>{t('validationWork.report.approvedBy', { name: report.approvedBy.name })}</li>
        ) : null}
        {report.issuedOn ? (
          <li>{t('validationWork.report.issuedOn', { date: formatDate(report.issuedOn) })}</li>
        ) : null}
        {report.responsesDueOn ? (
          <li>
            {t('validationWork.report.responsesDue', { date: formatDate(report.responsesDueOn) })}
            {report.responsePeriodProvisional
              ? ` ${t('validationWork.report.provisional', { days: report.responsePeriodDays })}`
              : null}
          </li>
        ) : null}
      </ul>
      {report.documents.length > 0 ? (
        <>
          <h3>{t('validationWork.report.documents')}</h3>
          <ul className="usa-list">
            {[...new Set(report.documents.map((document) => document.language))].flatMap(
              (language) =>
                REPORT_FORMATS.map((fileFormat) => (
                  <li key={`${language}-${fileFormat}`}>
                    <a
                      className="usa-link"
                      href={reportFileUrl('cbp', program.validationId, fileFormat, language)}
                    >
                      {t('validationWork.report.download', {
                        format: fileFormat.toUpperCase(),
                        language: t(`validationWork.report.languages.${language}`),
                      })}
                    </a>
                  </li>
                )),
            )}
          </ul>
        </>
      ) : null}
      {program.status === 'fieldwork' || program.status === 'scheduled' ? (
        missing.length === 0 ? (
          <Alert type="success" slim>
            <p className="margin-y-0">{t('validationWork.report.ready')}</p>
          </Alert>
        ) : (
          <Alert type="info" slim>
            <p className="margin-y-0">
              {t('validationWork.report.missing', {
                count: missing.length,
                ids: missing.join(', '),
              })}
            </p>
          </Alert>
        )
      ) : null}
      {drafting ? (
        <div>
          <DraftForm program={program} />
          <SubmitForm program={program} />
        </div>
      ) : report.summary ? (
        <>
          <h3>{t('validationWork.report.summary')}</h3>
          <p className="measure-5" style={{ whiteSpace: 'pre-wrap' }}>
            {report.summary}
          </p>
          {report.recommendedOutcome ? (
            <p>
              <span className="text-bold">{t('validationWork.report.outcome')}:</span>{' '}
              {t(`validationWork.report.outcomes.${report.recommendedOutcome}`)}
            </p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

type DraftValues = { summary: string; recommendedOutcome: string };

function DraftForm({ program }: { program: WorkProgram }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const report = program.report;
  const form = useApiForm<DraftValues, WorkProgram>({
    initial: { summary: report.summary, recommendedOutcome: report.recommendedOutcome ?? '' },
    submit: (values) =>
      saveReportDraft(program.validationId, {
        summary: values.summary,
        recommendedOutcome:
          values.recommendedOutcome === ''
            ? null
            : (values.recommendedOutcome as ValidationOutcome),
        expectedVersion: program.version,
      }),
    onSuccess: (result) =>
      queryClient.setQueryData(validationWorkKeys.workProgram(program.validationId), result),
  });
  return (
    <>
      {form.result ? (
        <LastingSuccessNotice>{t('validationWork.report.draftSaved')}</LastingSuccessNotice>
      ) : null}
      <RequestForm
        form={form}
        label={t('validationWork.report.saveDraft')}
        failedHeading={t('validationWork.report.draftFailed')}
        submitLabel={t('validationWork.report.saveDraft')}
        pendingLabel={t('forms.saving')}
        submitVariant="outline"
      >
        <TextareaField
          id="wp-report-summary"
          name="summary"
          label={t('validationWork.report.summary')}
          hint={t('validationWork.report.summaryHint')}
          maxLength={SUMMARY_MAX_CHARS}
          value={form.values.summary}
          error={form.errors.summary}
          onChange={(value) => form.set('summary', value)}
        />
        <Fieldset legend={t('validationWork.report.outcome')} className="margin-top-2">
          {form.errors.recommendedOutcome ? (
            <ErrorMessage>{form.errors.recommendedOutcome}</ErrorMessage>
          ) : null}
          {report.outcomeOptions.map((option) => (
            <Radio
              key={option.outcome}
              id={`wp-report-outcome-${option.outcome}`}
              name="recommendedOutcome"
              value={option.outcome}
              label={t(`validationWork.report.outcomes.${option.outcome}`)}
              labelDescription={
                option.reason
                  ? t('validationWork.report.notAllowed', { reason: option.reason })
                  : undefined
              }
              checked={form.values.recommendedOutcome === option.outcome}
              onChange={() => form.set('recommendedOutcome', option.outcome)}
            />
          ))}
        </Fieldset>
      </RequestForm>
    </>
  );
}

function SubmitForm({ program }: { program: WorkProgram }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useApiForm<Record<string, never>, WorkProgram>({
    initial: {},
    submit: () => submitReport(program.validationId, program.version),
    onSuccess: () => void refreshValidations(queryClient),
  });
  return (
    <section aria-labelledby="wp-report-submit-heading" className="margin-top-3">
      <h3 id="wp-report-submit-heading">{t('validationWork.report.submitHeading')}</h3>
      <p>{t('validationWork.report.submitIntro')}</p>
      {form.result ? (
        <LastingSuccessNotice>{t('validationWork.report.submitted')}</LastingSuccessNotice>
      ) : null}
      <RequestForm
        form={form}
        label={t('validationWork.report.submit')}
        failedHeading={t('validationWork.report.submitFailed')}
        submitLabel={t('validationWork.report.submit')}
        pendingLabel={t('forms.saving')}
      />
    </section>
  );
}
