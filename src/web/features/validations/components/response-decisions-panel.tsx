import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type {
  RequiredAction,
  RequiredActionsView,
} from '../../../../domain/validations/validation-responses.schema.ts';
import { useCan } from '../../../app/shell/use-viewer.ts';
import { RequestForm } from '../../../components/request-form.tsx';
import { type FieldErrors, useApiForm } from '../../../lib/use-api-form.ts';
import { TextareaField } from '../../company-profile/components/textarea-field.tsx';
import { DecisionRadios } from '../../protests/components/protest-review-actions.tsx';
import { decideResponse, refreshAfterResponse } from '../api/validation-responses-api.ts';
import { LastingSuccessNotice } from './lasting-notice.tsx';
import {
  RequiredActionFinding,
  RequiredActionsLoader,
  ResponseHistory,
  ResponsesStatus,
} from './required-action-history.tsx';
import type { ValidationSectionProps } from './validation-details.tsx';

/**
 * CBP's side of a validation's required actions (issue 6, items 6 and 7): each required action
 * with the member's responses, and for the specialist conducting it (`validation:conduct:any`;
 * the server refuses an SCSS on a validation assigned to someone else) a decision on the
 * response waiting: accept, or return with a note. Accepting the last open one closes the
 * validation with the approved report's outcome.
 */
export function ResponseDecisionsPanel({ validationId }: { validationId: string }) {
  return (
    <RequiredActionsLoader side="cbp" validationId={validationId}>
      {(data) => <ResponseDecisionsPanelBody data={data} />}
    </RequiredActionsLoader>
  );
}

function ResponseDecisionsPanelBody({ data }: { data: RequiredActionsView }) {
  const { t } = useTranslation();
  const canDecide = useCan('validation:conduct:any');
  const waiting = data.items.filter((item) => item.state === 'awaiting_decision').length;
  return (
    <section aria-labelledby="response-decisions-heading" className="margin-top-4">
      <h2 id="response-decisions-heading">{t('validationResponses.cbpHeading')}</h2>
      <ResponsesStatus view={data} side="cbp" />
      {data.status === 'report_issued' ? (
        <p>
          {t('validationResponses.openCount', { count: data.open })}{' '}
          {t('validationResponses.waitingCount', { count: waiting })}
        </p>
      ) : null}
      {data.items.length === 0 ? (
        <p>{t('validationResponses.none')}</p>
      ) : (
        data.items.map((item) => {
          const headingId = `decision-action-${item.findingId}`;
          const pending = item.responses.at(-1);
          return (
            <article
              key={item.findingId}
              aria-labelledby={headingId}
              className="border-top border-base-lighter padding-top-2"
            >
              <RequiredActionFinding item={item} headingId={headingId} />
              <ResponseHistory item={item} side="cbp" organisationId={data.organisationId} />
              {canDecide &&
              data.status === 'report_issued' &&
              item.state === 'awaiting_decision' &&
              pending ? (
                <DecisionForm
                  view={data}
                  item={item}
                  responseId={pending.id}
                  lastOpen={data.open === 1}
                />
              ) : null}
            </article>
          );
        })
      )}
    </section>
  );
}

type DecisionValues = { decision: string; note: string };

function DecisionForm({
  view,
  item,
  responseId,
  lastOpen,
}: {
  view: RequiredActionsView;
  item: RequiredAction;
  responseId: string;
  lastOpen: boolean;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const prefix = `decision-${responseId}`;
  const form = useApiForm<DecisionValues, RequiredActionsView>({
    initial: { decision: '', note: '' },
    validate: (values) => {
      const errors: FieldErrors<DecisionValues> = {};
      if (values.decision !== 'accepted' && values.decision !== 'returned') {
        errors.decision = t('forms.errors.required');
      } else if (values.decision === 'returned' && values.note.trim() === '') {
        errors.note = t('validationResponses.decision.noteRequired');
      }
      return errors;
    },
    submit: (values) => {
      const note = values.note.trim();
      return decideResponse(view.validationId, responseId, {
        decision: values.decision === 'returned' ? 'returned' : 'accepted',
        ...(note === '' ? {} : { note }),
        expectedVersion: view.version,
      });
    },
    onSuccess: () => void refreshAfterResponse(queryClient),
  });
  return (
    <section aria-labelledby={`${prefix}-heading`} className="margin-bottom-3">
      <h4 id={`${prefix}-heading`}>{t('validationResponses.decision.heading')}</h4>
      {form.result ? (
        <LastingSuccessNotice>{t('validationResponses.decision.saved')}</LastingSuccessNotice>
      ) : null}
      {lastOpen ? (
        <p className="text-base-dark">{t('validationResponses.decision.closesHint')}</p>
      ) : null}
      <RequestForm
        form={form}
        label={t('validationResponses.decision.label', { id: item.criterion.id })}
        failedHeading={t('validationResponses.decision.failed')}
        failedHeadingLevel="h3"
        submitLabel={t('validationResponses.decision.submit')}
        pendingLabel={t('validationResponses.decision.sending')}
      >
        <DecisionRadios
          id={`${prefix}-decision`}
          legend={t('validationResponses.decision.legend')}
          options={[
            { value: 'accepted', label: t('validationResponses.decision.accept') },
            { value: 'returned', label: t('validationResponses.decision.return') },
          ]}
          value={form.values.decision}
          error={form.errors.decision}
          onChange={(value) => form.set('decision', value)}
        />
        <TextareaField
          id={`${prefix}-note`}
          name="note"
          label={t('validationResponses.decision.note')}
          hint={t('validationResponses.decision.noteHint')}
          value={form.values.note}
          maxLength={4000}
          error={form.errors.note}
          onChange={(value) => form.set('note', value)}
        />
      </RequestForm>
    </section>
  );
}

/** The panel as a section of the validation page: only once the report is issued. */
export function ResponseDecisionsSection({ validation }: ValidationSectionProps) {
  return validation.status === 'report_issued' || validation.status === 'closed' ? (
    <ResponseDecisionsPanel validationId={validation.id} />
  ) : null;
}
