import { describe, expect, it } from 'vitest';
import { NewOrganisationSchema } from '../../domain/organisations/organisation.schema.ts';
import { DEMO_ORGANISATIONS } from './demo-organisations.ts';

describe('DEMO_ORGANISATIONS', () => {
  it('are all valid organisations', () => {
    for (const { key, ...organisation } of DEMO_ORGANISATIONS) {
      const parsed = NewOrganisationSchema.safeParse(organisation);
      expect(parsed.success, `${key}: ${parsed.error?.message}`).toBe(true);
    }
  });

  it('hold at least a dozen member companies across several entity types, and CBP offices', () => {
    const members = DEMO_ORGANISATIONS.filter((org) => org.kind === 'member_company');
    const types = new Set(members.flatMap((org) => org.entityTypes));
    expect(members.length).toBeGreaterThanOrEqual(12);
    expect(types.size).toBeGreaterThanOrEqual(10);
    expect(DEMO_ORGANISATIONS.some((org) => org.kind === 'cbp_office')).toBe(true);
  });

  it('have unique keys and names', () => {
    expect(new Set(DEMO_ORGANISATIONS.map((org) => org.key)).size).toBe(DEMO_ORGANISATIONS.length);
    expect(new Set(DEMO_ORGANISATIONS.map((org) => org.legalName)).size).toBe(
      DEMO_ORGANISATIONS.length,
    );
  });
});
