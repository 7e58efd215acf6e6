import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ErrorMessage, Radio } from '@trussworks/react-uswds';
import { useTranslation } from 'react-i18next';
import type { ProtestView } from '../../../../domain/protests/protest-api.schema.ts';
import {
  decisionRequiresReasons,
  type ProtestDecisionKind,
} from '../../../../domain/protests/protest-vocabulary.ts';
import { FormSection, RequestForm, SuccessNotice } from '../../../components/request-form.tsx';
import { CheckboxField, SelectField, TextField } from '../../../components/ui/form-fields.tsx';
import { type FieldErrors, useApiForm } from '../../../lib/use-api-form.ts';
import { TextareaField } from '../../company-profile/components/textarea-field.tsx';
import {
  assignProtest,
  decideFurtherReview,
  decideProtest,
  protestReviewersQuery,
} from '../api/protest-review-api.ts';
import { refreshProtests } from '../api/protests-api.ts';

/** CBP's actions on one protest (issue 7, items 4 and 5): assignment, decision, further review. */

const UNASSIGNED = '';

export function AssignmentForm({ protest }: { protest: ProtestView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const reviewers = useQuery(protestReviewersQuery());
  const form = useApiForm<{ reviewerUserId: string }, ProtestView>({
    initial: { reviewerUserId: protest.assignedReviewer?.userId ?? UNASSIGNED },
    submit: (values) =>
      assignProtest(
        protest.id,
        values.reviewerUserId === UNASSIGNED ? null : values.reviewerUserId,
        protest.version,
      ),
    onSuccess: () => void refreshProtests(queryClient),
  });
  return (
    <FormSection
      id="protest-assign-heading"
      heading={t('protests.review.assign')}
      className="margin-top-4"
    >
      <p>
        {protest.assignedReviewer
          ? t('protests.review.assignedTo', { name: protest.assignedReviewer.displayName })
          : t('profileReview.queue.unassigned')}
      </p>
      {form.result ? <SuccessNotice>{t('protests.review.saved')}</SuccessNotice> : null}
      <RequestForm
        form={form}
        label={t('protests.review.assign')}
        failedHeading={t('protests.review.failed')}
        submitLabel={t('protests.review.assignSubmit')}
        pendingLabel={t('forms.saving')}
      >
        <SelectField
          id="protest-reviewer"
          name="reviewerUserId"
          label={t('protests.queue.reviewer')}
          options={[
            { value: UNASSIGNED, label: t('profileReview.queue.unassigned') },
            ...(reviewers.data?.items ?? []).map((reviewer) => ({
              value: reviewer.userId,
              label: reviewer.displayName,
            })),
          ]}
          value={form.values.reviewerUserId}
          error={form.errors.reviewerUserId}
          onChange={(value) => form.set('reviewerUserId', value)}
        />
      </RequestForm>
    </FormSection>
  );
}

const DECISIONS = ['allowed', 'allowed_in_part', 'denied', 'denied_in_part'] as const;
type Decision = (typeof DECISIONS)[number];

type DecisionValues = {
  decision: string;
  reasons: string;
  refundDue: boolean;
  publish: boolean;
  denialNoticeMailedOn: string;
};

/**
 * The decision (19 U.S.C. 1515(a); 19 CFR 174.29–174.30): reasons are required for any
 * decision that denies something (checked here as a hint; the server's 400 on `reasons` lands
 * on the field too); a denial records the day its notice is mailed (default today).
 */
export function DecisionForm({ protest }: { protest: ProtestView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useApiForm<DecisionValues, ProtestView>({
    initial: {
      decision: '',
      reasons: '',
      refundDue: false,
      publish: false,
      denialNoticeMailedOn: '',
    },
    validate: (values) => {
      const errors: FieldErrors<DecisionValues> = {};
      const decision = DECISIONS.find((kind) => kind === values.decision);
      if (decision === undefined) {
        errors.decision = t('forms.errors.required');
      } else if (decisionRequiresReasons(decision) && values.reasons.trim() === '') {
        errors.reasons = t('protests.review.reasonsRequired');
      }
      return errors;
    },
    submit: (values) => {
      const decision = values.decision as Decision;
      const denies = decisionRequiresReasons(decision);
      const reasons = values.reasons.trim();
      return decideProtest(protest.id, {
        decision,
        ...(reasons === '' ? {} : { reasons }),
        refundDue: values.refundDue,
        publish: values.publish,
        ...(denies && values.denialNoticeMailedOn !== ''
          ? { denialNoticeMailedOn: values.denialNoticeMailedOn }
          : {}),
        expectedVersion: protest.version,
      });
    },
    onSuccess: () => void refreshProtests(queryClient),
  });
  const chosen = DECISIONS.find((kind) => kind === form.values.decision);
  const denies = chosen !== undefined && decisionRequiresReasons(chosen);
  return (
    <FormSection
      id="protest-decide-heading"
      heading={t('protests.review.decide')}
      className="margin-top-4"
    >
      <RequestForm
        form={form}
        label={t('protests.review.decide')}
        failedHeading={t('protests.review.failed')}
        submitLabel={t('protests.review.decideSubmit')}
        pendingLabel={t('forms.saving')}
      >
        <DecisionRadios
          id="protest-decision"
          legend={t('protests.objections.decision')}
          options={DECISIONS.map((kind: ProtestDecisionKind) => ({
            value: kind,
            label: t(`protests.kind.${kind}`),
          }))}
          value={form.values.decision}
          error={form.errors.decision}
          onChange={(value) => form.set('decision', value)}
        />
        <TextareaField
          id="protest-decision-reasons"
          name="reasons"
          label={t('protests.decision.reasons')}
          hint={t('protests.review.reasonsHint')}
          maxLength={20_000}
          value={form.values.reasons}
          error={form.errors.reasons}
          onChange={(value) => form.set('reasons', value)}
        />
        {denies ? (
          <TextField
            id="protest-decision-mailed-on"
            name="denialNoticeMailedOn"
            type="date"
            label={t('protests.decision.mailed')}
            hint={t('protests.review.mailedHint')}
            value={form.values.denialNoticeMailedOn}
            error={form.errors.denialNoticeMailedOn}
            onChange={(value) => form.set('denialNoticeMailedOn', value)}
          />
        ) : null}
        <CheckboxField
          id="protest-decision-refund"
          name="refundDue"
          label={t('protests.decision.refund')}
          checked={form.values.refundDue}
          error={form.errors.refundDue}
          onChange={(checked) => form.set('refundDue', checked)}
        />
        <CheckboxField
          id="protest-decision-publish"
          name="publish"
          label={t('protests.review.publish')}
          checked={form.values.publish}
          error={form.errors.publish}
          onChange={(checked) => form.set('publish', checked)}
        />
      </RequestForm>
    </FormSection>
  );
}

/** One choice among decisions, as radio buttons with the field's error. */
export function DecisionRadios({
  id,
  legend,
  options,
  value,
  error,
  onChange,
}: {
  id: string;
  legend: string;
  options: readonly { value: string; label: string }[];
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}) {
  return (
    <fieldset className="usa-fieldset margin-top-2">
      <legend className="usa-legend">{legend}</legend>
      {error ? <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage> : null}
      {options.map((option, index) => (
        <Radio
          key={option.value}
          id={index === 0 ? id : `${id}-${option.value}`}
          name={id}
          value={option.value}
          label={option.label}
          checked={value === option.value}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={() => onChange(option.value)}
        />
      ))}
    </fieldset>
  );
}

/** The application for further review: approve (routed per 174.26) or deny with reasons. */
export function FurtherReviewForm({ protest }: { protest: ProtestView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useApiForm<{ decision: string; reasons: string }, ProtestView>({
    initial: { decision: '', reasons: '' },
    validate: (values) => {
      const errors: FieldErrors<{ decision: string; reasons: string }> = {};
      if (values.decision === '') errors.decision = t('forms.errors.required');
      if (values.decision === 'denied' && values.reasons.trim() === '') {
        errors.reasons = t('forms.errors.required');
      }
      return errors;
    },
    submit: (values) =>
      decideFurtherReview(protest.id, {
        decision: values.decision === 'approved' ? 'approved' : 'denied',
        ...(values.reasons.trim() === '' ? {} : { reasons: values.reasons.trim() }),
        expectedVersion: protest.version,
      }),
    onSuccess: () => void refreshProtests(queryClient),
  });
  return (
    <FormSection
      id="protest-fr-heading"
      heading={t('protests.f.furtherReview')}
      className="margin-top-4"
    >
      <RequestForm
        form={form}
        label={t('protests.f.furtherReview')}
        failedHeading={t('protests.review.failed')}
        submitLabel={t('protests.review.decideSubmit')}
        pendingLabel={t('forms.saving')}
      >
        <DecisionRadios
          id="protest-fr-decision"
          legend={t('protests.objections.decision')}
          options={[
            { value: 'approved', label: t('profileReview.review.approve') },
            { value: 'denied', label: t('protests.review.frDeny') },
          ]}
          value={form.values.decision}
          error={form.errors.decision}
          onChange={(value) => form.set('decision', value)}
        />
        <TextareaField
          id="protest-fr-reasons"
          name="reasons"
          label={t('protests.decision.reasons')}
          maxLength={20_000}
          value={form.values.reasons}
          error={form.errors.reasons}
          onChange={(value) => form.set('reasons', value)}
        />
      </RequestForm>
    </FormSection>
  );
}
