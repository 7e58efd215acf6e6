import {
  VALIDATION_ACTIVITIES,
  type ValidationActivity,
} from '../../../domain/validations/validation-vocabulary.ts';
import type { HoursSummary } from '../../../domain/validations/work-program.schema.ts';
import type { HoursRow } from './validation-hours.repository.ts';

/**
 * A validation's staff hours (6 U.S.C. 971: records of staff hours for each validation): every
 * entry, newest work day first, and the minutes per activity (every activity listed, in the
 * vocabulary's order, so the table is the same for every validation) and in all.
 */
export function hoursSummary(
  rows: readonly HoursRow[],
  names: ReadonlyMap<string, string>,
): HoursSummary {
  const byActivity = new Map<ValidationActivity, number>(
    VALIDATION_ACTIVITIES.map((activity) => [activity, 0]),
  );
  let totalMinutes = 0;
  for (const row of rows) {
    byActivity.set(row.activity, (byActivity.get(row.activity) ?? 0) + row.minutes);
    totalMinutes += row.minutes;
  }
  return {
    items: rows.map((row) => ({
      id: row.id,
      user: { id: row.userId, name: names.get(row.userId) ?? '' },
      activity: row.activity,
      workedOn: row.workedOn,
      minutes: row.minutes,
      note: row.note,
      recordedAt: row.recordedAt.toISOString(),
    })),
    byActivity: [...byActivity.entries()].map(([activity, minutes]) => ({ activity, minutes })),
    totalMinutes,
  };
}
