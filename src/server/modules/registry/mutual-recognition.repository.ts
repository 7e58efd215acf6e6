import { and, asc, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { mraPrograms, partnerAeoCertifications } from './mutual-recognition.tables.ts';

export type MraProgramRow = typeof mraPrograms.$inferSelect;
export type NewMraProgramRow = typeof mraPrograms.$inferInsert;
export type PartnerCertificationRow = typeof partnerAeoCertifications.$inferSelect;
export type NewPartnerCertificationRow = typeof partnerAeoCertifications.$inferInsert;

/** Every program, by country name then program name (reference data: no tenant). */
export async function findMraPrograms(db: Db): Promise<MraProgramRow[]> {
  return db
    .select()
    .from(mraPrograms)
    .orderBy(asc(mraPrograms.countryName), asc(mraPrograms.programName), asc(mraPrograms.id));
}

export async function findMraProgram(
  db: Db,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<MraProgramRow | null> {
  const query = db.select().from(mraPrograms).where(eq(mraPrograms.id, id)).limit(1);
  const rows = options.forUpdate ? await query.for('update') : await query;
  return rows[0] ?? null;
}

/**
 * Serialises program writes, so two administrators cannot both pass the duplicate check for
 * the same country and program name (the unique index would refuse the second with a 500).
 */
export async function lockMraPrograms(tx: Db): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('registry:mra-programs'))`);
}

/** Another program with the same country and name (case-insensitive), if any. */
export async function findProgramNamed(
  db: Db,
  countryCode: string,
  programName: string,
  exceptId?: string,
): Promise<MraProgramRow | null> {
  const rows = await db
    .select()
    .from(mraPrograms)
    .where(
      and(
        eq(mraPrograms.countryCode, countryCode),
        sql`lower(${mraPrograms.programName}) = lower(${programName})`,
        exceptId ? ne(mraPrograms.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  return rows[0] ?? null;
}

export async function insertMraProgram(tx: Db, row: NewMraProgramRow): Promise<void> {
  await tx.insert(mraPrograms).values(row);
}

export async function updateMraProgram(
  tx: Db,
  id: string,
  changes: Partial<Omit<NewMraProgramRow, 'id' | 'createdAt'>>,
): Promise<void> {
  await tx.update(mraPrograms).set(changes).where(eq(mraPrograms.id, id));
}

/** Serialises one company's certification records (the duplicate check reads, then writes). */
export async function lockPartnerCertificationsOf(tx: Db, organisationId: string): Promise<void> {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtext(${`registry:partner-certifications:${organisationId}`}))`,
  );
}

/** A company's live certifications (not removed), by partner name (tenant scope). */
export async function findPartnerCertifications(
  db: Db,
  organisationId: string,
): Promise<PartnerCertificationRow[]> {
  return db
    .select()
    .from(partnerAeoCertifications)
    .where(
      and(
        eq(partnerAeoCertifications.organisationId, organisationId),
        isNull(partnerAeoCertifications.removedAt),
      ),
    )
    .orderBy(asc(partnerAeoCertifications.partnerName), asc(partnerAeoCertifications.id));
}

/** One live certification of the company, or null (another tenant's answers null too). */
export async function findPartnerCertification(
  db: Db,
  organisationId: string,
  id: string,
): Promise<PartnerCertificationRow | null> {
  const rows = await db
    .select()
    .from(partnerAeoCertifications)
    .where(
      and(
        eq(partnerAeoCertifications.id, id),
        eq(partnerAeoCertifications.organisationId, organisationId),
        isNull(partnerAeoCertifications.removedAt),
      ),
    )
    .limit(1)
    .for('update');
  return rows[0] ?? null;
}

/** Whether the company already has this certification number live under the program. */
export async function liveCertificationExists(
  db: Db,
  organisationId: string,
  mraProgramId: string,
  certificationNumber: string,
): Promise<boolean> {
  const rows = await db
    .select({ id: partnerAeoCertifications.id })
    .from(partnerAeoCertifications)
    .where(
      and(
        eq(partnerAeoCertifications.organisationId, organisationId),
        eq(partnerAeoCertifications.mraProgramId, mraProgramId),
        eq(partnerAeoCertifications.certificationNumber, certificationNumber),
        isNull(partnerAeoCertifications.removedAt),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

export async function insertPartnerCertification(
  tx: Db,
  row: NewPartnerCertificationRow,
): Promise<void> {
  await tx.insert(partnerAeoCertifications).values(row);
}

export async function markPartnerCertificationRemoved(
  tx: Db,
  id: string,
  removal: { removedByUserId: string | null; removedAt: Date },
): Promise<void> {
  await tx.update(partnerAeoCertifications).set(removal).where(eq(partnerAeoCertifications.id, id));
}
