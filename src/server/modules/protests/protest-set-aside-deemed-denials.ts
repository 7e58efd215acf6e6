import { randomUUID } from 'node:crypto';
import { SET_ASIDE_DECISION_DAYS } from '../../../domain/protests/protest-clocks.ts';
import { setAsideDeemedDenialDue } from '../../../domain/protests/set-aside.ts';
import { addDays, type CalendarDate } from '../../../domain/time/calendar-date.ts';
import { appendAuditEvent } from '../audit/audit.service.ts';
import type { ProtestJobContext } from './protest-deemed-denials.ts';
import { findProtestsWithOpenEvent, updateProtestAtVersion } from './protest-review.repository.ts';
import { notifyProtestChangedByJob } from './protest-review-notices.ts';
import { protestFacts, SET_ASIDE_EVENT_KINDS } from './protest-view.service.ts';
import {
  findEntriesOf,
  findProtest,
  findProtestEvents,
  insertProtestEvent,
} from './protests.repository.ts';

/**
 * The hourly job's part for set-aside requests (19 U.S.C. 1515(c)): "If the Commissioner ...
 * fails to act within 60 days after the date of the request, the request shall be considered
 * denied." A pending request whose 60th day has passed is recorded as `set_aside_deemed_denied`
 * on that day (not the day the job runs), with an audit event by the `operator` actor and a
 * notice to the filer company, in one transaction per protest. The 60th day is the
 * Commissioner's last day to act, so the job records it from the next day. Idempotent: each
 * protest is locked and re-read, and a request with an outcome is never recorded again.
 * Withdrawn protests are left alone: the request is moot (their clocks are not shown either).
 */

const BATCH = 200;

const OPERATOR = {
  kind: 'operator' as const,
  command: 'protest set-aside deemed denials (hourly job)',
  permissions: new Set<never>(),
};

const CHANGE = {
  en: 'set-aside request considered denied',
  es: 'solicitud de anulación considerada denegada',
};
const DETAILS = {
  en: (on: string) =>
    `The Commissioner did not act within 60 days after the request, so it was considered denied on ${on} (19 U.S.C. 1515(c)). The denial of further review stands; the 180 days to go to the Court of International Trade run from the original denial of the protest.`,
  es: (on: string) =>
    `El Comisionado no resolvió en los 60 días siguientes a la solicitud, por lo que se considera denegada el ${on} (19 U.S.C. 1515(c)). La denegación de la revisión adicional se mantiene; los 180 días para acudir al Tribunal de Comercio Internacional corren desde la denegación original de la protesta.`,
};

/** Records one deemed denial; done false when the request no longer needs one. */
async function deemDenied(ctx: ProtestJobContext, id: string, today: CalendarDate) {
  return ctx.db.transaction(async (tx) => {
    const row = await findProtest(tx, id, null, { forUpdate: true });
    if (!row || row.status === 'withdrawn') {
      return { done: false, notices: 0 };
    }
    const entries = (await findEntriesOf(tx, [row.id])).get(row.id) ?? [];
    const setAside = protestFacts(row, entries, await findProtestEvents(tx, row.id)).setAside;
    const deemedOn = setAsideDeemedDenialDue(setAside ?? null, today);
    if (deemedOn === null || !setAside) {
      return { done: false, notices: 0 };
    }
    const now = ctx.clock.now();
    const updated = await updateProtestAtVersion(tx, row.id, row.version, { updatedAt: now });
    if (!updated) {
      return { done: false, notices: 0 };
    }
    await insertProtestEvent(tx, {
      id: randomUUID(),
      protestId: row.id,
      kind: SET_ASIDE_EVENT_KINDS.deemed_denied,
      at: now,
      actorUserId: null,
      details: { on: deemedOn, requestedOn: setAside.requestedOn, citation: '19 U.S.C. 1515(c)' },
    });
    await appendAuditEvent(
      tx,
      { actor: OPERATOR, now, requestId: null, clientAddress: null },
      {
        action: 'protest.set_aside_deemed_denied',
        targetType: 'protest',
        targetId: row.id,
        organisationId: row.organisationId,
        before: { version: row.version, setAsideRequestedOn: setAside.requestedOn },
        after: { setAside: 'deemed_denied', on: deemedOn },
      },
    );
    const notices = await notifyProtestChangedByJob(
      { now, smtpConfigured: ctx.smtpConfigured, publicUrl: ctx.publicUrl },
      tx,
      updated,
      {
        key: `protest_set_aside_deemed_denied:${row.id}`,
        change: (language) => CHANGE[language],
        details: (language) => DETAILS[language](deemedOn),
      },
    );
    return { done: true, notices };
  });
}

/** Every pending set-aside request whose 60 days ended before `today`, recorded once. */
export async function recordSetAsideDeemedDenials(
  ctx: ProtestJobContext,
  today: CalendarDate,
): Promise<{ deemedDenied: number; notices: number }> {
  const result = { deemedDenied: 0, notices: 0 };
  const seen = new Set<string>();
  // Requested on or before this day: its 60th day is before today.
  const lastRequestDay = addDays(today, -(SET_ASIDE_DECISION_DAYS + 1));
  for (;;) {
    const due = (
      await findProtestsWithOpenEvent(ctx.db, {
        kind: SET_ASIDE_EVENT_KINDS.requested,
        closingKinds: [
          SET_ASIDE_EVENT_KINDS.granted,
          SET_ASIDE_EVENT_KINDS.denied,
          SET_ASIDE_EVENT_KINDS.deemed_denied,
        ],
        onOrBefore: lastRequestDay,
        limit: BATCH,
        organisationId: ctx.onlyOrganisationId,
      })
    ).filter((row) => !seen.has(row.id));
    if (due.length === 0) {
      return result;
    }
    for (const row of due) {
      seen.add(row.id);
      const outcome = await deemDenied(ctx, row.id, today);
      result.deemedDenied += outcome.done ? 1 : 0;
      result.notices += outcome.notices;
    }
  }
}
