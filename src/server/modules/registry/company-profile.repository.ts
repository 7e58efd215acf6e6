import { and, asc, eq, ne, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import {
  ADDRESS_KINDS,
  type AddressKind,
  CONTACT_ROLES,
  type ContactRole,
} from '../../../domain/registry/profile/company-profile-vocabulary.ts';
import type { Db } from '../../db/database.ts';
import { companyAddresses, companyContacts, companyProfiles } from './company-profile.tables.ts';

/** Sorts by the position of the column's value in a vocabulary list. */
function vocabularyOrder(values: readonly string[], column: AnyPgColumn): SQL {
  return sql`array_position(array[${sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  )}]::text[], ${column})`;
}

export type CompanyProfileRow = typeof companyProfiles.$inferSelect;
export type CompanyAddressRow = typeof companyAddresses.$inferSelect;
export type CompanyContactRow = typeof companyContacts.$inferSelect;

/**
 * Serialises changes to one company's profile, so the "one headquarters" and "one primary
 * contact" checks (read, then write) cannot both pass for two concurrent requests.
 */
export async function lockCompanyProfile(tx: Db, organisationId: string): Promise<void> {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtext(${`registry:company-profile:${organisationId}`}))`,
  );
}

export async function findCompanyProfile(
  db: Db,
  organisationId: string,
): Promise<CompanyProfileRow | null> {
  const rows = await db
    .select()
    .from(companyProfiles)
    .where(eq(companyProfiles.organisationId, organisationId))
    .limit(1);
  return rows[0] ?? null;
}

export async function upsertCompanyProfile(
  tx: Db,
  row: typeof companyProfiles.$inferInsert,
): Promise<void> {
  const { organisationId: _key, ...changes } = row;
  await tx
    .insert(companyProfiles)
    .values(row)
    .onConflictDoUpdate({ target: companyProfiles.organisationId, set: changes });
}

export async function findCompanyAddresses(
  db: Db,
  organisationId: string,
): Promise<CompanyAddressRow[]> {
  // Headquarters first (the vocabulary's order), then by when they were added.
  return db
    .select()
    .from(companyAddresses)
    .where(eq(companyAddresses.organisationId, organisationId))
    .orderBy(
      vocabularyOrder(ADDRESS_KINDS, companyAddresses.kind),
      asc(companyAddresses.createdAt),
      asc(companyAddresses.id),
    );
}

/** One address of the company (tenant scope): another company's id finds nothing. */
export async function findCompanyAddress(
  db: Db,
  organisationId: string,
  addressId: string,
): Promise<CompanyAddressRow | null> {
  const rows = await db
    .select()
    .from(companyAddresses)
    .where(
      and(eq(companyAddresses.organisationId, organisationId), eq(companyAddresses.id, addressId)),
    )
    .limit(1);
  return rows[0] ?? null;
}

/** Whether the company has an address of `kind` other than `exceptId`. */
export async function hasAddressOfKind(
  db: Db,
  organisationId: string,
  kind: AddressKind,
  exceptId?: string,
): Promise<boolean> {
  const rows = await db
    .select({ id: companyAddresses.id })
    .from(companyAddresses)
    .where(
      and(
        eq(companyAddresses.organisationId, organisationId),
        eq(companyAddresses.kind, kind),
        exceptId ? ne(companyAddresses.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  return rows.length > 0;
}

export async function insertCompanyAddress(
  tx: Db,
  row: typeof companyAddresses.$inferInsert,
): Promise<CompanyAddressRow> {
  const [inserted] = await tx.insert(companyAddresses).values(row).returning();
  if (!inserted) {
    throw new Error('company_addresses insert returned no row');
  }
  return inserted;
}

export async function updateCompanyAddress(
  tx: Db,
  organisationId: string,
  addressId: string,
  changes: Partial<
    Omit<typeof companyAddresses.$inferInsert, 'id' | 'organisationId' | 'createdAt'>
  >,
): Promise<CompanyAddressRow | null> {
  const rows = await tx
    .update(companyAddresses)
    .set(changes)
    .where(
      and(eq(companyAddresses.organisationId, organisationId), eq(companyAddresses.id, addressId)),
    )
    .returning();
  return rows[0] ?? null;
}

export async function deleteCompanyAddress(
  tx: Db,
  organisationId: string,
  addressId: string,
): Promise<void> {
  await tx
    .delete(companyAddresses)
    .where(
      and(eq(companyAddresses.organisationId, organisationId), eq(companyAddresses.id, addressId)),
    );
}

export async function findCompanyContacts(
  db: Db,
  organisationId: string,
): Promise<CompanyContactRow[]> {
  return db
    .select()
    .from(companyContacts)
    .where(eq(companyContacts.organisationId, organisationId))
    .orderBy(
      vocabularyOrder(CONTACT_ROLES, companyContacts.role),
      asc(companyContacts.createdAt),
      asc(companyContacts.id),
    );
}

/** One contact of the company (tenant scope): another company's id finds nothing. */
export async function findCompanyContact(
  db: Db,
  organisationId: string,
  contactId: string,
): Promise<CompanyContactRow | null> {
  const rows = await db
    .select()
    .from(companyContacts)
    .where(
      and(eq(companyContacts.organisationId, organisationId), eq(companyContacts.id, contactId)),
    )
    .limit(1);
  return rows[0] ?? null;
}

/** Whether the company has a contact with `role` other than `exceptId`. */
export async function hasContactWithRole(
  db: Db,
  organisationId: string,
  role: ContactRole,
  exceptId?: string,
): Promise<boolean> {
  const rows = await db
    .select({ id: companyContacts.id })
    .from(companyContacts)
    .where(
      and(
        eq(companyContacts.organisationId, organisationId),
        eq(companyContacts.role, role),
        exceptId ? ne(companyContacts.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  return rows.length > 0;
}

export async function insertCompanyContact(
  tx: Db,
  row: typeof companyContacts.$inferInsert,
): Promise<CompanyContactRow> {
  const [inserted] = await tx.insert(companyContacts).values(row).returning();
  if (!inserted) {
    throw new Error('company_contacts insert returned no row');
  }
  return inserted;
}

export async function updateCompanyContact(
  tx: Db,
  organisationId: string,
  contactId: string,
  changes: Partial<
    Omit<typeof companyContacts.$inferInsert, 'id' | 'organisationId' | 'createdAt'>
  >,
): Promise<CompanyContactRow | null> {
  const rows = await tx
    .update(companyContacts)
    .set(changes)
    .where(
      and(eq(companyContacts.organisationId, organisationId), eq(companyContacts.id, contactId)),
    )
    .returning();
  return rows[0] ?? null;
}

export async function deleteCompanyContact(
  tx: Db,
  organisationId: string,
  contactId: string,
): Promise<void> {
  await tx
    .delete(companyContacts)
    .where(
      and(eq(companyContacts.organisationId, organisationId), eq(companyContacts.id, contactId)),
    );
}
