import { AppError } from '../../../domain/errors/error-codes.ts';
import type { ProtestClockView } from '../../../domain/protests/protest-api.schema.ts';
import { protestClockSet, queuePriority } from '../../../domain/protests/protest-clock-set.ts';
import type { CalendarDate } from '../../../domain/time/calendar-date.ts';
import type { Db } from '../../db/database.ts';
import type { ServiceContext } from '../../service-context.ts';
import { findEventsOf } from './protest-review.repository.ts';
import { CLOCK_EVENT_KINDS, protestClockSettings, protestFacts } from './protest-view.service.ts';
import { findEntriesOf, findProtestEvents, type ProtestRow } from './protests.repository.ts';

/** Checks and clock reads shared by CBP's review, the deemed-denial job and the denial notice. */

/** A 400 naming one body field and why. */
export function bodyIssue(field: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', 'The request is not valid', {
    issues: [{ path: `body.${field}`, message }],
  });
}

/** The person acting, for `decided_by` and events; null for an API token. */
export function actorUserIdOf(ctx: ServiceContext): string | null {
  return ctx.actor.kind === 'user' ? ctx.actor.userId : null;
}

export function versionConflict(): AppError {
  return new AppError('CONFLICT', 'The protest changed since you read it: reload it and retry');
}

/** A decided or withdrawn protest takes no further review step (409). */
export function refuseClosed(row: ProtestRow, what: string): void {
  if (row.status === 'decided' || row.status === 'withdrawn') {
    throw new AppError('CONFLICT', `The protest is ${row.status}: it can no longer be ${what}`);
  }
}

/**
 * A protest whose deemed-denial day has passed was denied by operation of law that day
 * (19 U.S.C. 1515(b); 19 CFR 174.21(b)); the hourly job records it. No one can decide it
 * after that day (409), even before the job has run.
 */
export function refuseDeemedDenied(clocks: readonly ProtestClockView[], today: CalendarDate): void {
  const passed = clocks.find(
    (clock) =>
      (clock.name === 'accelerated_disposition_deemed_denial' ||
        clock.name === 'exclusion_deemed_denial') &&
      clock.effective < today,
  );
  if (passed) {
    throw new AppError(
      'CONFLICT',
      `The protest was deemed denied on ${passed.effective} by operation of law (${passed.citation}): it can no longer be decided`,
    );
  }
}

/** Every clock of the stored protest for `today` (entries and further-review events read). */
export async function clocksOf(
  db: Db,
  row: ProtestRow,
  today: CalendarDate,
): Promise<ProtestClockView[]> {
  const entries = (await findEntriesOf(db, [row.id])).get(row.id) ?? [];
  const events = await findProtestEvents(db, row.id);
  return protestClockSet(protestFacts(row, entries, events), today, protestClockSettings());
}

/** The clocks of many stored protests for `today`, in two queries (the hourly reminders). */
export async function clocksOfMany(
  db: Db,
  rows: readonly ProtestRow[],
  today: CalendarDate,
): Promise<Map<string, ProtestClockView[]>> {
  const ids = rows.map((row) => row.id);
  const entries = await findEntriesOf(db, ids);
  const events = await findEventsOf(db, ids, CLOCK_EVENT_KINDS);
  const settings = protestClockSettings();
  return new Map(
    rows.map((row) => [
      row.id,
      protestClockSet(
        protestFacts(
          row,
          entries.get(row.id) ?? [],
          events.filter((event) => event.protestId === row.id),
        ),
        today,
        settings,
      ),
    ]),
  );
}

/** The Court of International Trade deadline of a decided protest, or null (an allowance). */
export async function courtClockOf(
  db: Db,
  row: ProtestRow,
  today: CalendarDate,
): Promise<ProtestClockView | null> {
  const clocks = await clocksOf(db, row, today);
  return clocks.find((clock) => clock.name === 'court_of_international_trade') ?? null;
}

/** The stored queue priority for the protest as it will be after `changes` (ADR 0027). */
export async function priorityAfter(
  db: Db,
  row: ProtestRow,
  changes: Partial<ProtestRow>,
): Promise<{ priorityRank: number; priorityDate: string }> {
  const entries = (await findEntriesOf(db, [row.id])).get(row.id) ?? [];
  // The events: a set-aside granted stops the deemed-denial clocks it voided (1515(c)).
  const events = await findEventsOf(db, [row.id], CLOCK_EVENT_KINDS);
  const priority = queuePriority(protestFacts({ ...row, ...changes }, entries, events));
  return { priorityRank: priority.rank, priorityDate: priority.date };
}
