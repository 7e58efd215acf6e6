import { useQueryClient } from '@tanstack/react-query';
import { ErrorMessage, Fieldset, Radio } from '@trussworks/react-uswds';
import { useTranslation } from 'react-i18next';
import {
  NOTES_MAX_CHARS,
  REPORT_DECISIONS,
  type ReportDecision,
  type WorkProgram,
} from '../../../../domain/validations/work-program.schema.ts';
import { useCan, useSignedIn } from '../../../app/shell/use-viewer.ts';
import { FormSection, RequestForm } from '../../../components/request-form.tsx';
import { Alert } from '../../../components/ui/alert.tsx';
import { type FieldErrors, useApiForm } from '../../../lib/use-api-form.ts';
import { TextareaField } from '../../company-profile/components/textarea-field.tsx';
import { decideReport, validationWorkKeys } from '../api/validation-work-api.ts';
import { LastingSuccessNotice } from './lasting-notice.tsx';

/**
 * A supervisory specialist's decision on a submitted report (issue 6, item 5): approve (the
 * report is issued to the member) or return it to fieldwork with a note. The report's author
 * sees why they cannot decide it; the server refuses it too.
 */

type DecisionValues = { decision: string; note: string };

export function ReportDecisionForm({ program }: { program: WorkProgram }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const canApprove = useCan('validation:approve:any');
  const me = useSignedIn()?.user.id ?? null;
  const form = useApiForm<DecisionValues, WorkProgram>({
    initial: { decision: '', note: '' },
    validate: (values) => {
      const errors: FieldErrors<DecisionValues> = {};
      if (values.decision === '') errors.decision = t('forms.errors.required');
      if (values.decision === 'return' && values.note.trim() === '') {
        errors.note = t('validationWork.decision.noteRequired');
      }
      return errors;
    },
    submit: (values) =>
      decideReport(program.validationId, {
        decision: values.decision as ReportDecision,
        note: values.note,
        expectedVersion: program.version,
      }),
    onSuccess: (result) => {
      queryClient.setQueryData(validationWorkKeys.workProgram(program.validationId), result);
      void queryClient.invalidateQueries({ queryKey: validationWorkKeys.all });
    },
  });
  if (form.result) {
    return <LastingSuccessNotice>{t('validationWork.decision.done')}</LastingSuccessNotice>;
  }
  if (!canApprove || program.status !== 'report_submitted') {
    return null;
  }
  if (!program.canDecideReport) {
    return program.report.author?.id === me ? (
      <Alert type="info" slim className="margin-top-4">
        <p className="margin-y-0">{t('validationWork.decision.ownReport')}</p>
      </Alert>
    ) : null;
  }
  return (
    <FormSection
      id="wp-decision-heading"
      heading={t('validationWork.decision.heading')}
      className="margin-top-4"
    >
      <RequestForm
        form={form}
        label={t('validationWork.decision.heading')}
        failedHeading={t('validationWork.decision.failed')}
        submitLabel={t('validationWork.decision.submit')}
        pendingLabel={t('forms.saving')}
      >
        <Fieldset legend={t('validationWork.decision.decision')}>
          {form.errors.decision ? (
            <ErrorMessage id="wp-decision-error">{form.errors.decision}</ErrorMessage>
          ) : null}
          {REPORT_DECISIONS.map((decision) => (
            <Radio
              key={decision}
              id={`wp-decision-${decision}`}
              name="decision"
              value={decision}
              label={t(`validationWork.decision.${decision}`)}
              checked={form.values.decision === decision}
              aria-invalid={form.errors.decision ? true : undefined}
              onChange={() => form.set('decision', decision)}
            />
          ))}
        </Fieldset>
        <TextareaField
          id="wp-decision-note"
          name="note"
          label={t('validationWork.decision.note')}
          hint={t('validationWork.decision.noteHint')}
          maxLength={NOTES_MAX_CHARS}
          value={form.values.note}
          error={form.errors.note}
          onChange={(value) => form.set('note', value)}
        />
      </RequestForm>
    </FormSection>
  );
}
