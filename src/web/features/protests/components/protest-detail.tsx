import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CBP_CENTERS_PROVISIONAL } from '../../../../domain/protests/cbp-centers.ts';
import { FURTHER_REVIEW_CRITERIA_TEXTS } from '../../../../domain/protests/further-review.ts';
import type {
  ProtestClockView,
  ProtestView,
} from '../../../../domain/protests/protest-api.schema.ts';
import {
  TRADE_COMPLIANCE_STATUSES,
  type TradeComplianceStatus,
} from '../../../../domain/registry/trade-compliance/trade-compliance-vocabulary.ts';
import { DataTable } from '../../../components/ui/data-table.tsx';
import { Tag } from '../../../components/ui/tag.tsx';
import { useCalendarDateFormat } from '../../../lib/use-calendar-date-format.ts';
import { useFormatters } from '../../../lib/use-formatters.ts';
import type { ProtestAttachmentView } from '../api/protests-api.ts';
import { DaysLeft, ProtestStatusTag } from './protest-labels.tsx';
import { useProtestTexts } from './protest-texts.ts';

/**
 * One protest as its filer and CBP read it (issue 7): the facts, the Trade Compliance
 * indicator, every clock, the entries, the decisions and objections, the decision with the
 * court deadline, attachments and history. The actions (upload, amend, decide…) are the pages'.
 */

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-bold">{term}</dt>
      <dd className="margin-left-0 margin-bottom-1">{children}</dd>
    </>
  );
}

function useTcStatus(): (status: string | null) => string {
  const { t } = useTranslation();
  return (status) => {
    const known = TRADE_COMPLIANCE_STATUSES.find(
      (value): value is TradeComplianceStatus => value === status,
    );
    return known ? t(`tradeCompliance.status.${known}`) : (status ?? t('protests.tc.none'));
  };
}

/** The verified indicator: the snapshot at filing and, beside it, the member's status now. */
export function TradeComplianceIndicator({ protest }: { protest: ProtestView }) {
  const { t } = useTranslation();
  const { dateTime } = useFormatters();
  const status = useTcStatus();
  const tc = protest.tradeCompliance;
  return (
    <section aria-labelledby="protest-tc-heading" className="margin-top-4">
      <h2 id="protest-tc-heading">{t('protests.tc.heading')}</h2>
      <p>
        {tc.verified ? <Tag tone="success">{t('protests.tc.tag')}</Tag> : null}{' '}
        {tc.verified
          ? t('protests.tc.verified', { member: tc.memberName ?? '' })
          : t('protests.tc.notVerified')}
      </p>
      <ul className="usa-list">
        <li>
          {t('protests.tc.atFiling', {
            status: status(tc.statusAtFiling),
            at: dateTime(tc.checkedAt),
          })}
        </li>
        <li>
          {t('protests.tc.now', { status: status(tc.statusNow) })}{' '}
          {tc.changedSinceFiling ? <Tag tone="warning">{t('protests.tc.changed')}</Tag> : null}
        </li>
      </ul>
      <p className="usa-hint">{t('protests.tc.hint')}</p>
    </section>
  );
}

/** The untimely entries, each with its reason in the reader's language. */
function UntimelyReasons({ protest }: { protest: ProtestView }) {
  const texts = useProtestTexts();
  const untimely = protest.entries.filter((entry) => !entry.timely);
  if (untimely.length === 0) {
    return <>{protest.untimelyReason}</>;
  }
  return (
    <ul className="usa-list margin-top-05">
      {untimely.map((entry) => (
        <li key={entry.entryNumber}>{`${entry.entryNumber}: ${texts.timeliness(entry)}`}</li>
      ))}
    </ul>
  );
}

export function ProtestFacts({ protest }: { protest: ProtestView }) {
  const { t } = useTranslation();
  const date = useCalendarDateFormat();
  return (
    <dl>
      <Fact term={t('cbpMembers.filters.status')}>
        <ProtestStatusTag status={protest.status} />
      </Fact>
      <Fact term={t('protests.f.timely')}>
        {protest.timely ? (
          t('protests.f.isTimely')
        ) : (
          <>
            <Tag tone="error">{t('protests.f.untimely')}</Tag>
            <UntimelyReasons protest={protest} />
          </>
        )}
      </Fact>
      <Fact term={t('protests.f.protestant')}>
        {protest.protestant.name} ({t(`protests.protestantType.${protest.protestantType}`)})
        <br />
        <span className="text-pre-line">{protest.protestant.address}</span>
      </Fact>
      <Fact term={t('protests.f.importer')}>{protest.importerNumber}</Fact>
      <Fact term={t('protests.f.filer')}>
        {protest.filer.name} ({t(`protests.capacity.${protest.filer.capacity}`)})
        {protest.filer.importerNumber ? `, ${protest.filer.importerNumber}` : ''}
      </Fact>
      <Fact term={t('protests.f.port')}>{protest.portCode}</Fact>
      <Fact term={t('protests.f.center')}>
        {protest.centerName} ({protest.center})
        {CBP_CENTERS_PROVISIONAL ? (
          <>
            {' '}
            <Tag>{t('registry.clocks.provisional')}</Tag>
          </>
        ) : null}
      </Fact>
      <Fact term={t('protests.f.filed')}>
        {date(protest.filedOn)}
        {protest.filedByName ? `, ${protest.filedByName}` : ''}
        {protest.recorded ? ` (${t('protests.f.recorded')})` : ''}
      </Fact>
      <Fact term={t('protests.f.drawback')}>
        {t(`protests.drawback.${protest.drawbackDeclaration}`)}
      </Fact>
      {protest.relatedProtest ? (
        <Fact term={t('protests.f.related')}>
          {protest.relatedProtest.protestNumber}, {t('protests.f.received')}{' '}
          {date(protest.relatedProtest.receivedOn)}
        </Fact>
      ) : null}
      {protest.suretyNonCollusionStatement ? (
        <Fact term={t('protests.f.surety')}>{protest.suretyNonCollusionStatement}</Fact>
      ) : null}
      {protest.furtherReview ? (
        <Fact term={t('protests.f.furtherReview')}>
          {t(`protests.criteria.${protest.furtherReview.criterion}`)} (
          {FURTHER_REVIEW_CRITERIA_TEXTS[protest.furtherReview.criterion].citation})
          <br />
          <span className="text-pre-line">{protest.furtherReview.reason}</span>
        </Fact>
      ) : null}
      {protest.acceleratedDispositionMailedOn ? (
        <Fact term={t('protests.accel.heading')}>
          {t('protests.accel.mailed', { date: date(protest.acceleratedDispositionMailedOn) })}
        </Fact>
      ) : null}
    </dl>
  );
}

function ClockKind({ clock }: { clock: ProtestClockView }) {
  const { t } = useTranslation();
  return (
    <>
      {clock.kind === 'deemed_denial'
        ? t('protests.clocks.deemed')
        : t(`registry.clocks.kinds.${clock.kind}`)}
    </>
  );
}

/** Every clock: nominal and effective last day, days left, and its rule in a details element. */
export function ProtestClocks({ protest }: { protest: ProtestView }) {
  const { t } = useTranslation();
  const date = useCalendarDateFormat();
  const texts = useProtestTexts();
  return (
    <section aria-labelledby="protest-clocks-heading" className="margin-top-4">
      <h2 id="protest-clocks-heading">{t('registry.clocks.heading')}</h2>
      {protest.clocks.length === 0 ? (
        <p>{t('protests.clocks.none')}</p>
      ) : (
        <DataTable
          caption={t('registry.clocks.caption')}
          rows={protest.clocks}
          rowKey={(clock) => `${clock.name}-${clock.entryNumber ?? ''}`}
          columns={[
            {
              id: 'name',
              header: t('registry.clocks.columns.name'),
              cell: (clock) => (
                <>
                  {t(`protests.clocks.names.${clock.name}`)}
                  {clock.entryNumber ? ` (${clock.entryNumber})` : ''}
                  <br />
                  <span className="font-sans-3xs text-normal">
                    <ClockKind clock={clock} />
                  </span>
                  {clock.provisional ? (
                    <>
                      {' '}
                      <Tag>{t('registry.clocks.provisional')}</Tag>
                    </>
                  ) : null}
                </>
              ),
            },
            {
              id: 'nominal',
              header: t('protests.clocks.nominal'),
              cell: (clock) => date(clock.nominal),
            },
            {
              id: 'effective',
              header: t('protests.clocks.effective'),
              cell: (clock) => (
                <>
                  {date(clock.effective)}
                  {clock.rolled ? (
                    <>
                      <br />
                      <span className="font-sans-3xs">{t('protests.clocks.rolled')}</span>
                    </>
                  ) : null}
                </>
              ),
            },
            {
              id: 'left',
              header: t('registry.clocks.columns.left'),
              cell: (clock) => <DaysLeft days={clock.daysLeft} />,
            },
            {
              id: 'rule',
              header: t('registry.clocks.columns.rule'),
              cell: (clock) => (
                <details>
                  <summary>{clock.citation}</summary>
                  <p className="margin-y-05 font-sans-2xs">{texts.clockRule(clock)}</p>
                </details>
              ),
            },
          ]}
        />
      )}
    </section>
  );
}

export function ProtestEntries({ protest }: { protest: ProtestView }) {
  const { t } = useTranslation();
  const date = useCalendarDateFormat();
  const texts = useProtestTexts();
  return (
    <section aria-labelledby="protest-entries-heading" className="margin-top-4">
      <h2 id="protest-entries-heading">{t('protests.entries.heading')}</h2>
      <DataTable
        caption={t('protests.entries.caption', { count: protest.entries.length })}
        rows={protest.entries}
        rowKey={(entry) => entry.entryNumber}
        columns={[
          {
            id: 'number',
            header: t('protests.entries.number'),
            cell: (entry) => (
              <>
                {entry.entryNumber}
                {entry.lead ? (
                  <>
                    {' '}
                    <Tag tone="primary">{t('protests.entries.lead')}</Tag>
                  </>
                ) : null}
              </>
            ),
          },
          {
            id: 'date',
            header: t('protests.entries.date'),
            cell: (entry) => date(entry.entryDate),
          },
          {
            id: 'from',
            header: t('protests.entries.from'),
            cell: (entry) =>
              `${date(entry.liquidationOrDecisionDate)} (${
                isDateKind(entry.dateKind)
                  ? t(`protests.dateKind.${entry.dateKind}`)
                  : entry.dateKind
              })`,
          },
          {
            id: 'timely',
            header: t('protests.f.timely'),
            cell: (entry) =>
              entry.timely ? (
                t('protests.f.isTimely')
              ) : (
                <>
                  <Tag tone="error">{t('protests.f.untimely')}</Tag> {texts.timeliness(entry)}
                </>
              ),
          },
        ]}
      />
    </section>
  );
}

const DATE_KINDS = ['liquidation', 'reliquidation', 'decision', 'surety_demand'] as const;
function isDateKind(kind: string): kind is (typeof DATE_KINDS)[number] {
  return (DATE_KINDS as readonly string[]).includes(kind);
}

export function ProtestObjections({ protest }: { protest: ProtestView }) {
  const { t } = useTranslation();
  const { list } = useFormatters();
  return (
    <section aria-labelledby="protest-objections-heading" className="margin-top-4">
      <h2 id="protest-objections-heading">{t('protests.objections.heading')}</h2>
      <p>
        <strong>{t('protests.objections.decisions')}:</strong>{' '}
        {list(protest.decisionsProtested.map((decision) => t(`protests.decisions.${decision}`)))}
      </p>
      {protest.categories.map((category) => (
        <div key={category.category} className="margin-bottom-3">
          <h3 className="margin-bottom-05">{category.category}</h3>
          <p className="margin-top-0">{category.description}</p>
          <ul className="usa-list">
            {category.objections.map((objection, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: objections are listed in filed order
              <li key={index}>
                <strong>{t(`protests.decisions.${objection.decision}`)}:</strong>{' '}
                {objection.objection}
                <br />
                <span className="text-pre-line">{objection.justification}</span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

/** The decision with its reasons, and the court deadline with days left when a denial opened it. */
export function ProtestDecision({
  protest,
  noticeUrl,
}: {
  protest: ProtestView;
  /** The denial notice's address (member or CBP route). */
  noticeUrl: string;
}) {
  const { t, i18n } = useTranslation();
  const date = useCalendarDateFormat();
  const decision = protest.decision;
  const noticeLanguage = (i18n.resolvedLanguage ?? i18n.language) === 'es' ? 'es' : 'en';
  const court = protest.clocks.find((clock) => clock.name === 'court_of_international_trade');
  return (
    <section aria-labelledby="protest-decision-heading" className="margin-top-4">
      <h2 id="protest-decision-heading">{t('protests.decision.heading')}</h2>
      {decision === null ? (
        <p>{t('protests.decision.none')}</p>
      ) : (
        <>
          <p className="font-sans-lg margin-y-1">
            <strong>{t(`protests.kind.${decision.kind}`)}</strong>, {date(decision.decidedOn)}
            {decision.decidedByName ? `, ${decision.decidedByName}` : ''}
          </p>
          {decision.reasons ? (
            <>
              <h3>{t('protests.decision.reasons')}</h3>
              <p className="text-pre-line">{decision.reasons}</p>
            </>
          ) : null}
          <dl>
            {decision.denialNoticeMailedOn ? (
              <Fact term={t('protests.decision.mailed')}>
                {date(decision.denialNoticeMailedOn)}
              </Fact>
            ) : null}
            {decision.refundDue !== null ? (
              <Fact term={t('protests.decision.refund')}>
                {decision.refundDue ? t('registry.eligibility.yes') : t('registry.eligibility.no')}
              </Fact>
            ) : null}
            {decision.published !== null ? (
              <Fact term={t('protests.decision.published')}>
                {decision.published ? t('registry.eligibility.yes') : t('registry.eligibility.no')}
              </Fact>
            ) : null}
          </dl>
          {court ? (
            <div className="usa-summary-box margin-y-2">
              <div className="usa-summary-box__body">
                <p className="usa-summary-box__heading margin-0 text-bold">
                  {t('protests.decision.court', { date: date(court.effective) })}
                </p>
                <p className="margin-y-1">
                  <DaysLeft days={court.daysLeft} /> ({court.citation})
                </p>
                <a className="usa-link" href={`${noticeUrl}?lang=${noticeLanguage}`} download>
                  {t('protests.decision.notice')}
                </a>
              </div>
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}

export function ProtestAttachmentList({
  attachments,
  contentUrl,
}: {
  attachments: readonly ProtestAttachmentView[];
  /** The download address of each, or null when the reader cannot download them. */
  contentUrl: ((attachment: ProtestAttachmentView) => string) | null;
}) {
  const { t } = useTranslation();
  const { dateTime } = useFormatters();
  if (attachments.length === 0) {
    return <p>{t('protests.attach.none')}</p>;
  }
  return (
    <DataTable
      caption={t('protests.attach.caption')}
      rows={attachments}
      rowKey={(attachment) => attachment.id}
      columns={[
        {
          id: 'file',
          header: t('protests.attach.file'),
          cell: (attachment) =>
            contentUrl ? (
              <a className="usa-link" href={contentUrl(attachment)} download>
                {attachment.filename}
              </a>
            ) : (
              attachment.filename
            ),
        },
        {
          id: 'kind',
          header: t('protests.attach.kind'),
          cell: (attachment) =>
            `${t(`protests.attach.kinds.${attachment.kind}`)}${
              attachment.rows === null
                ? ''
                : ` (${t('protests.attach.rows', { count: attachment.rows })})`
            }`,
        },
        {
          id: 'uploaded',
          header: t('evidence.detail.uploadedAt'),
          cell: (attachment) => dateTime(attachment.uploadedAt),
        },
      ]}
    />
  );
}

const EVENT_KINDS = [
  'filed',
  'recorded',
  'amended',
  'accelerated_disposition_requested',
  'withdrawn',
  'attachment_added',
  'assigned',
  'decided',
  'deemed_denied',
] as const;
type EventKind = (typeof EVENT_KINDS)[number];

/** Events with a label of their own (protests.events), not an audit action's. */
const LABELLED_EVENT_KINDS = [
  'further_review_approved',
  'further_review_denied',
  'set_aside_requested',
  'set_aside_granted',
  'set_aside_denied',
  'set_aside_deemed_denied',
] as const;
type LabelledEventKind = (typeof LABELLED_EVENT_KINDS)[number];

export function ProtestHistory({ protest }: { protest: ProtestView }) {
  const { t } = useTranslation();
  const { dateTime } = useFormatters();
  const what = (kind: string) => {
    const labelled = LABELLED_EVENT_KINDS.find(
      (value): value is LabelledEventKind => value === kind,
    );
    if (labelled) {
      return t(`protests.events.${labelled}`);
    }
    const known = EVENT_KINDS.find((value): value is EventKind => value === kind);
    return known ? t(`auditActions.protest.${known}`) : kind;
  };
  return (
    <section aria-labelledby="protest-history-heading" className="margin-top-4">
      <h2 id="protest-history-heading">{t('protests.history.heading')}</h2>
      <DataTable
        caption={t('protests.history.caption')}
        dense
        rows={protest.events.map((event, index) => ({ ...event, index }))}
        rowKey={(event) => String(event.index)}
        columns={[
          { id: 'at', header: t('audit.columns.time'), cell: (event) => dateTime(event.at) },
          { id: 'what', header: t('protests.history.what'), cell: (event) => what(event.kind) },
          {
            id: 'who',
            header: t('protests.history.who'),
            cell: (event) => event.actorName ?? t('audit.actorSystem'),
          },
        ]}
      />
    </section>
  );
}
