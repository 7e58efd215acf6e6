import type { Clock } from '../../src/domain/time/clock.ts';
import type { Db } from '../../src/server/db/database.ts';
import { findMembership } from '../../src/server/modules/registry/registry.repository.ts';
import { deterministicUuid } from '../../src/server/seed/deterministic-id.ts';
import { insertCertifiedMembership } from '../factories/certified-member.factory.ts';

/**
 * What the Security Profile editor journey (tests/e2e/security-profile.e2e.test.ts) needs: the
 * demo company Great Lakes Home Goods as a CTPAT importer, so its demo admin can start the
 * profile and its demo contributor answer a section. The demo registry (demo-registry.ts) makes
 * it a certified importer; this only fills in when the demo data has no membership for it.
 * No organisation and no account is added.
 */
export const SECURITY_PROFILE_E2E = {
  company: {
    id: deterministicUuid('member/great-lakes-home-goods'),
    legalName: 'Great Lakes Home Goods, Inc.',
  },
  admin: { email: 'admin@greatlakes.example.com', displayName: 'Marcus Bell' },
  contributor: { email: 'contributor@greatlakes.example.com', displayName: 'Priya Raman' },
} as const;

export async function seedSecurityProfileE2eFixtures(db: Db, clock: Clock): Promise<void> {
  const { company } = SECURITY_PROFILE_E2E;
  if (!(await findMembership(db, company.id))) {
    await insertCertifiedMembership(db, company.id, { at: clock.now(), entityTypes: ['importer'] });
  }
}
