import { randomUUID } from 'node:crypto';
import type { ProtestClockView } from '../../../domain/protests/protest-api.schema.ts';
import { COURT_OF_INTERNATIONAL_TRADE_DAYS } from '../../../domain/protests/protest-clocks.ts';
import { addDays, type CalendarDate } from '../../../domain/time/calendar-date.ts';
import type { Clock } from '../../../domain/time/clock.ts';
import type { Db } from '../../db/database.ts';
import { appendAuditEvent } from '../audit/audit.service.ts';
import type { NoticeContext } from '../notifications/notice-context.ts';
import { sendFilingReminders } from './protest-filing-reminders.ts';
import {
  findCourtClocksStartingBetween,
  findOpenDeemedDenialsBetween,
  updateProtestAtVersion,
} from './protest-review.repository.ts';
import {
  notifyProtestDecided,
  notifyProtestReminder,
  type ProtestReminder,
} from './protest-review-notices.ts';
import { clocksOf, clocksOfMany, priorityAfter } from './protest-review-rules.ts';
import { recordSetAsideDeemedDenials } from './protest-set-aside-deemed-denials.ts';
import { findProtest, insertProtestEvent, type ProtestRow } from './protests.repository.ts';

/**
 * The protests' hourly job (main.ts `startReminders`), idempotent like the other reminders:
 *
 * 1. **Deemed denials** (19 U.S.C. 1515(b); 19 CFR 174.21(b)): an open protest whose
 *    accelerated-disposition or exclusion deemed-denial day has passed is recorded as
 *    `deemed_denied`, decided on that day (not the day the job runs), with no reasons and no
 *    reviewer; an event, an audit event and a notice to the filer company with the court
 *    deadline, which runs from the deemed denial. The day itself is CBP's last day to decide,
 *    so the job records it from the next day. Each protest is locked and re-read first: two
 *    instances, or a reviewer deciding at the same moment, never record two decisions.
 *    There is no system user: the audit event names the `operator` actor (as the reference
 *    data step does), and the protest's event has no actor.
 * 2. **Set-aside requests** the Commissioner did not act on within 60 days, considered denied
 *    (19 U.S.C. 1515(c); protest-set-aside-deemed-denials.ts).
 * 3. **Reminders** before the protestant's deadlines, idempotent by notification key: the last
 *    day to go to the Court of International Trade, 30 and 7 days before (a day missed while
 *    the server was down is caught up with the latest threshold reached), on the day an
 *    accelerated disposition is deemed denied at its end, and the last day to amend and the
 *    entries' filing windows of open protests (protest-filing-reminders.ts).
 */

export interface ProtestJobContext {
  db: Db;
  clock: Clock;
  smtpConfigured: boolean;
  publicUrl: string;
  /**
   * Tests on a shared database only: the protests of this filer company, so a test's run does
   * not decide other test files' protests. Production runs leave it unset (every protest).
   */
  onlyOrganisationId?: string;
}

export interface ProtestJobResult {
  deemedDenied: number;
  /** Set-aside requests recorded as considered denied (protest-set-aside-deemed-denials.ts). */
  setAsideDeemedDenied?: number;
  /** Notifications handed to notify() (repeats are ignored there by their key). */
  notices: number;
}

const BATCH = 200;
const DEEMED_CLOCKS = ['accelerated_disposition_deemed_denial', 'exclusion_deemed_denial'];
/** A court deadline can move at most a few days (a weekend next to a holiday). */
const ROLL_SLACK_DAYS = 7;
const REMINDER_DAYS = [30, 7] as const;

const OPERATOR = {
  kind: 'operator' as const,
  command: 'protest deemed denials (hourly job)',
  permissions: new Set<never>(),
};

function noticeContext(ctx: ProtestJobContext): NoticeContext {
  return { now: ctx.clock.now(), smtpConfigured: ctx.smtpConfigured, publicUrl: ctx.publicUrl };
}

/** The deemed-denial clock that has passed first, if any. */
function passedDeemedDenial(clocks: readonly ProtestClockView[], today: CalendarDate) {
  return clocks
    .filter((clock) => DEEMED_CLOCKS.includes(clock.name) && clock.effective < today)
    .sort((a, b) => a.effective.localeCompare(b.effective))[0];
}

/** Records one deemed denial; false when the protest no longer needs one. */
async function deemDenied(ctx: ProtestJobContext, id: string, today: CalendarDate) {
  return ctx.db.transaction(async (tx) => {
    const row = await findProtest(tx, id, null, { forUpdate: true });
    if (!row || row.status === 'decided' || row.status === 'withdrawn') {
      return { done: false, notices: 0 };
    }
    const passed = passedDeemedDenial(await clocksOf(tx, row, today), today);
    const now = ctx.clock.now();
    if (!passed) {
      // A stale priority (the clock moved): store the right one so the protest leaves rank 0.
      await updateProtestAtVersion(tx, row.id, row.version, await priorityAfter(tx, row, {}));
      return { done: false, notices: 0 };
    }
    const changes = {
      status: 'decided' as const,
      decision: 'deemed_denied' as const,
      decisionReasons: null,
      decidedOn: passed.effective,
      decidedByUserId: null,
      denialNoticeMailedOn: null,
      updatedAt: now,
    };
    const updated = await updateProtestAtVersion(tx, row.id, row.version, {
      ...changes,
      ...(await priorityAfter(tx, row, changes)),
    });
    if (!updated) {
      return { done: false, notices: 0 };
    }
    const court = (await clocksOf(tx, updated, today)).find(
      (clock) => clock.name === 'court_of_international_trade',
    );
    await insertProtestEvent(tx, {
      id: randomUUID(),
      protestId: row.id,
      kind: 'deemed_denied',
      at: now,
      actorUserId: null,
      details: {
        on: passed.effective,
        clock: passed.name,
        citation: passed.citation,
        courtDeadline: court?.effective ?? null,
      },
    });
    await appendAuditEvent(
      tx,
      { actor: OPERATOR, now, requestId: null, clientAddress: null },
      {
        action: 'protest.deemed_denied',
        targetType: 'protest',
        targetId: row.id,
        organisationId: row.organisationId,
        before: { status: row.status, version: row.version },
        after: { status: 'decided', decision: 'deemed_denied', decidedOn: passed.effective },
      },
    );
    const notices = await notifyProtestDecided(noticeContext(ctx), tx, updated, court ?? null);
    return { done: true, notices };
  });
}

export async function recordDeemedDenials(
  ctx: ProtestJobContext,
  today: CalendarDate,
): Promise<ProtestJobResult> {
  const result: ProtestJobResult = { deemedDenied: 0, notices: 0 };
  const seen = new Set<string>();
  for (;;) {
    const due = (
      await findOpenDeemedDenialsBetween(
        ctx.db,
        null,
        addDays(today, -1),
        BATCH,
        ctx.onlyOrganisationId,
      )
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

/** Sends the reminder `build` finds due in each protest's clocks (clocks read in two queries). */
async function remindAll(
  ctx: ProtestJobContext,
  rows: readonly ProtestRow[],
  build: (clocks: ProtestClockView[]) => ProtestReminder | null,
  today: CalendarDate,
): Promise<number> {
  const clocks = await clocksOfMany(ctx.db, rows, today);
  let notices = 0;
  for (const row of rows) {
    const reminder = build(clocks.get(row.id) ?? []);
    if (reminder !== null) {
      notices += await ctx.db.transaction((tx) =>
        notifyProtestReminder(noticeContext(ctx), tx, row, reminder),
      );
    }
  }
  return notices;
}

function acceleratedDispositionToday(today: CalendarDate) {
  return (clocks: ProtestClockView[]): ProtestReminder | null => {
    const clock = clocks.find(
      (candidate) =>
        candidate.name === 'accelerated_disposition_deemed_denial' && candidate.effective === today,
    );
    return clock ? { deadline: 'accelerated_disposition', clock } : null;
  };
}

/** The latest threshold reached (30, then 7 days before), while the last day is ahead. */
function courtDeadlineNear(clocks: ProtestClockView[]): ProtestReminder | null {
  const clock = clocks.find((candidate) => candidate.name === 'court_of_international_trade');
  if (!clock || clock.daysLeft < 0) return null;
  const threshold = [...REMINDER_DAYS].sort((a, b) => a - b).find((days) => clock.daysLeft <= days);
  return threshold === undefined ? null : { deadline: 'court', threshold, clock };
}

export async function sendProtestReminders(
  ctx: ProtestJobContext,
  today: CalendarDate,
): Promise<number> {
  // Accelerated disposition deemed denied at the end of today.
  const deemedToday = await findOpenDeemedDenialsBetween(
    ctx.db,
    today,
    today,
    10_000,
    ctx.onlyOrganisationId,
  );
  let notices = await remindAll(ctx, deemedToday, acceleratedDispositionToday(today), today);
  // The court's 180 days end within 30 days.
  const furthest = Math.max(...REMINDER_DAYS);
  const from = addDays(today, -(COURT_OF_INTERNATIONAL_TRADE_DAYS + ROLL_SLACK_DAYS));
  const to = addDays(today, -(COURT_OF_INTERNATIONAL_TRADE_DAYS - furthest));
  const courtSoon = await findCourtClocksStartingBetween(ctx.db, from, to, ctx.onlyOrganisationId);
  notices += await remindAll(ctx, courtSoon, courtDeadlineNear, today);
  // The time to amend and the entries' filing windows close within 30 days.
  notices += await sendFilingReminders(ctx, today);
  return notices;
}

/**
 * The hourly entry point (main.ts): deemed denials of protests and of set-aside requests first,
 * then the reminders.
 */
export async function runProtestDeadlineJobs(
  ctx: ProtestJobContext,
  today: CalendarDate,
): Promise<ProtestJobResult> {
  const recorded = await recordDeemedDenials(ctx, today);
  const setAside = await recordSetAsideDeemedDenials(ctx, today);
  const reminders = await sendProtestReminders(ctx, today);
  return {
    deemedDenied: recorded.deemedDenied,
    setAsideDeemedDenied: setAside.deemedDenied,
    notices: recorded.notices + setAside.notices + reminders,
  };
}
