import type { Db } from '../db/database.ts';
import {
  companyAddresses,
  companyContacts,
  companyProfiles,
} from '../modules/registry/company-profile.tables.ts';
import { DEMO_ACCOUNTS } from './demo-accounts.ts';
import { DEMO_COMPANY_PROFILES } from './demo-company-profiles.ts';
import { deterministicUuid } from './deterministic-id.ts';

/**
 * Gives the demo member companies with a demo officer their profile, headquarters and primary
 * contact (demo-company-profiles.ts), so a demo officer can submit an application at once. Idempotent like the
 * rest of the seed: rows that exist are left alone (deterministic ids, one headquarters and one
 * primary contact per company).
 */
export async function seedCompanyProfiles(tx: Db, now: Date): Promise<void> {
  for (const demo of DEMO_COMPANY_PROFILES) {
    const organisationId = deterministicUuid(demo.organisation);
    await tx
      .insert(companyProfiles)
      .values({
        organisationId,
        otherNames: [],
        yearEstablished: demo.yearEstablished,
        businessHistory: demo.businessHistory,
        website: demo.website,
        telephone: demo.telephone,
        employeeCount: demo.employeeCount,
        updatedAt: now,
      })
      .onConflictDoNothing();
    await tx
      .insert(companyAddresses)
      .values({
        id: deterministicUuid(`${demo.organisation}/address/headquarters`),
        organisationId,
        kind: 'headquarters',
        label: null,
        line2: null,
        ...demo.headquarters,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing();
    const contact = demo.primaryContact;
    const account = DEMO_ACCOUNTS.find((candidate) => candidate.key === contact.account);
    if (account) {
      await tx
        .insert(companyContacts)
        .values({
          id: deterministicUuid(`${demo.organisation}/contact/primary`),
          organisationId,
          role: 'primary',
          fullName: account.displayName,
          title: contact.title,
          email: account.email,
          telephone: contact.telephone,
          userId: deterministicUuid(account.key),
          createdAt: now,
          updatedAt: now,
        })
        .onConflictDoNothing();
    }
  }
}
