import { describe, expect, it } from 'vitest';
import { CompanyAddressBodySchema } from '../../domain/registry/profile/company-profile.schema.ts';
import { DEMO_ACCOUNTS } from './demo-accounts.ts';
import { DEMO_COMPANY_PROFILES } from './demo-company-profiles.ts';
import { DEMO_ORGANISATIONS } from './demo-organisations.ts';

describe('DEMO_COMPANY_PROFILES', () => {
  it('gives each demo member company with a demo officer one profile, and no other', () => {
    const withOfficer = DEMO_ORGANISATIONS.filter(
      (org) =>
        org.kind === 'member_company' &&
        DEMO_ACCOUNTS.some((account) =>
          account.memberships.some(
            (membership) =>
              membership.organisation === org.key && membership.role === 'company_officer',
          ),
        ),
    );
    expect(DEMO_COMPANY_PROFILES.map((profile) => profile.organisation).sort()).toEqual(
      withOfficer.map((org) => org.key).sort(),
    );
  });

  it('has headquarters the API would accept, in the company’s own country', () => {
    for (const profile of DEMO_COMPANY_PROFILES) {
      const parsed = CompanyAddressBodySchema.safeParse({
        kind: 'headquarters',
        ...profile.headquarters,
      });
      expect(parsed.success).toBe(true);
      const organisation = DEMO_ORGANISATIONS.find((org) => org.key === profile.organisation);
      expect(profile.headquarters.countryCode).toBe(organisation?.countryCode);
    }
  });

  it('makes a company officer of that company its primary contact', () => {
    for (const profile of DEMO_COMPANY_PROFILES) {
      const account = DEMO_ACCOUNTS.find((one) => one.key === profile.primaryContact.account);
      expect(account?.memberships).toContainEqual({
        organisation: profile.organisation,
        role: 'company_officer',
      });
    }
  });
});
