import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { validationHours } from './validations.tables.ts';

/** Staff hours per validation and activity (6 U.S.C. 971; validation-hours.service.ts). */

export type HoursRow = typeof validationHours.$inferSelect;

/** A validation's hours, newest work day first. */
export async function findHours(db: Db, validationId: string): Promise<HoursRow[]> {
  return db
    .select()
    .from(validationHours)
    .where(eq(validationHours.validationId, validationId))
    .orderBy(
      desc(validationHours.workedOn),
      desc(validationHours.recordedAt),
      desc(validationHours.id),
    );
}

export async function findHoursEntry(
  db: Db,
  validationId: string,
  hoursId: string,
): Promise<HoursRow | null> {
  const rows = await db
    .select()
    .from(validationHours)
    .where(and(eq(validationHours.validationId, validationId), eq(validationHours.id, hoursId)))
    .limit(1);
  return rows[0] ?? null;
}

export async function insertHours(tx: Db, row: HoursRow): Promise<void> {
  await tx.insert(validationHours).values(row);
}

export async function deleteHours(tx: Db, hoursId: string): Promise<void> {
  await tx.delete(validationHours).where(eq(validationHours.id, hoursId));
}
