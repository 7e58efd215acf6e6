import { ErrorMessage, Fieldset, Radio, Textarea } from '@trussworks/react-uswds';
import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ANSWER_STATUSES,
  type AnswerStatus,
} from '../../../../domain/security-profile/profile-vocabulary.ts';
import {
  NARRATIVE_MAX_CHARS,
  type ProfileAnswer,
  type ProfileCriterion,
  type SavedAnswer,
  type SecurityProfileView,
} from '../../../../domain/security-profile/security-profile.schema.ts';
import { useCan } from '../../../app/shell/use-viewer.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { CompactSelect } from '../../../components/ui/form-fields.tsx';
import { Tag } from '../../../components/ui/tag.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { useCalendarDateFormat } from '../../../lib/use-calendar-date-format.ts';
import { useFormatters } from '../../../lib/use-formatters.ts';
import { CriterionEvidence } from '../../evidence/components/criterion-evidence.tsx';
import { criterionElementId } from '../security-profile-search.ts';
import { type SaveState, useAnswerAutosave } from '../use-answer-autosave.ts';
import { CriterionComments } from './criterion-comments.tsx';

type People = SecurityProfileView['people'];

/** "3.4" → "c-3-4": criterion ids in element ids. */
function domIdOf(criterionId: string): string {
  return `c-${criterionId.replace('.', '-')}`;
}

function nameOf(people: People, userId: string | null): string | null {
  return people.find((person) => person.userId === userId)?.displayName ?? null;
}

/** One criterion of the profile: its text and tags, the answer (editable or not), evidence. */
export function CriterionCard({
  criterion,
  people,
  editable,
  canComment,
  onSaved,
}: {
  criterion: ProfileCriterion;
  people: People;
  editable: boolean;
  canComment: boolean;
  onSaved: (saved: SavedAnswer) => void;
}) {
  const { t } = useTranslation();
  const canManageEvidence = useCan('evidence:manage');
  const domId = domIdOf(criterion.id);
  return (
    <article
      id={criterionElementId(criterion.id)}
      className="border-1px border-base-lighter radius-md padding-2 margin-bottom-3"
      aria-labelledby={`${domId}-title`}
    >
      <h3 id={`${domId}-title`} className="margin-top-0 margin-bottom-1 font-sans-md">
        {t('securityProfile.criterion.title', { id: criterion.id })}
      </h3>
      <p className="margin-y-1">
        <Tag tone={criterion.designation === 'must' ? 'primary' : 'base'}>
          {t(`securityProfile.criterion.${criterion.designation}`)}
        </Tag>{' '}
        {criterion.provisional ? (
          <Tag tone="warning">{t('securityProfile.criterion.provisional')}</Tag>
        ) : null}{' '}
        {criterion.answer?.toReconfirm ? (
          <Tag tone="warning">{t('securityProfile.criterion.toReconfirm')}</Tag>
        ) : null}{' '}
        {criterion.met ? <Tag tone="success">{t('securityProfile.criterion.met')}</Tag> : null}
      </p>
      <p className="measure-5">{criterion.text}</p>
      {criterion.guidance ? (
        <details className="margin-bottom-2">
          <summary className="text-primary text-underline cursor-pointer">
            {t('securityProfile.criterion.guidance')}
          </summary>
          <p className="measure-5">{criterion.guidance}</p>
        </details>
      ) : null}
      {editable ? (
        <AnswerForm criterion={criterion} domId={domId} people={people} onSaved={onSaved} />
      ) : (
        <ReadOnlyAnswer answer={criterion.answer} people={people} />
      )}
      {editable && canManageEvidence ? (
        // Link a document from the library, or upload one, right next to the answer.
        <CriterionEvidence criterionId={criterion.id} editable />
      ) : (
        <LinkedEvidence evidence={criterion.evidence} />
      )}
      <CriterionComments criterionId={criterion.id} domId={domId} canComment={canComment} />
    </article>
  );
}

function ReadOnlyAnswer({ answer, people }: { answer: ProfileAnswer | null; people: People }) {
  const { t } = useTranslation();
  if (answer === null || answer.status === null) {
    return <p className="text-base-dark">{t('securityProfile.answer.notAnswered')}</p>;
  }
  const responsible = nameOf(people, answer.responsibleUserId);
  return (
    <dl className="margin-y-1">
      <dt className="text-bold">{t('securityProfile.answer.statusLegend')}</dt>
      <dd className="margin-left-0">{t(`securityProfile.answer.statuses.${answer.status}`)}</dd>
      <dt className="text-bold margin-top-1">{t('securityProfile.answer.narrative')}</dt>
      <dd className="margin-left-0 measure-5" style={{ whiteSpace: 'pre-wrap' }}>
        {answer.narrative || '—'}
      </dd>
      <dt className="text-bold margin-top-1">{t('securityProfile.answer.responsible')}</dt>
      <dd className="margin-left-0">{responsible ?? t('securityProfile.answer.nobody')}</dd>
    </dl>
  );
}

/** What the autosave is doing, for the aria-live status line. */
function SaveStatus({ state }: { state: SaveState }) {
  const { t } = useTranslation();
  switch (state.kind) {
    case 'pending':
      return t('securityProfile.answer.pending');
    case 'saving':
      return t('securityProfile.answer.saving');
    case 'saved':
      return t('securityProfile.answer.saved');
    case 'conflict':
      return t('securityProfile.answer.conflictStatus');
    case 'failed':
      return justificationRefused(state.error)
        ? t('securityProfile.answer.justificationNeeded')
        : t('securityProfile.answer.failed', {
            message: state.error instanceof Error ? state.error.message : '',
          });
    default:
      return null;
  }
}

/** The server refused "not applicable" without a justification (400 naming body.narrative). */
function justificationRefused(error: unknown): boolean {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION_FAILED') {
    return false;
  }
  const details = error.details as { issues?: { path?: string }[] } | undefined;
  return details?.issues?.some((issue) => issue.path === 'body.narrative') ?? false;
}

function AnswerForm({
  criterion,
  domId,
  people,
  onSaved,
}: {
  criterion: ProfileCriterion;
  domId: string;
  people: People;
  onSaved: (saved: SavedAnswer) => void;
}) {
  const { t } = useTranslation();
  const autosave = useAnswerAutosave({
    criterionId: criterion.id,
    answer: criterion.answer,
    onSaved,
  });
  const { draft, state } = autosave;
  const narrativeId = `${domId}-narrative`;
  const justificationMissing =
    draft.status === 'not_applicable' && draft.narrative.trim().length === 0;
  return (
    <div>
      <Fieldset legend={t('securityProfile.answer.statusLegend')} className="margin-top-1">
        <div className="display-flex flex-wrap">
          {ANSWER_STATUSES.map((status: AnswerStatus) => (
            <Radio
              key={status}
              id={`${domId}-status-${status}`}
              name={`${domId}-status`}
              value={status}
              label={t(`securityProfile.answer.statuses.${status}`)}
              checked={draft.status === status}
              onChange={() => autosave.change({ status }, { immediate: true })}
              className="margin-right-3"
            />
          ))}
        </div>
      </Fieldset>
      <label className="usa-label" htmlFor={narrativeId}>
        {t('securityProfile.answer.narrative')}
      </label>
      <div className="usa-hint" id={`${narrativeId}-hint`}>
        {t('securityProfile.answer.narrativeHint')}
      </div>
      {justificationMissing ? (
        <ErrorMessage id={`${narrativeId}-error`}>
          {t('securityProfile.answer.justificationHint')}
        </ErrorMessage>
      ) : null}
      <Textarea
        id={narrativeId}
        name={narrativeId}
        value={draft.narrative}
        maxLength={NARRATIVE_MAX_CHARS}
        aria-describedby={
          justificationMissing ? `${narrativeId}-hint ${narrativeId}-error` : `${narrativeId}-hint`
        }
        aria-invalid={justificationMissing ? true : undefined}
        onChange={(event: ChangeEvent<HTMLTextAreaElement>) =>
          autosave.change({ narrative: event.target.value })
        }
      />
      <div className="margin-top-2">
        <CompactSelect
          id={`${domId}-responsible`}
          label={t('securityProfile.answer.responsible')}
          value={draft.responsibleUserId ?? ''}
          options={[
            { value: '', label: t('securityProfile.answer.nobody') },
            ...people.map((person) => ({ value: person.userId, label: person.displayName })),
          ]}
          onChange={(value) =>
            autosave.change({ responsibleUserId: value === '' ? null : value }, { immediate: true })
          }
        />
      </div>
      {criterion.answer?.toReconfirm && state.kind === 'idle' ? (
        // Carried over from last year's approved profile: saving it as it stands confirms it.
        <Button
          variant="outline"
          className="margin-top-2"
          onClick={() => autosave.change({}, { immediate: true })}
        >
          {t('securityProfile.answer.confirmUnchanged')}
        </Button>
      ) : null}
      <p
        className="font-sans-2xs text-base-dark margin-y-1"
        role="status"
        aria-live="polite"
        id={`${domId}-save-status`}
      >
        <SaveStatus state={state} />
      </p>
      {state.kind === 'failed' ? (
        <Button variant="unstyled" onClick={() => void autosave.retry()}>
          {t('securityProfile.answer.retry')}
        </Button>
      ) : null}
      {state.kind === 'conflict' ? (
        <ConflictAlert
          theirs={state.theirs}
          people={people}
          onTakeTheirs={() => {
            autosave.takeTheirs(state.theirs);
            if (state.theirs) {
              onSaved({ criterionId: criterion.id, answer: state.theirs });
            }
          }}
          onKeepMine={() => autosave.keepMine(state.theirs)}
        />
      ) : null}
    </div>
  );
}

/** Someone saved this answer after the editor read it: show theirs, let the editor choose. */
function ConflictAlert({
  theirs,
  people,
  onTakeTheirs,
  onKeepMine,
}: {
  theirs: ProfileAnswer | null;
  people: People;
  onTakeTheirs: () => void;
  onKeepMine: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const name =
    nameOf(people, theirs?.updatedByUserId ?? null) ?? t('securityProfile.answer.someone');
  return (
    <Alert
      type="warning"
      heading={t('securityProfile.answer.conflictHeading')}
      headingLevel="h4"
      role="alert"
      className="margin-y-2"
    >
      {theirs ? (
        <>
          <p>
            {t('securityProfile.answer.conflictBody', {
              name,
              time: format.dateTime(theirs.updatedAt),
            })}
          </p>
          <p className="text-bold margin-bottom-0">
            {theirs.status
              ? t(`securityProfile.answer.statuses.${theirs.status}`)
              : t('securityProfile.answer.notAnswered')}
          </p>
          <p className="measure-5" style={{ whiteSpace: 'pre-wrap' }}>
            {theirs.narrative || '—'}
          </p>
        </>
      ) : (
        <p>{t('securityProfile.answer.conflictRemoved')}</p>
      )}
      <div className="display-flex flex-wrap">
        <Button variant="outline" className="margin-right-1" onClick={onTakeTheirs}>
          {t('securityProfile.answer.takeTheirs')}
        </Button>
        <Button variant="secondary" onClick={onKeepMine}>
          {t('securityProfile.answer.keepMine')}
        </Button>
      </div>
    </Alert>
  );
}

function LinkedEvidence({ evidence }: { evidence: ProfileCriterion['evidence'] }) {
  const { t } = useTranslation();
  const formatDate = useCalendarDateFormat();
  return (
    <div className="margin-top-2">
      <h4 className="margin-y-05">{t('securityProfile.evidence.heading')}</h4>
      {evidence.length === 0 ? (
        <p className="margin-y-05 text-base-dark">{t('securityProfile.evidence.none')}</p>
      ) : (
        <ul className="usa-list margin-y-05">
          {evidence.map((item) => (
            <li key={item.evidenceId}>
              <a className="usa-link" href={`/evidence/${encodeURIComponent(item.evidenceId)}`}>
                {item.title}
              </a>
              {item.expiresOn
                ? ` (${t('securityProfile.evidence.expires', { date: formatDate(item.expiresOn) })})`
                : null}
            </li>
          ))}
        </ul>
      )}
      <a className="usa-link font-sans-2xs" href="/evidence">
        {t('securityProfile.evidence.manage')}
      </a>
    </div>
  );
}
