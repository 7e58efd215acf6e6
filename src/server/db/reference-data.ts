import { sql } from 'drizzle-orm';
import { MRA_PROGRAMS } from '../../domain/registry/mutual-recognition/mra-programs.ts';
import { ensureSeedCatalog } from '../modules/criteria/criteria.service.ts';
import { mraPrograms } from '../modules/registry/mutual-recognition.tables.ts';
import type { Db } from './database.ts';

export interface ReferenceDataResult {
  /** MRA partner programs added by this run (0 when every one was already there). */
  mraProgramsAdded: number;
  /** True when this run stored and published the seed criteria catalog (first start only). */
  criteriaCatalogSeeded: boolean;
}

/**
 * Reference data the schema is not complete without, in every database (production, tests,
 * demo): the MRA partner programs (src/domain/registry/mutual-recognition/mra-programs.ts).
 * Applied by migrateDatabase after the migrations, so start-up, `ctpat db migrate` and every
 * test database get it the same way; demo seeding is a separate, optional step.
 *
 * Idempotent and additive: a program already present (by id, or by country and program name)
 * is left as it is, so an administrator's edits and deactivations survive every start-up. A
 * program added to the seed list later appears at the next start. Nothing is ever deleted.
 */
export async function applyReferenceData(db: Db): Promise<ReferenceDataResult> {
  const added = await db
    .insert(mraPrograms)
    .values(
      MRA_PROGRAMS.map((program) => ({
        id: program.id,
        countryCode: program.countryCode,
        countryName: program.countryName,
        programName: program.programName,
        signedMonth: program.signedMonth,
        signedOn: program.signedOn,
        sources: [...program.sources],
        provisional: program.provisional,
        note: program.note,
        active: true,
        createdAt: sql`now()`,
        updatedAt: sql`now()`,
        updatedByUserId: null,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: mraPrograms.id });
  // The criteria catalog every Security Profile answers against (issue 5): the 2019 MSC seed,
  // published once on an empty database; later versions are a program manager's imports.
  const criteriaCatalogSeeded = await ensureSeedCatalog(db, new Date());
  return { mraProgramsAdded: added.length, criteriaCatalogSeeded };
}
