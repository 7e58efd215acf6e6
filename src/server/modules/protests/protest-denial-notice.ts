import { actorOrganisationId } from '../../../domain/authorization/permissions.ts';
import { notFound } from '../../../domain/errors/error-codes.ts';
import type { ProtestView } from '../../../domain/protests/protest-api.schema.ts';
import {
  decisionOpensCourtClock,
  type ProtestDecisionKind,
} from '../../../domain/protests/protest-vocabulary.ts';
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
 * The notice is in English, the language of CBP's notices; the app shows the same facts in
 * the reader's language.
 */

const TITLES: Record<ProtestDecisionKind, string> = {
  allowed: 'Notice of decision on protest',
  allowed_in_part: 'Notice of denial in part of protest',
  denied: 'Notice of denial of protest',
  denied_in_part: 'Notice of denial in part of protest',
  deemed_denied: 'Notice of deemed denial of protest',
};

function reasonsBlocks(view: ProtestView): DocumentBlock[] {
  const decision = view.decision;
  if (decision?.kind === 'deemed_denied') {
    const cause = view.acceleratedDispositionMailedOn
      ? `accelerated disposition was requested by mail on ${view.acceleratedDispositionMailedOn} and the protest was not allowed or denied within 30 days (19 U.S.C. 1515(b))`
      : 'the protest of an exclusion was not allowed or denied within 30 days of filing (19 CFR 174.21(b))';
    return [
      paragraph(
        `No reviewer decided this protest: it was deemed denied on ${decision.decidedOn} by operation of law, because ${cause}.`,
      ),
    ];
  }
  return paragraphsOf(decision?.reasons ?? '').map((text) => paragraph(text));
}

function courtBlocks(view: ProtestView): DocumentBlock[] {
  const court = view.clocks.find((clock) => clock.name === 'court_of_international_trade');
  if (!court) {
    return [];
  }
  const from =
    view.decision?.kind === 'deemed_denied'
      ? `the date of the deemed denial (${view.decision.decidedOn})`
      : `the date this notice was mailed (${view.decision?.denialNoticeMailedOn ?? view.decision?.decidedOn ?? ''})`;
  return [
    heading(2, 'Your right to contest this denial in court'),
    paragraph(
      `You may contest the denial of this protest, in whole or in part, by beginning a civil action in the United States Court of International Trade within 180 days after ${from} (28 U.S.C. 2636(a); 19 CFR 174.30–174.31). If no action is begun in time, the decision is final.`,
    ),
    ...keyValues([
      { key: '180 days end on (nominal)', value: court.nominal },
      { key: 'Court deadline (effective)', value: court.effective },
      {
        key: 'Why the days differ',
        value: court.rolled
          ? `${court.nominal} is a Saturday, Sunday or legal holiday: the last day moves to the next day the court is open (USCIT Rule 6(a)).`
          : '',
      },
    ]),
  ];
}

/** The notice as a document model (pure: the protest as read, and when it was generated). */
export function denialNoticeModel(view: ProtestView, generatedAt: Date): DocumentModel {
  const decision = view.decision;
  if (decision === null) {
    throw new Error(`protest ${view.id} is not decided`);
  }
  const title = `${TITLES[decision.kind]} ${view.protestNumber}`;
  return {
    title,
    language: 'en',
    author: 'U.S. Customs and Border Protection',
    subject: `Protest ${view.protestNumber}`,
    pageLabel: 'Page {page} of {total}',
    blocks: [
      heading(1, title),
      ...keyValues([
        { key: 'Protest number', value: view.protestNumber },
        { key: 'Protestant', value: `${view.protestant.name}\n${view.protestant.address}` },
        { key: 'Importer number', value: view.importerNumber },
        { key: 'Port', value: view.portCode },
        { key: 'Center', value: view.centerName },
        { key: 'Filed on', value: view.filedOn },
        { key: 'Decision', value: decisionWord('en', decision.kind) },
        { key: 'Decided on', value: decision.decidedOn },
        { key: 'Notice mailed on', value: decision.denialNoticeMailedOn ?? '' },
        { key: 'Refund of excess duties', value: decision.refundDue ? 'Due' : '' },
      ]),
      heading(2, 'Entries'),
      table(
        [
          { header: 'Entry number', weight: 3 },
          { header: 'Entry date', weight: 2 },
          { header: 'Liquidation or decision date', weight: 3 },
          { header: 'Lead', weight: 1 },
        ],
        view.entries.map((entry) => [
          entry.entryNumber,
          entry.entryDate,
          entry.liquidationOrDecisionDate,
          entry.lead ? 'Yes' : '',
        ]),
      ),
      heading(2, 'Categories of merchandise'),
      table(
        [
          { header: 'Category', weight: 2 },
          { header: 'Description', weight: 5 },
        ],
        view.categories.map((category) => [category.category, category.description]),
      ),
      heading(2, 'Reasons for the denial'),
      ...reasonsBlocks(view),
      ...courtBlocks(view),
      paragraph(
        `Generated by OpenCTPAT on ${generatedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC from the protest record.`,
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

async function notice(ctx: ServiceContext, organisationId: string | null, protestId: string) {
  const row = await findProtest(ctx.db, protestId, organisationId);
  if (!row || row.decision === null || !decisionOpensCourtClock(row.decision)) {
    throw notFound('Denial notice');
  }
  const view = await protestView(ctx, ctx.db, row);
  return {
    filename: `protest-${row.protestNumber}-denial-notice.pdf`,
    contentType: 'application/pdf' as const,
    body: await renderPdf(denialNoticeModel(view, ctx.clock.now())),
  };
}

/** CBP's copy (`protest:read:any`): any protest. */
export function denialNoticeForReview(
  ctx: ServiceContext,
  protestId: string,
): Promise<DenialNotice> {
  return notice(ctx, null, protestId);
}

/** The filer company's copy (`protest:read`): its own protests only; another's is a 404. */
export function ownDenialNotice(ctx: ServiceContext, protestId: string): Promise<DenialNotice> {
  const organisationId = actorOrganisationId(ctx.actor);
  if (organisationId === null) {
    throw notFound('Denial notice');
  }
  return notice(ctx, organisationId, protestId);
}
