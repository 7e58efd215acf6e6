import { z } from 'zod';
import type { FilingTrigger } from '../../../domain/protests/filing-window.ts';
import { protestTimeliness } from '../../../domain/protests/filing-window.ts';
import type { ProtestClockSettings } from '../../../domain/protests/protest-clock.ts';
import { entryWindows } from '../../../domain/protests/protest-clock-set.ts';
import type { CalendarDate } from '../../../domain/time/calendar-date.ts';

/**
 * Timeliness as decided at filing (filing-window.ts), kept in `protests.timeliness` with the
 * settings used, so the flag a protest was filed with never changes when a deployment changes
 * the weekend/holiday roll later. An untimely protest is filed and flagged, never refused.
 */

export const StoredTimelinessSchema = z.object({
  timely: z.boolean(),
  settings: z.object({
    rollWeekendsAndHolidays: z.boolean(),
    additionalClosedDays: z.array(z.string()),
  }),
  entries: z.array(
    z.object({
      entryNumber: z.string(),
      nominal: z.string(),
      effective: z.string(),
      status: z.enum(['timely', 'untimely']),
      code: z.string(),
      reason: z.string(),
      daysLate: z.number().int(),
    }),
  ),
});
export type StoredTimeliness = z.infer<typeof StoredTimelinessSchema>;

export interface TimelinessEntryInput {
  readonly entryNumber: string;
  readonly entryDate: CalendarDate;
  readonly dateKind: FilingTrigger;
  readonly liquidationOrDecisionDate: CalendarDate;
}

/** Each entry's window and the filing day against it. */
export function timelinessAtFiling(
  filedOn: CalendarDate,
  entries: readonly TimelinessEntryInput[],
  settings: ProtestClockSettings,
): StoredTimeliness {
  const windows = entryWindows({ entries }, settings);
  const result = protestTimeliness(filedOn, windows, settings);
  return {
    timely: result.status === 'timely',
    settings: {
      rollWeekendsAndHolidays: settings.rollWeekendsAndHolidays,
      additionalClosedDays: [...settings.additionalClosedDays],
    },
    entries: entries.map((entry, index) => {
      const window = windows[index];
      const decided = result.entries[index];
      if (window === undefined || decided === undefined) {
        throw new Error('a timeliness result per entry');
      }
      return {
        entryNumber: entry.entryNumber,
        nominal: window.nominal,
        effective: window.effective,
        status: decided.status,
        code: decided.code,
        reason: decided.reason,
        daysLate: decided.daysLate,
      };
    }),
  };
}

/** The stored record, read back (a record that does not parse is a bug: it throws). */
export function readTimeliness(stored: unknown): StoredTimeliness {
  return StoredTimelinessSchema.parse(stored);
}

/** The reasons of the untimely entries, one per line; null when every entry was timely. */
export function untimelyReason(record: StoredTimeliness): string | null {
  const reasons = record.entries
    .filter((entry) => entry.status === 'untimely')
    .map((entry) => `${entry.entryNumber}: ${entry.reason}`);
  return reasons.length === 0 ? null : reasons.join('\n');
}
