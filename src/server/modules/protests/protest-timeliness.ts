import { z } from 'zod';
import type { FilingTrigger } from '../../../domain/protests/filing-window.ts';
import { protestTimeliness } from '../../../domain/protests/filing-window.ts';
import type { ProtestClockSettings } from '../../../domain/protests/protest-clock.ts';
import { entryWindows } from '../../../domain/protests/protest-clock-set.ts';
import {
  type CodedText,
  FILING_TIMELINESS_PARAMS,
  type FilingTimelinessTextCode,
} from '../../../domain/protests/protest-texts.ts';
import { type CalendarDate, calendarDate } from '../../../domain/time/calendar-date.ts';

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
      /** The parameters of `reason` under `code` (protest-texts.ts); absent in older records. */
      params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
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
        params: { ...decided.params },
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

function isTimelinessCode(code: string): code is FilingTimelinessTextCode {
  return Object.hasOwn(FILING_TIMELINESS_PARAMS, code);
}

/**
 * Each stored entry's reason as a coded text (protest-texts.ts), by entry number. A record
 * written before the parameters were stored has them worked out again from the same facts and
 * the settings stored with it, which give the same code (the rules are pure).
 */
export function timelinessTexts(
  record: StoredTimeliness,
  filedOn: CalendarDate,
  entries: readonly TimelinessEntryInput[],
): Map<string, CodedText<FilingTimelinessTextCode>> {
  const missing = record.entries.some((entry) => entry.params === undefined);
  const again = missing
    ? timelinessAtFiling(filedOn, entries, {
        rollWeekendsAndHolidays: record.settings.rollWeekendsAndHolidays,
        additionalClosedDays: record.settings.additionalClosedDays.map((day) => calendarDate(day)),
      })
    : null;
  const texts = new Map<string, CodedText<FilingTimelinessTextCode>>();
  for (const entry of record.entries) {
    const recomputed = again?.entries.find((other) => other.entryNumber === entry.entryNumber);
    const code = isTimelinessCode(entry.code) ? entry.code : null;
    const params = entry.params ?? (recomputed?.code === entry.code ? recomputed.params : null);
    if (code !== null && params !== null && params !== undefined) {
      texts.set(entry.entryNumber, { code, params });
    }
  }
  return texts;
}
