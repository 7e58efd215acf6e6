import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ErrorMessage, Fieldset, Radio } from '@trussworks/react-uswds';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MSC_CATEGORIES } from '../../../../domain/criteria/msc-categories.ts';
import type { FindingRating } from '../../../../domain/validations/validation-vocabulary.ts';
import {
  type Finding,
  FindingSchema,
  NOTES_MAX_CHARS,
  type WorkProgram,
  type WorkProgramCriterion,
} from '../../../../domain/validations/work-program.schema.ts';
import { ConfirmButton } from '../../../components/confirm-button.tsx';
import { RequestForm, SuccessNotice } from '../../../components/request-form.tsx';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { CheckboxField, SelectField } from '../../../components/ui/form-fields.tsx';
import { Tag } from '../../../components/ui/tag.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { useApiForm } from '../../../lib/use-api-form.ts';
import { useCalendarDateFormat } from '../../../lib/use-calendar-date-format.ts';
import { useFormatters } from '../../../lib/use-formatters.ts';
import { TextareaField } from '../../company-profile/components/textarea-field.tsx';
import { deleteFinding, refreshValidations, saveFinding } from '../api/validation-work-api.ts';

/**
 * The criteria of a validation's standard work program (issue 6, item 4), by category: each
 * with its designation, the member's answer and linked evidence, the findings recorded so far
 * (validation-wide and per site) and, for whoever conducts the validation, the form that records
 * or changes a finding with the ratings that fit the criterion. A change someone else saved
 * meanwhile comes back as a conflict showing the current finding.
 */

const WHOLE = '';

/** "3.4" → "wp-3-4": criterion ids in element ids. */
function domIdOf(criterionId: string): string {
  return `wp-${criterionId.replace('.', '-')}`;
}

const RATING_TONES: Record<FindingRating, 'success' | 'error' | 'warning' | 'primary'> = {
  compliant: 'success',
  required_action: 'error',
  recommendation: 'warning',
  best_practice: 'primary',
};

export function RatingTag({ rating }: { rating: FindingRating }) {
  const { t } = useTranslation();
  return <Tag tone={RATING_TONES[rating]}>{t(`validationWork.ratings.${rating}`)}</Tag>;
}

function usePlaceName(program: WorkProgram) {
  const { t } = useTranslation();
  return (siteId: string | null) =>
    siteId === null
      ? t('validationWork.finding.validationWide')
      : (program.sites.find((site) => site.id === siteId)?.name ?? siteId);
}

export function WorkProgramCriteria({ program }: { program: WorkProgram }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="wp-criteria-heading" className="margin-top-4">
      <h2 id="wp-criteria-heading">{t('validationWork.criteria.heading')}</h2>
      <p className="text-base-dark">
        {t('validationWork.criteria.progress', {
          rated: program.readiness.rated,
          applicable: program.readiness.applicable,
        })}
      </p>
      {MSC_CATEGORIES.map((category) => {
        const criteria = program.criteria.filter(
          (criterion) => criterion.category === category.number,
        );
        if (criteria.length === 0) return null;
        return (
          <section
            key={category.number}
            aria-labelledby={`wp-category-${category.number}`}
            className="margin-top-3"
          >
            <h3 id={`wp-category-${category.number}`}>
              {category.number}. {category.name}
            </h3>
            {criteria.map((criterion) => (
              <CriterionCard key={criterion.id} program={program} criterion={criterion} />
            ))}
          </section>
        );
      })}
    </section>
  );
}

function CriterionCard({
  program,
  criterion,
}: {
  program: WorkProgram;
  criterion: WorkProgramCriterion;
}) {
  const { t } = useTranslation();
  const formatDate = useCalendarDateFormat();
  const domId = domIdOf(criterion.id);
  return (
    <article
      id={domId}
      className="border-1px border-base-lighter radius-md padding-2 margin-bottom-3"
      aria-labelledby={`${domId}-title`}
    >
      <h4 id={`${domId}-title`} className="margin-top-0 margin-bottom-1 font-sans-md">
        {t('validationWork.criterion.title', { id: criterion.id })}
      </h4>
      <p className="margin-y-1">
        <Tag tone={criterion.designation === 'must' ? 'primary' : 'base'}>
          {t(`validationWork.designation.${criterion.designation}`)}
        </Tag>{' '}
        {criterion.provisional ? <Tag tone="warning">{t('validationWork.provisional')}</Tag> : null}{' '}
        {criterion.findings.length > 0 ? (
          <Tag tone="success">{t('validationWork.criteria.rated')}</Tag>
        ) : (
          <Tag>{t('validationWork.criteria.unrated')}</Tag>
        )}
      </p>
      <p className="measure-5">{criterion.text}</p>
      <dl className="margin-y-1">
        <dt className="text-bold">{t('validationWork.criterion.answer')}</dt>
        <dd className="margin-left-0">
          {criterion.answer?.status
            ? t(`validationWork.criterion.answerStatuses.${criterion.answer.status}`)
            : t('validationWork.criterion.notAnswered')}
        </dd>
        {criterion.answer ? (
          <dd className="margin-left-0 margin-top-05 measure-5" style={{ whiteSpace: 'pre-wrap' }}>
            {criterion.answer.narrative || t('validationWork.criterion.noNarrative')}
          </dd>
        ) : null}
        <dt className="text-bold margin-top-1">{t('validationWork.criterion.evidence')}</dt>
        <dd className="margin-left-0">
          {criterion.evidence.length === 0 ? (
            t('validationWork.criterion.noEvidence')
          ) : (
            <ul className="usa-list margin-y-05">
              {criterion.evidence.map((item) => (
                <li key={item.evidenceId}>
                  {item.title}
                  {item.expiresOn
                    ? ` (${t('validationWork.criterion.expires', { date: formatDate(item.expiresOn) })})`
                    : null}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
      <FindingList program={program} criterion={criterion} domId={domId} />
      {program.canRecordFindings ? (
        <FindingForm program={program} criterion={criterion} domId={domId} />
      ) : null}
    </article>
  );
}

function FindingList({
  program,
  criterion,
  domId,
}: {
  program: WorkProgram;
  criterion: WorkProgramCriterion;
  domId: string;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const placeName = usePlaceName(program);
  const queryClient = useQueryClient();
  const removal = useMutation({
    mutationFn: (finding: Finding) =>
      deleteFinding(program.validationId, finding.id, finding.version),
    onSettled: () => void refreshValidations(queryClient),
  });
  return (
    <div className="margin-top-2">
      <h5 className="margin-y-05 font-sans-sm" id={`${domId}-findings`}>
        {t('validationWork.criterion.findings')}
      </h5>
      {removal.isError ? (
        <Alert type="error" slim role="alert">
          <p className="margin-y-0">
            {t('validationWork.finding.deleteFailed')}: {removal.error.message}
          </p>
        </Alert>
      ) : null}
      {criterion.findings.length === 0 ? (
        <p className="margin-y-05 text-base-dark">{t('validationWork.criterion.noFindings')}</p>
      ) : (
        <ul className="usa-list usa-list--unstyled" aria-labelledby={`${domId}-findings`}>
          {criterion.findings.map((finding) => (
            <li key={finding.id} className="border-top-1px border-base-lighter padding-y-1">
              <p className="margin-y-05">
                <span className="text-bold">{placeName(finding.siteId)}</span>{' '}
                <RatingTag rating={finding.rating} />
              </p>
              {finding.notes ? (
                <p className="margin-y-05 measure-5" style={{ whiteSpace: 'pre-wrap' }}>
                  {finding.notes}
                </p>
              ) : null}
              {finding.evidenceSeen ? (
                <p className="margin-y-05 measure-5">
                  <span className="text-bold">{t('validationWork.finding.evidenceSeen')}:</span>{' '}
                  {finding.evidenceSeen}
                </p>
              ) : null}
              <p className="margin-y-05 font-sans-2xs text-base-dark">
                {t('validationWork.finding.by', {
                  name: finding.recordedBy?.name ?? '—',
                  time: format.dateTime(finding.updatedAt),
                })}
              </p>
              {program.canRecordFindings ? (
                <ConfirmButton
                  label={t('validationWork.finding.delete')}
                  accessibleLabel={t('validationWork.finding.deleteOf', {
                    place: `${criterion.id}, ${placeName(finding.siteId)}`,
                  })}
                  question={t('validationWork.finding.deleteOf', {
                    place: `${criterion.id}, ${placeName(finding.siteId)}`,
                  })}
                  confirmLabel={t('validationWork.finding.delete')}
                  pending={removal.isPending && removal.variables?.id === finding.id}
                  pendingLabel={t('forms.saving')}
                  onConfirm={() => removal.mutate(finding)}
                />
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

type FindingValues = {
  place: string;
  rating: string;
  notes: string;
  evidenceSeen: string;
  evidenceIds: string[];
};

function valuesOf(place: string, finding: Finding | undefined): FindingValues {
  return {
    place,
    rating: finding?.rating ?? '',
    notes: finding?.notes ?? '',
    evidenceSeen: finding?.evidenceSeen ?? '',
    evidenceIds: finding?.evidenceIds ?? [],
  };
}

/** The 409 of a stale save: the finding as it now is (null: deleted meanwhile). */
function conflictOf(error: Error | null): { current: Finding | null } | null {
  if (!(error instanceof ApiError) || error.code !== 'CONFLICT') return null;
  const details = error.details as { current?: unknown } | undefined;
  if (!details || !('current' in details)) return null;
  const parsed = FindingSchema.nullable().safeParse(details.current);
  return parsed.success ? { current: parsed.data } : null;
}

function FindingForm({
  program,
  criterion,
  domId,
}: {
  program: WorkProgram;
  criterion: WorkProgramCriterion;
  domId: string;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const placeName = usePlaceName(program);
  const findingAt = (place: string) =>
    criterion.findings.find((finding) => (finding.siteId ?? WHOLE) === place);
  // The version the editor started from: sent as expectedVersion (absent for a new finding).
  const [baseVersion, setBaseVersion] = useState<number | undefined>(findingAt(WHOLE)?.version);
  const form = useApiForm<FindingValues, Finding>({
    initial: valuesOf(WHOLE, findingAt(WHOLE)),
    validate: (values) => (values.rating === '' ? { rating: t('forms.errors.required') } : {}),
    submit: (values) =>
      saveFinding(program.validationId, {
        criterionId: criterion.id,
        siteId: values.place === WHOLE ? null : values.place,
        rating: values.rating as FindingRating,
        notes: values.notes,
        evidenceSeen: values.evidenceSeen,
        evidenceIds: values.evidenceIds,
        ...(baseVersion === undefined ? {} : { expectedVersion: baseVersion }),
      }),
    onSuccess: (saved) => {
      setBaseVersion(saved.version);
      void refreshValidations(queryClient);
    },
  });
  const choosePlace = (place: string) => {
    const existing = findingAt(place);
    setBaseVersion(existing?.version);
    form.reset(valuesOf(place, existing));
  };
  const conflict = conflictOf(form.error);
  return (
    <section aria-labelledby={`${domId}-form`} className="margin-top-2">
      <h5 id={`${domId}-form`} className="margin-y-05 font-sans-sm">
        {t('validationWork.finding.heading')}
      </h5>
      {form.result ? <SuccessNotice>{t('validationWork.finding.saved')}</SuccessNotice> : null}
      {conflict ? (
        <Alert
          type="warning"
          heading={t('validationWork.finding.conflictHeading')}
          headingLevel="h4"
          role="alert"
          className="margin-y-2"
        >
          <p>
            {conflict.current
              ? t('validationWork.finding.conflictBody', {
                  name: conflict.current.recordedBy?.name ?? '—',
                  rating: t(`validationWork.ratings.${conflict.current.rating}`),
                })
              : t('validationWork.finding.conflictRemoved')}
          </p>
          {conflict.current?.notes ? (
            <p className="measure-5" style={{ whiteSpace: 'pre-wrap' }}>
              {conflict.current.notes}
            </p>
          ) : null}
          <Button
            variant="outline"
            onClick={() => {
              setBaseVersion(conflict.current?.version);
              form.reset(valuesOf(form.values.place, conflict.current ?? undefined));
            }}
          >
            {t('validationWork.finding.useCurrent')}
          </Button>
        </Alert>
      ) : null}
      <RequestForm
        form={form}
        label={`${t('validationWork.finding.heading')} ${criterion.id}`}
        failedHeading={t('validationWork.finding.failed')}
        submitLabel={t('validationWork.finding.save')}
        pendingLabel={t('forms.saving')}
      >
        <SelectField
          id={`${domId}-place`}
          name="place"
          label={t('validationWork.finding.place')}
          options={[
            { value: WHOLE, label: placeName(null) },
            ...program.sites.map((site) => ({ value: site.id, label: site.name })),
          ]}
          value={form.values.place}
          error={form.errors.place ?? form.errors.siteId}
          hint={baseVersion === undefined ? undefined : t('validationWork.finding.changing')}
          onChange={choosePlace}
        />
        <Fieldset legend={t('validationWork.finding.rating')} className="margin-top-2">
          {form.errors.rating ? (
            <ErrorMessage id={`${domId}-rating-error`}>{form.errors.rating}</ErrorMessage>
          ) : null}
          {criterion.ratings.map((rating) => (
            <Radio
              key={rating}
              id={`${domId}-rating-${rating}`}
              name={`${domId}-rating`}
              value={rating}
              label={t(`validationWork.ratings.${rating}`)}
              labelDescription={t(`validationWork.ratingHints.${rating}`)}
              checked={form.values.rating === rating}
              aria-invalid={form.errors.rating ? true : undefined}
              onChange={() => form.set('rating', rating)}
            />
          ))}
        </Fieldset>
        <TextareaField
          id={`${domId}-notes`}
          name="notes"
          label={t('validationWork.finding.notes')}
          maxLength={NOTES_MAX_CHARS}
          value={form.values.notes}
          error={form.errors.notes}
          onChange={(value) => form.set('notes', value)}
        />
        <TextareaField
          id={`${domId}-evidence-seen`}
          name="evidenceSeen"
          label={t('validationWork.finding.evidenceSeen')}
          maxLength={NOTES_MAX_CHARS}
          value={form.values.evidenceSeen}
          error={form.errors.evidenceSeen}
          onChange={(value) => form.set('evidenceSeen', value)}
        />
        {criterion.evidence.length > 0 ? (
          <Fieldset legend={t('validationWork.finding.evidenceFiles')} className="margin-top-2">
            {form.errors.evidenceIds ? (
              <ErrorMessage>{form.errors.evidenceIds}</ErrorMessage>
            ) : null}
            {criterion.evidence.map((item) => (
              <CheckboxField
                key={item.evidenceId}
                id={`${domId}-evidence-${item.evidenceId}`}
                name="evidenceIds"
                label={item.title}
                checked={form.values.evidenceIds.includes(item.evidenceId)}
                onChange={(checked) =>
                  form.set(
                    'evidenceIds',
                    checked
                      ? [...form.values.evidenceIds, item.evidenceId]
                      : form.values.evidenceIds.filter((id) => id !== item.evidenceId),
                  )
                }
              />
            ))}
          </Fieldset>
        ) : null}
      </RequestForm>
    </section>
  );
}
