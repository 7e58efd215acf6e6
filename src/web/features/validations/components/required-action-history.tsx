import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequiredActionState } from '../../../../domain/validations/validation-outcome.ts';
import type {
  RequiredAction,
  RequiredActionResponse,
  RequiredActionsView,
} from '../../../../domain/validations/validation-responses.schema.ts';
import { ApiErrorAlert } from '../../../components/api-error-alert.tsx';
import { Alert } from '../../../components/ui/alert.tsx';
import { Tag, type TagProps } from '../../../components/ui/tag.tsx';
import { useCalendarDateFormat } from '../../../lib/use-calendar-date-format.ts';
import { useFormatters } from '../../../lib/use-formatters.ts';
import { memberEvidenceContentUrl } from '../../evidence/api/evidence-api.ts';
import { requiredActionsQuery } from '../api/validation-responses-api.ts';

/**
 * What the member's and CBP's panels on required actions share (issue 6, items 6 and 7): the
 * deadline with its provisional mark, the suspension risk, the closing, and for each required
 * action its finding and the history of its responses.
 */

const STATE_TONES: Record<RequiredActionState, TagProps['tone']> = {
  awaiting_response: 'base',
  awaiting_decision: 'primary',
  returned: 'warning',
  accepted: 'success',
};

/**
 * Loads a validation's required actions for one side and renders `children` once the report is
 * issued (nothing before: there is nothing to answer or decide), with loading and error states.
 */
export function RequiredActionsLoader({
  side,
  validationId,
  children,
}: {
  side: 'member' | 'cbp';
  validationId: string;
  children: (view: RequiredActionsView) => ReactNode;
}) {
  const { t } = useTranslation();
  const view = useQuery(requiredActionsQuery(side, validationId));
  if (view.isPending) {
    return (
      <p role="status" className="text-base-dark">
        {t('validationResponses.loading')}
      </p>
    );
  }
  if (view.isError) {
    return (
      <ApiErrorAlert
        heading={t('validationResponses.loadError')}
        headingLevel="h2"
        error={view.error}
        onRetry={() => void view.refetch()}
      />
    );
  }
  const data = view.data;
  return data.status === 'report_issued' || data.status === 'closed' ? children(data) : null;
}

export function RequiredActionStateTag({ state }: { state: RequiredActionState }) {
  const { t } = useTranslation();
  return <Tag tone={STATE_TONES[state]}>{t(`validationResponses.states.${state}`)}</Tag>;
}

/** The deadline, the risk of suspension, or how the validation closed. */
export function ResponsesStatus({
  view,
  side,
}: {
  view: RequiredActionsView;
  side: 'member' | 'cbp';
}) {
  const { t } = useTranslation();
  const formatDate = useCalendarDateFormat();
  if (view.status === 'closed' && view.outcome) {
    return (
      <Alert type={view.outcome === 'suspension' ? 'warning' : 'success'} slim role="status">
        <p className="margin-y-0">
          {t('validationResponses.closed', {
            date: view.closedOn ? formatDate(view.closedOn) : '',
            outcome: t(`validationResponses.outcomes.${view.outcome}`),
          })}
          {view.nextRevalidationDueOn
            ? ` ${t('validationResponses.nextRevalidation', { date: formatDate(view.nextRevalidationDueOn) })}`
            : null}
        </p>
      </Alert>
    );
  }
  return (
    <>
      {view.deadline ? (
        <p>
          {t('validationResponses.deadline', { date: formatDate(view.deadline.due) })}{' '}
          {view.deadline.daysLeft >= 0
            ? t('validationResponses.daysLeft', { count: view.deadline.daysLeft })
            : t('validationResponses.daysOverdue', { count: -view.deadline.daysLeft })}
          {view.deadline.provisional ? (
            <>
              {' '}
              <Tag>{t('validationResponses.provisional')}</Tag>
              <span className="display-block font-sans-3xs text-base-dark">
                {t('validationResponses.provisionalHint', { citation: view.deadline.citation })}
              </span>
            </>
          ) : null}
        </p>
      ) : null}
      {view.suspensionRisk ? (
        <Alert
          type="error"
          heading={t('validationResponses.risk.heading')}
          headingLevel="h3"
          role="alert"
        >
          <p className="margin-y-0">
            {t(
              side === 'member'
                ? 'validationResponses.risk.member'
                : 'validationResponses.risk.cbp',
              { count: view.overdue },
            )}
          </p>
        </Alert>
      ) : null}
    </>
  );
}

/** The finding behind a required action: criterion, site, the specialist's notes. */
export function RequiredActionFinding({
  item,
  headingId,
}: {
  item: RequiredAction;
  headingId: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <h3 id={headingId} className="margin-bottom-1">
        {t('validationResponses.criterion', { id: item.criterion.id })}{' '}
        <RequiredActionStateTag state={item.state} />
        {item.overdue ? <Tag tone="error">{t('validationResponses.overdue')}</Tag> : null}
      </h3>
      <p className="margin-top-0 text-base-dark">
        {item.site
          ? t('validationResponses.site', { name: item.site.name })
          : t('validationResponses.wholeValidation')}
      </p>
      {item.criterion.text ? <p className="measure-5">{item.criterion.text}</p> : null}
      <dl className="margin-y-1">
        <dt className="text-bold">{t('validationResponses.notes')}</dt>
        <dd className="margin-left-0 margin-bottom-1">{item.notes || '—'}</dd>
        {item.evidenceSeen ? (
          <>
            <dt className="text-bold">{t('validationResponses.evidenceSeen')}</dt>
            <dd className="margin-left-0">{item.evidenceSeen}</dd>
          </>
        ) : null}
      </dl>
    </>
  );
}

function EvidenceList({
  response,
  link,
}: {
  response: RequiredActionResponse;
  link: (evidenceId: string, title: string) => ReactNode;
}) {
  const { t } = useTranslation();
  if (response.evidence.length === 0) {
    return <p className="margin-y-0">{t('validationResponses.response.noEvidence')}</p>;
  }
  return (
    <ul className="usa-list margin-y-0">
      {response.evidence.map((evidence) => (
        <li key={evidence.id}>
          {evidence.deleted
            ? `${evidence.title || evidence.id} ${t('validationResponses.response.deleted')}`
            : link(evidence.id, evidence.title)}
        </li>
      ))}
    </ul>
  );
}

/** Every response to a required action, oldest first, with the specialist's decision. */
export function ResponseHistory({
  item,
  side,
  organisationId,
}: {
  item: RequiredAction;
  side: 'member' | 'cbp';
  organisationId: string;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const formatDate = useCalendarDateFormat();
  if (item.responses.length === 0) {
    return <p className="text-italic">{t('validationResponses.response.none')}</p>;
  }
  const link = (evidenceId: string, title: string) =>
    side === 'member' ? (
      <Link to="/evidence/$evidenceId" params={{ evidenceId }} className="usa-link">
        {title}
      </Link>
    ) : (
      <a className="usa-link" href={memberEvidenceContentUrl(organisationId, evidenceId)}>
        {title}
      </a>
    );
  return (
    <ol className="usa-list usa-list--unstyled">
      {item.responses.map((response, index) => (
        <li
          key={response.id}
          className="border-left-05 border-base-lighter padding-left-2 margin-bottom-2"
        >
          <h4 className="margin-y-05">
            {t('validationResponses.response.heading', { number: index + 1 })}
          </h4>
          <p className="margin-y-05 font-sans-3xs text-base-dark">
            {t('validationResponses.response.submitted', {
              date: format.dateTime(response.submittedAt),
              name: response.submittedBy?.name ?? '—',
            })}
          </p>
          <p className="margin-y-05 text-bold">{t('validationResponses.response.plan')}</p>
          <p className="margin-y-05 measure-5 text-pre-wrap">{response.correctivePlan}</p>
          <p className="margin-y-05">
            {t('validationResponses.response.target', { date: formatDate(response.targetOn) })}
          </p>
          <p className="margin-y-05 text-bold">{t('validationResponses.response.evidence')}</p>
          <EvidenceList response={response} link={link} />
          {response.decision ? (
            <p className="margin-y-1">
              <Tag tone={response.decision === 'accepted' ? 'success' : 'warning'}>
                {t(`validationResponses.decisions.${response.decision}`)}
              </Tag>{' '}
              {t('validationResponses.response.decided', {
                date: response.decidedAt ? format.dateTime(response.decidedAt) : '',
                name: response.decidedBy?.name ?? '—',
              })}
              {response.decisionNote ? (
                <span className="display-block text-pre-wrap">
                  {t('validationResponses.response.note', { note: response.decisionNote })}
                </span>
              ) : null}
            </p>
          ) : (
            <p className="margin-y-1 text-italic">{t('validationResponses.response.pending')}</p>
          )}
        </li>
      ))}
    </ol>
  );
}
