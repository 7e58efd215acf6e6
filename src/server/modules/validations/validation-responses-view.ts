import { AppError } from '../../../domain/errors/error-codes.ts';
import type { PeriodSetting } from '../../../domain/registry/lifecycle/membership-clocks.ts';
import {
  type CalendarDate,
  calendarDate,
  daysBetween,
  todayFromClock,
} from '../../../domain/time/calendar-date.ts';
import { responsesDue } from '../../../domain/validations/response-deadline.ts';
import {
  needsMemberResponse,
  type RequiredActionState,
  requiredActionState,
  validationClosing,
} from '../../../domain/validations/validation-outcome.ts';
import type {
  RequiredActionResponse,
  RequiredActionsView,
} from '../../../domain/validations/validation-responses.schema.ts';
import type { Db } from '../../db/database.ts';
import type { ServiceContext } from '../../service-context.ts';
import { getCurrentCatalog } from '../criteria/criteria.service.ts';
import { evidenceSummaries } from '../evidence/evidence.service.ts';
import { displayNames } from '../identity/users.service.ts';
import {
  findRequiredActions,
  findResponsesOf,
  type RequiredActionRow,
  type ResponseRow,
} from './validation-responses.repository.ts';
import { findSites, type ValidationRow } from './validations.repository.ts';

/**
 * The required actions of a validation with their responses, as the member's and CBP's pages
 * show them (issue 6, item 6). The member sees them once the report is issued (before, the
 * findings are the specialist's draft); CBP sees them at any time.
 */

/** The day responses are due: stored when the report was issued, else from the setting. */
export function responsesDueOn(row: ValidationRow, setting: PeriodSetting): CalendarDate | null {
  if (row.responsesDueOn !== null) return calendarDate(row.responsesDueOn);
  return row.reportIssuedOn === null
    ? null
    : responsesDue(calendarDate(row.reportIssuedOn), setting).due;
}

/** The required actions and, per finding, its responses oldest first. */
export async function requiredActionsWithResponses(
  db: Db,
  validationId: string,
): Promise<{ actions: RequiredActionRow[]; responses: Map<string, ResponseRow[]> }> {
  const [actions, all] = await Promise.all([
    findRequiredActions(db, validationId),
    findResponsesOf(db, validationId),
  ]);
  const responses = new Map<string, ResponseRow[]>();
  for (const response of all) {
    responses.set(response.findingId, [...(responses.get(response.findingId) ?? []), response]);
  }
  return { actions, responses };
}

export function statesOf(
  actions: readonly RequiredActionRow[],
  responses: ReadonlyMap<string, readonly ResponseRow[]>,
): RequiredActionState[] {
  return actions.map((action) => requiredActionState(responses.get(action.id) ?? []));
}

/** The current catalog's criterion texts (empty before a catalog is published). */
async function criterionTexts(ctx: ServiceContext): Promise<Map<string, string>> {
  try {
    const catalog = await getCurrentCatalog(ctx);
    return new Map(catalog.criteria.map((criterion) => [criterion.id, criterion.text]));
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') return new Map();
    throw error;
  }
}

/** Reads outside any transaction (ctx.db): call it once a change has committed. */
export async function requiredActionsView(
  ctx: ServiceContext,
  row: ValidationRow,
  options: { memberView: boolean },
): Promise<RequiredActionsView> {
  const db = ctx.db;
  const today = todayFromClock(ctx.clock);
  const issued = row.status === 'report_issued' || row.status === 'closed';
  const hidden = options.memberView && !issued;
  const { actions, responses } = hidden
    ? { actions: [], responses: new Map<string, ResponseRow[]>() }
    : await requiredActionsWithResponses(db, row.id);
  const states = statesOf(actions, responses);
  const dueOn = responsesDueOn(row, ctx.runtime.validationResponseDays);
  const closing = validationClosing({
    status: row.status,
    recommendedOutcome: row.recommendedOutcome,
    requiredActions: states,
    responsesDueOn: dueOn,
    today,
  });
  const allResponses = [...responses.values()].flat();
  const [sites, texts, evidence, names] = await Promise.all([
    actions.some((action) => action.siteId !== null) ? findSites(db, row.id) : Promise.resolve([]),
    actions.length > 0 ? criterionTexts(ctx) : Promise.resolve(new Map<string, string>()),
    evidenceSummaries(
      db,
      row.organisationId,
      allResponses.flatMap((response) => response.evidenceIds),
    ),
    displayNames(
      db,
      allResponses.flatMap((response) =>
        [response.submittedByUserId, response.decidedByUserId].filter(
          (id): id is string => id !== null,
        ),
      ),
    ),
  ]);
  const siteNames = new Map(sites.map((site) => [site.id, site.name]));
  const person = (id: string | null) => (id === null ? null : { id, name: names.get(id) ?? '' });
  const responseView = (response: ResponseRow): RequiredActionResponse => ({
    id: response.id,
    correctivePlan: response.correctivePlan,
    targetOn: response.targetOn,
    evidence: response.evidenceIds.map((id) => {
      const found = evidence.get(id);
      return { id, title: found?.title ?? '', deleted: found?.deleted ?? true };
    }),
    submittedBy: person(response.submittedByUserId),
    submittedAt: response.submittedAt.toISOString(),
    decision: response.decision,
    decisionNote: response.decisionNote,
    decidedBy: person(response.decidedByUserId),
    decidedAt: response.decidedAt?.toISOString() ?? null,
  });
  const pastDeadline = closing.ready ? false : closing.overdue > 0;
  // The rule (period, citation, provisional) is the deployment's; the day is the stored one.
  const rule = dueOn === null ? null : responsesDue(dueOn, ctx.runtime.validationResponseDays);
  return {
    validationId: row.id,
    organisationId: row.organisationId,
    status: row.status,
    reportIssuedOn: row.reportIssuedOn,
    recommendedOutcome: hidden ? null : row.recommendedOutcome,
    deadline:
      dueOn === null || rule === null
        ? null
        : {
            due: dueOn,
            provisional: rule.provisional,
            citation: rule.rule.citation,
            text: rule.rule.text,
            daysLeft: daysBetween(today, dueOn),
          },
    open: closing.ready ? 0 : closing.open,
    overdue: closing.ready ? 0 : closing.overdue,
    suspensionRisk: closing.ready ? false : closing.suspensionRisk,
    outcome: row.outcome,
    closedOn: row.closedOn,
    nextRevalidationDueOn: row.nextRevalidationDueOn,
    version: row.version,
    items: actions.map((action, index) => {
      const state = states[index] ?? 'awaiting_response';
      return {
        findingId: action.id,
        criterion: { id: action.criterionId, text: texts.get(action.criterionId) ?? null },
        site:
          action.siteId === null
            ? null
            : { id: action.siteId, name: siteNames.get(action.siteId) ?? '' },
        notes: action.notes,
        evidenceSeen: action.evidenceSeen,
        state,
        overdue: pastDeadline && row.status === 'report_issued' && needsMemberResponse(state),
        responses: (responses.get(action.id) ?? []).map(responseView),
      };
    }),
  };
}
