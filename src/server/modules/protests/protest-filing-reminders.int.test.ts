import { beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation } from '../../../../tests/factories/organisation.factory.ts';
import {
  createProtest,
  type ProtestSpec,
  uniqueEntryNumber,
} from '../../../../tests/factories/protest.factory.ts';
import {
  createUser,
  type SignedIn,
  signInWithMfaSettled,
} from '../../../../tests/factories/user.factory.ts';
import { apiCaller } from '../../../../tests/setup/api-caller.ts';
import { setUpTestApp } from '../../../../tests/setup/test-app-hooks.ts';
import { calendarDate } from '../../../domain/time/calendar-date.ts';
import { runProtestDeadlineJobs } from './protest-deemed-denials.ts';

/**
 * Reminders before the last day to amend a protest and the close of its entries' filing windows
 * (protest-filing-reminders.ts): 30 and 7 days before, the amendment reminder standing for the
 * window that closes on the same day, once per threshold however often the hourly job runs, and
 * none for a decided protest or a window still far away.
 *
 * The job runs for this file's company only (`onlyOrganisationId`), so a shared database's other
 * protests are neither reminded nor counted.
 */

const testApp = setUpTestApp();
const call = apiCaller(testApp);

let company: { id: string };
let officer: SignedIn;

beforeAll(async () => {
  const db = testApp.database.db;
  const organisation = await createOrganisation(db);
  company = organisation;
  const officerUser = await createUser(db, { role: 'company_officer', organisation });
  officer = await signInWithMfaSettled(testApp.app, db, officerUser);
}, 60_000);

function protest(spec: Partial<ProtestSpec> & { filedOn: string }) {
  return createProtest(testApp.database.db, { organisationId: company.id, ...spec });
}

async function run(day: string) {
  const context = {
    db: testApp.database.db,
    clock: testApp.clock,
    smtpConfigured: false,
    publicUrl: 'http://localhost:3000',
    onlyOrganisationId: company.id,
  };
  await runProtestDeadlineJobs(context, calendarDate(day));
}

const WORDS: Record<string, string> = {
  'last day to amend the protest': 'amendment',
  'last day to protest the entries': 'filing_window',
};

/** Each reminder of the protest as `deadline:due:daysLeft`, in a stable order. */
async function reminders(protestNumber: string): Promise<string[]> {
  const response = await call('GET', '/api/v1/notifications?limit=100', officer);
  expect(response.statusCode, response.body).toBe(200);
  return (response.json().items as { kind: string; params: Record<string, string> }[])
    .filter(
      (item) =>
        item.kind === 'protest_deadline_reminder' && item.params.protestNumber === protestNumber,
    )
    .map(
      (item) =>
        `${WORDS[item.params.deadline ?? ''] ?? item.params.deadline}:${item.params.due}:${item.params.daysLeft}`,
    )
    .sort();
}

describe('amendment and filing-window reminders', () => {
  it('reminds 30 and 7 days before, once each, and never a decided or distant protest', async () => {
    // Liquidated 2026-06-15: 180 days end Saturday 2026-12-12, rolled to Monday 2026-12-14.
    const open = await protest({ filedOn: '2026-11-02', liquidationDate: '2026-06-15' });
    // Accelerated disposition ends amendments: only the filing window is left to remind.
    const accelerated = await protest({
      filedOn: '2026-11-02',
      liquidationDate: '2026-06-15',
      acceleratedDispositionMailedOn: '2026-11-20',
    });
    // Two entries: the amendment ends with the first window, the second closes 2027-01-06.
    const split = await protest({
      filedOn: '2026-11-02',
      entries: [uniqueEntryNumber(), uniqueEntryNumber()],
      liquidationDates: ['2026-06-15', '2026-07-10'],
    });
    const decided = await protest({
      filedOn: '2026-11-02',
      liquidationDate: '2026-06-15',
      decision: 'denied',
      decisionReasons: 'Denied.',
      decidedOn: '2026-11-20',
    });
    // Liquidated 2026-09-01: the window closes 2027-02-28, three months away.
    const distant = await protest({ filedOn: '2026-11-02', liquidationDate: '2026-09-01' });

    await run('2026-11-29');
    await run('2026-11-29');
    expect(await reminders(open.protestNumber)).toEqual(['amendment:2026-12-14:15']);
    const [acceleratedReminder] = await remindersWithDetails(accelerated.protestNumber);
    expect(acceleratedReminder?.what).toBe('filing_window:2026-12-14:15');
    expect(acceleratedReminder?.details).toContain(accelerated.entries[0]);
    expect(await reminders(split.protestNumber)).toEqual(['amendment:2026-12-14:15']);
    expect(await reminders(decided.protestNumber)).toEqual([]);
    expect(await reminders(distant.protestNumber)).toEqual([]);

    // Six days before: the 7-day reminders, and the second entry's window now within 30 days.
    await run('2026-12-08');
    await run('2026-12-08');
    expect(await reminders(open.protestNumber)).toEqual([
      'amendment:2026-12-14:15',
      'amendment:2026-12-14:6',
    ]);
    expect(await reminders(accelerated.protestNumber)).toEqual([
      'filing_window:2026-12-14:15',
      'filing_window:2026-12-14:6',
    ]);
    expect(await reminders(split.protestNumber)).toEqual([
      'amendment:2026-12-14:15',
      'amendment:2026-12-14:6',
      'filing_window:2027-01-06:29',
    ]);

    // After the day: nothing more for it.
    await run('2026-12-15');
    expect(await reminders(open.protestNumber)).toHaveLength(2);
    expect(await reminders(decided.protestNumber)).toEqual([]);
    expect(await reminders(distant.protestNumber)).toEqual([]);
  });
});

async function remindersWithDetails(protestNumber: string) {
  const response = await call('GET', '/api/v1/notifications?limit=100', officer);
  return (response.json().items as { kind: string; params: Record<string, string> }[])
    .filter(
      (item) =>
        item.kind === 'protest_deadline_reminder' && item.params.protestNumber === protestNumber,
    )
    .map((item) => ({
      what: `${WORDS[item.params.deadline ?? ''] ?? item.params.deadline}:${item.params.due}:${item.params.daysLeft}`,
      details: item.params.details ?? '',
    }));
}
