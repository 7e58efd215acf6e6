import type { UseQueryResult } from '@tanstack/react-query';
import type { ComponentType, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ValidationView } from '../../../../domain/validations/validation-api.schema.ts';
import { ApiErrorAlert } from '../../../components/api-error-alert.tsx';
import { Alert } from '../../../components/ui/alert.tsx';
import { SummaryBox } from '../../../components/ui/summary-box.tsx';
import { Tag } from '../../../components/ui/tag.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { useCalendarDateFormat } from '../../../lib/use-calendar-date-format.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { useFormatters } from '../../../lib/use-formatters.ts';
import { LastingNotices } from './lasting-notice.tsx';
import { DueDate, ValidationDates, ValidationStatusTag } from './validation-labels.tsx';

/**
 * What both validation pages show (issue 6, items 1 and 2): the facts, the sites with their
 * agenda, the participants (the contacts of the written notice) and the timeline. Each is a
 * section component taking the validation, so the pages list them (see the SECTIONS lists at
 * the top of cbp-validation-page.tsx and validation-page.tsx).
 */

export interface ValidationSectionProps {
  validation: ValidationView;
}

/** A validation page while it loads: loading, "not found" (another company's is a 404), error. */
export function ValidationQueryState({
  validation,
  heading,
  children,
}: {
  validation: UseQueryResult<ValidationView>;
  heading: string;
  children: (validation: ValidationView) => ReactNode;
}) {
  const { t } = useTranslation();
  if (validation.isPending) {
    return (
      <p role="status" className="text-base-dark">
        {t('validations.loading')}
      </p>
    );
  }
  if (validation.isError) {
    return validation.error instanceof ApiError && validation.error.code === 'NOT_FOUND' ? (
      <>
        <h1>{heading}</h1>
        <Alert type="warning" slim>
          <p className="margin-y-0">{t('validations.notFound')}</p>
        </Alert>
      </>
    ) : (
      <ApiErrorAlert
        heading={t('validations.loadError')}
        error={validation.error}
        onRetry={() => void validation.refetch()}
      />
    );
  }
  return <>{children(validation.data)}</>;
}

/** One section of a validation page: it takes the validation and decides whether it shows. */
export interface ValidationSection {
  id: string;
  Section: ComponentType<ValidationSectionProps>;
}

/**
 * The frame of both validation pages (the member's and CBP's): the way back, the document
 * title, loading / not found / error, the heading, then each section in order. The sections are
 * keyed by the validation's version, so every change starts the forms from the validation as it
 * is now.
 */
export function ValidationSectionsPage({
  validation,
  heading,
  back,
  intro,
  sections,
}: {
  validation: UseQueryResult<ValidationView>;
  heading: string;
  back: ReactNode;
  intro?: (validation: ValidationView) => ReactNode;
  sections: readonly ValidationSection[];
}) {
  const title = useValidationTitle();
  useDocumentTitle(validation.data ? title(validation.data) : heading);
  return (
    <>
      <p className="margin-top-0">{back}</p>
      <ValidationQueryState validation={validation} heading={heading}>
        {(data) => (
          <>
            <h1>{title(data)}</h1>
            {intro?.(data)}
            <LastingNotices>
              <div key={data.version}>
                {sections.map(({ id, Section }) => (
                  <Section key={id} validation={data} />
                ))}
              </div>
            </LastingNotices>
          </>
        )}
      </ValidationQueryState>
    </>
  );
}

/** "Revalidation of Acme Imports" */
export function useValidationTitle(): (validation: ValidationView) => string {
  const { t } = useTranslation();
  return (validation) =>
    t('validations.titleOf', {
      kind: t(`validations.kind.${validation.kind}`),
      member: validation.memberName,
    });
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-bold margin-top-1">{label}</dt>
      <dd className="margin-left-0">{children}</dd>
    </>
  );
}

/** Status, kind, mode, due date, dates, office and specialist, and the written notice. */
export function ValidationFacts({ validation }: ValidationSectionProps) {
  const { t } = useTranslation();
  const date = useCalendarDateFormat();
  return (
    <SummaryBox heading={t('validations.facts.heading')} className="margin-y-3">
      <dl className="margin-y-0">
        <Fact label={t('validations.facts.status')}>
          <ValidationStatusTag status={validation.status} />
        </Fact>
        <Fact label={t('validations.facts.kind')}>{t(`validations.kind.${validation.kind}`)}</Fact>
        <Fact label={t('validations.facts.mode')}>{t(`validations.mode.${validation.mode}`)}</Fact>
        <Fact label={t('validations.facts.due')}>
          <DueDate validation={validation} />{' '}
          <span className="text-base-dark">
            {t('validations.facts.planYear', { year: validation.planYear })}
          </span>
        </Fact>
        <Fact label={t('validations.facts.dates')}>
          <ValidationDates validation={validation} />
        </Fact>
        <Fact label={t('validations.facts.office')}>
          {validation.office?.name ?? t('validations.none')}
        </Fact>
        <Fact label={t('validations.facts.specialist')}>
          {validation.specialist?.name ?? t('validations.unassigned')}
        </Fact>
        <Fact label={t('validations.facts.notice')}>
          {validation.noticeSentOn
            ? t('validations.facts.noticeSent', { date: date(validation.noticeSentOn) })
            : t('validations.facts.noNotice')}{' '}
          <span className="text-base-dark">
            {t('validations.facts.minimumNotice', { count: validation.minimumNoticeDays })}
          </span>
          {validation.noticeProvisional ? (
            <>
              {' '}
              <Tag tone="warning">{t('registry.clocks.provisional')}</Tag>
            </>
          ) : null}
        </Fact>
        {validation.noticeOverrideReason ? (
          <Fact label={t('validations.facts.override')}>{validation.noticeOverrideReason}</Fact>
        ) : null}
        {validation.reason ? (
          <Fact
            label={
              validation.status === 'cancelled'
                ? t('validations.facts.cancelReason')
                : t('validations.facts.reason')
            }
          >
            {validation.reason}
          </Fact>
        ) : null}
      </dl>
    </SummaryBox>
  );
}

/** The sites, each with its visit day, MRA flag and agenda. */
export function ValidationSites({ validation }: ValidationSectionProps) {
  const { t } = useTranslation();
  const date = useCalendarDateFormat();
  if (validation.sites.length === 0) return null;
  return (
    <section aria-labelledby="validation-sites-heading" className="margin-top-4">
      <h2 id="validation-sites-heading">{t('validations.sites.heading')}</h2>
      <ul className="usa-list usa-list--unstyled">
        {validation.sites.map((site) => (
          <li
            key={site.id}
            className="margin-bottom-3 border-left-05 border-base-lighter padding-left-2"
          >
            <h3 className="margin-y-05">{site.name}</h3>
            <p className="margin-y-05">
              {site.address} ({site.countryCode}) · {t(`validations.location.${site.location}`)}
            </p>
            <p className="margin-y-05">
              {site.visitOn
                ? t('validations.sites.visitOn', { date: date(site.visitOn) })
                : t('validations.sites.noVisitDay')}
            </p>
            {site.mraProgram ? (
              <p className="margin-y-05">
                <Tag tone="success">{t('validations.sites.noCbpVisit')}</Tag>{' '}
                {t('validations.sites.mraProgram', { program: site.mraProgram.name })}
              </p>
            ) : null}
            {site.agenda.length > 0 ? (
              <table className="usa-table usa-table--borderless usa-table--compact margin-y-1">
                <caption className="usa-sr-only">
                  {t('validations.sites.agendaOf', { site: site.name })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('validations.agenda.time')}</th>
                    <th scope="col">{t('validations.agenda.topic')}</th>
                  </tr>
                </thead>
                <tbody>
                  {site.agenda.map((item, index) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: agenda lines have no id and never reorder here
                    <tr key={index}>
                      <td>{item.time}</td>
                      <td>{item.topic}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Who takes part, CBP's side and the member's: the contacts of the notice. */
export function ValidationParticipants({ validation }: ValidationSectionProps) {
  const { t } = useTranslation();
  if (validation.participants.length === 0) return null;
  return (
    <section aria-labelledby="validation-participants-heading" className="margin-top-4">
      <h2 id="validation-participants-heading">{t('validations.participants.heading')}</h2>
      <ul className="usa-list">
        {validation.participants.map((person) => (
          <li key={person.id}>
            <span className="text-bold">{person.name}</span>, {person.title} (
            {t(`validations.side.${person.side}`)})
            {person.email ? (
              <>
                {' · '}
                <a className="usa-link" href={`mailto:${person.email}`}>
                  {person.email}
                </a>
              </>
            ) : null}
            {person.phone ? ` · ${person.phone}` : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Event kinds with their own words; other owners' kinds show as written until they add theirs. */
const EVENT_KINDS = [
  'planned',
  'assigned',
  'reassigned',
  'scheduled',
  'rescheduled',
  'fieldwork_started',
  'cancelled',
] as const;
type KnownEventKind = (typeof EVENT_KINDS)[number];

function isKnownEvent(kind: string): kind is KnownEventKind {
  return (EVENT_KINDS as readonly string[]).includes(kind);
}

/** What happened, oldest first. */
export function ValidationTimeline({ validation }: ValidationSectionProps) {
  const { t } = useTranslation();
  const { dateTime } = useFormatters();
  if (validation.events.length === 0) return null;
  return (
    <section aria-labelledby="validation-timeline-heading" className="margin-top-4">
      <h2 id="validation-timeline-heading">{t('validations.timeline.heading')}</h2>
      <ol className="usa-list">
        {validation.events.map((event, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: events are append-only, in order
          <li key={index}>
            <span className="text-bold">
              {isKnownEvent(event.kind)
                ? t(`validations.events.${event.kind}`)
                : event.kind.replaceAll('_', ' ')}
            </span>{' '}
            <span className="text-base-dark">
              {dateTime(event.at)}
              {event.actorName ? ` · ${event.actorName}` : ''}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
