import { actorOrganisationId } from '../../../domain/authorization/permissions.ts';
import { notFound } from '../../../domain/errors/error-codes.ts';
import type {
  DenialNoticeLanguage,
  DenialNoticeQuery,
  ProtestView,
} from '../../../domain/protests/protest-api.schema.ts';
import { decisionOpensCourtClock } from '../../../domain/protests/protest-vocabulary.ts';
import {
  type DocumentBlock,
  type DocumentModel,
  heading,
  keyValues,
  paragraph,
  paragraphsOf,
  table,
} from '../../documents/document-model.ts';
import { renderPdf } from '../../documents/pdf-renderer.ts';
import type { ServiceContext } from '../../service-context.ts';
import { getAccount } from '../identity/accounts.service.ts';
import { DENIAL_NOTICE_LABELS, type DenialNoticeLabels } from './protest-denial-notice-labels.ts';
import { decisionWord } from './protest-review-notices.ts';
import { protestView } from './protest-view.service.ts';
import { findProtest } from './protests.repository.ts';

/**
 * The notice of a protest's denial as a PDF (19 U.S.C. 1515(a); 19 CFR 174.30): the protest
 * number, protestant, entries, the decision with its reasons, and the right to contest it in
 * the Court of International Trade within 180 days (28 U.S.C. 2636(a); 19 CFR 174.31) with the
 * computed last day, nominal and effective (USCIT Rule 6(a) moves a closed last day). Built as
 * a DocumentModel and rendered by the document layer (ADR 0026). Reading only: not audited,
 * like the other exports. Only decisions from which the court's 180 days run have one (any
 * denial, in whole or in part, and a deemed denial); otherwise 404.
 *
 * In English or Spanish (`?lang=en|es`; default the reader's preferred language, else English,
 * as the profile exports): the notice's own text is translated
 * (protest-denial-notice-labels.ts); the reviewer's reasons, names and numbers are printed as
 * written, dates as `YYYY-MM-DD` in both languages.
 */

function reasonsBlocks(view: ProtestView, labels: DenialNoticeLabels): DocumentBlock[] {
  const decision = view.decision;
  if (decision?.kind === 'deemed_denied') {
    const cause = view.acceleratedDispositionMailedOn
      ? labels.deemed.acceleratedDisposition(view.acceleratedDispositionMailedOn)
      : labels.deemed.exclusion;
    return [paragraph(labels.deemed.sentence(decision.decidedOn, cause))];
  }
  return paragraphsOf(decision?.reasons ?? '').map((text) => paragraph(text));
}

function courtBlocks(view: ProtestView, labels: DenialNoticeLabels): DocumentBlock[] {
  const court = view.clocks.find((clock) => clock.name === 'court_of_international_trade');
  if (!court) {
    return [];
  }
  const from =
    view.decision?.kind === 'deemed_denied'
      ? labels.court.fromDeemedDenial(view.decision.decidedOn)
      : labels.court.fromNotice(
          view.decision?.denialNoticeMailedOn ?? view.decision?.decidedOn ?? '',
        );
  return [
    heading(2, labels.court.heading),
    paragraph(labels.court.right(from)),
    ...keyValues([
      { key: labels.court.nominal, value: court.nominal },
      { key: labels.court.effective, value: court.effective },
      { key: labels.court.why, value: court.rolled ? labels.court.rolled(court.nominal) : '' },
    ]),
  ];
}

/**
 * The notice as a document model (pure: the protest as read, when it was generated, and the
 * language of its own text).
 */
export function denialNoticeModel(
  view: ProtestView,
  generatedAt: Date,
  language: DenialNoticeLanguage = 'en',
): DocumentModel {
  const decision = view.decision;
  if (decision === null) {
    throw new Error(`protest ${view.id} is not decided`);
  }
  const labels = DENIAL_NOTICE_LABELS[language];
  const title = `${labels.titles[decision.kind]} ${view.protestNumber}`;
  return {
    title,
    language,
    author: labels.author,
    subject: labels.subject(view.protestNumber),
    pageLabel: labels.pageLabel,
    blocks: [
      heading(1, title),
      ...keyValues([
        { key: labels.facts.protestNumber, value: view.protestNumber },
        {
          key: labels.facts.protestant,
          value: `${view.protestant.name}\n${view.protestant.address}`,
        },
        { key: labels.facts.importerNumber, value: view.importerNumber },
        { key: labels.facts.port, value: view.portCode },
        { key: labels.facts.center, value: view.centerName },
        { key: labels.facts.filedOn, value: view.filedOn },
        { key: labels.facts.decision, value: decisionWord(language, decision.kind) },
        { key: labels.facts.decidedOn, value: decision.decidedOn },
        { key: labels.facts.noticeMailedOn, value: decision.denialNoticeMailedOn ?? '' },
        { key: labels.facts.refund, value: decision.refundDue ? labels.facts.refundDue : '' },
      ]),
      heading(2, labels.entries.heading),
      table(
        [
          { header: labels.entries.number, weight: 3 },
          { header: labels.entries.date, weight: 2 },
          { header: labels.entries.trigger, weight: 3 },
          { header: labels.entries.lead, weight: 1 },
        ],
        view.entries.map((entry) => [
          entry.entryNumber,
          entry.entryDate,
          entry.liquidationOrDecisionDate,
          entry.lead ? labels.entries.yes : '',
        ]),
      ),
      heading(2, labels.categories.heading),
      table(
        [
          { header: labels.categories.category, weight: 2 },
          { header: labels.categories.description, weight: 5 },
        ],
        view.categories.map((category) => [category.category, category.description]),
      ),
      heading(2, labels.reasonsHeading),
      ...reasonsBlocks(view, labels),
      ...courtBlocks(view, labels),
      paragraph(
        labels.generated(generatedAt.toISOString().slice(0, 16).replace('T', ' ')),
        'muted',
      ),
    ],
  };
}

export interface DenialNotice {
  filename: string;
  contentType: 'application/pdf';
  body: Buffer;
}

/** The language asked for, else the reader's preferred one (a person), else English. */
async function noticeLanguage(
  ctx: ServiceContext,
  query: DenialNoticeQuery,
): Promise<DenialNoticeLanguage> {
  if (query.lang) return query.lang;
  if (ctx.actor.kind !== 'user') return 'en';
  return (await getAccount(ctx)).preferredLanguage === 'es' ? 'es' : 'en';
}

async function notice(
  ctx: ServiceContext,
  organisationId: string | null,
  protestId: string,
  query: DenialNoticeQuery,
) {
  const row = await findProtest(ctx.db, protestId, organisationId);
  if (!row || row.decision === null || !decisionOpensCourtClock(row.decision)) {
    throw notFound('Denial notice');
  }
  const view = await protestView(ctx, ctx.db, row);
  const language = await noticeLanguage(ctx, query);
  return {
    filename: `protest-${row.protestNumber}-denial-notice.pdf`,
    contentType: 'application/pdf' as const,
    body: await renderPdf(denialNoticeModel(view, ctx.clock.now(), language)),
  };
}

/** CBP's copy (`protest:read:any`): any protest. */
export function denialNoticeForReview(
  ctx: ServiceContext,
  protestId: string,
  query: DenialNoticeQuery = {},
): Promise<DenialNotice> {
  return notice(ctx, null, protestId, query);
}

/** The filer company's copy (`protest:read`): its own protests only; another's is a 404. */
export function ownDenialNotice(
  ctx: ServiceContext,
  protestId: string,
  query: DenialNoticeQuery = {},
): Promise<DenialNotice> {
  const organisationId = actorOrganisationId(ctx.actor);
  if (organisationId === null) {
    throw notFound('Denial notice');
  }
  return notice(ctx, organisationId, protestId, query);
}
