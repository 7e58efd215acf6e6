import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PAGE_SIZE_MAX } from '../../../../domain/api/pagination.schema.ts';
import { needsMemberResponse } from '../../../../domain/validations/validation-outcome.ts';
import type {
  RequiredAction,
  RequiredActionsView,
} from '../../../../domain/validations/validation-responses.schema.ts';
import { useCan, useSignedIn } from '../../../app/shell/use-viewer.ts';
import { ApiErrorAlert } from '../../../components/api-error-alert.tsx';
import { RequestForm } from '../../../components/request-form.tsx';
import { CheckboxGroup, TextField } from '../../../components/ui/form-fields.tsx';
import { type FieldErrors, useApiForm } from '../../../lib/use-api-form.ts';
import { TextareaField } from '../../company-profile/components/textarea-field.tsx';
import { evidenceKeys, fetchEvidencePage } from '../../evidence/api/evidence-api.ts';
import { refreshAfterResponse, submitResponse } from '../api/validation-responses-api.ts';
import { LastingSuccessNotice } from './lasting-notice.tsx';
import {
  RequiredActionFinding,
  RequiredActionsLoader,
  ResponseHistory,
  ResponsesStatus,
} from './required-action-history.tsx';
import type { ValidationSectionProps } from './validation-details.tsx';

/**
 * The member's side of a validation's required actions (issue 6, item 6): once the report is
 * issued, each required action with the specialist's notes, its responses and CBP's decisions,
 * and for the company's officers and administrators (`validation:respond`) a response form:
 * corrective plan, the day it will be done, evidence from the company's own library. Nothing
 * shows before the report is issued.
 */
export function RequiredActionsPanel({ validationId }: { validationId: string }) {
  return (
    <RequiredActionsLoader side="member" validationId={validationId}>
      {(data) => <RequiredActionsPanelBody data={data} />}
    </RequiredActionsLoader>
  );
}

function RequiredActionsPanelBody({ data }: { data: RequiredActionsView }) {
  const { t } = useTranslation();
  const canRespond = useCan('validation:respond');
  return (
    <section aria-labelledby="required-actions-heading" className="margin-top-4">
      <h2 id="required-actions-heading">{t('validationResponses.heading')}</h2>
      <ResponsesStatus view={data} side="member" />
      {data.items.length === 0 ? (
        <p>{t('validationResponses.none')}</p>
      ) : (
        data.items.map((item) => (
          <RequiredActionItem
            key={item.findingId}
            view={data}
            item={item}
            canRespond={canRespond && data.status === 'report_issued'}
          />
        ))
      )}
    </section>
  );
}

function RequiredActionItem({
  view,
  item,
  canRespond,
}: {
  view: RequiredActionsView;
  item: RequiredAction;
  canRespond: boolean;
}) {
  const headingId = `required-action-${item.findingId}`;
  return (
    <article aria-labelledby={headingId} className="border-top border-base-lighter padding-top-2">
      <RequiredActionFinding item={item} headingId={headingId} />
      <ResponseHistory item={item} side="member" organisationId={view.organisationId} />
      {canRespond && needsMemberResponse(item.state) ? (
        <ResponseForm validationId={view.validationId} item={item} version={view.version} />
      ) : null}
    </article>
  );
}

type ResponseValues = { correctivePlan: string; targetOn: string; evidenceIds: string[] };

function today(): string {
  const now = new Date();
  return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()))
    .toISOString()
    .slice(0, 10);
}

function ResponseForm({
  validationId,
  item,
  version,
}: {
  validationId: string;
  item: RequiredAction;
  version: number;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const session = useSignedIn();
  const organisationId = session?.organisationId ?? '';
  const library = useQuery({
    queryKey: evidenceKeys.choices(organisationId),
    queryFn: ({ signal }) => fetchEvidencePage({}, null, { limit: PAGE_SIZE_MAX, signal }),
    enabled: organisationId !== '',
  });
  const prefix = `response-${item.findingId}`;
  const form = useApiForm<ResponseValues, RequiredActionsView>({
    initial: { correctivePlan: '', targetOn: '', evidenceIds: [] },
    validate: (values) => {
      const errors: FieldErrors<ResponseValues> = {};
      if (values.correctivePlan.trim() === '') {
        errors.correctivePlan = t('forms.errors.required');
      }
      if (values.targetOn === '') {
        errors.targetOn = t('forms.errors.required');
      } else if (values.targetOn < today()) {
        errors.targetOn = t('validationResponses.form.targetPast');
      }
      return errors;
    },
    submit: (values) =>
      submitResponse(validationId, item.findingId, {
        correctivePlan: values.correctivePlan.trim(),
        targetOn: values.targetOn,
        evidenceIds: values.evidenceIds,
        expectedVersion: version,
      }),
    onSuccess: () => void refreshAfterResponse(queryClient),
    resetOnSuccess: true,
  });
  const documents = library.data?.items ?? [];
  return (
    <section aria-labelledby={`${prefix}-heading`} className="margin-bottom-3">
      <h4 id={`${prefix}-heading`}>{t('validationResponses.form.heading')}</h4>
      {form.result ? (
        <LastingSuccessNotice>{t('validationResponses.form.sent')}</LastingSuccessNotice>
      ) : null}
      <RequestForm
        form={form}
        label={t('validationResponses.form.label', { id: item.criterion.id })}
        failedHeading={t('validationResponses.form.failed')}
        failedHeadingLevel="h3"
        submitLabel={t('validationResponses.form.submit')}
        pendingLabel={t('validationResponses.form.sending')}
      >
        <TextareaField
          id={`${prefix}-plan`}
          name="correctivePlan"
          label={t('validationResponses.form.plan')}
          hint={t('validationResponses.form.planHint')}
          value={form.values.correctivePlan}
          maxLength={8000}
          error={form.errors.correctivePlan}
          onChange={(value) => form.set('correctivePlan', value)}
        />
        <TextField
          id={`${prefix}-target`}
          name="targetOn"
          type="date"
          width="medium"
          label={t('validationResponses.form.target')}
          hint={t('validationResponses.form.targetHint')}
          value={form.values.targetOn}
          error={form.errors.targetOn}
          onChange={(value) => form.set('targetOn', value)}
        />
        {library.isError ? (
          <ApiErrorAlert
            heading={t('validationResponses.form.libraryError')}
            headingLevel="h4"
            error={library.error}
            onRetry={() => void library.refetch()}
          />
        ) : documents.length === 0 && !library.isPending ? (
          <p>
            {t('validationResponses.form.noEvidence')}{' '}
            <Link to="/evidence" className="usa-link">
              {t('validationResponses.form.library')}
            </Link>
          </p>
        ) : (
          <CheckboxGroup
            id={`${prefix}-evidence`}
            name="evidenceIds"
            legend={t('validationResponses.form.evidence')}
            hint={t('validationResponses.form.evidenceHint')}
            options={documents.map((document) => ({ value: document.id, label: document.title }))}
            values={form.values.evidenceIds}
            error={form.errors.evidenceIds}
            onChange={(values) => form.set('evidenceIds', values)}
          />
        )}
      </RequestForm>
    </section>
  );
}

/** The panel as a section of the validation page: only once the report is issued. */
export function RequiredActionsSection({ validation }: ValidationSectionProps) {
  return validation.status === 'report_issued' || validation.status === 'closed' ? (
    <RequiredActionsPanel validationId={validation.id} />
  ) : null;
}
