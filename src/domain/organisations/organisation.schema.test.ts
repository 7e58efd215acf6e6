import { describe, expect, it } from 'vitest';
import { NewOrganisationSchema, OrganisationListQuerySchema } from './organisation.schema.ts';

const member = {
  kind: 'member_company',
  legalName: 'Example Imports LLC',
  tradeName: null,
  countryCode: 'US',
  city: 'Baltimore',
  entityTypes: ['importer'],
} as const;

describe('NewOrganisationSchema', () => {
  it('accepts a member company with an entity type', () => {
    expect(NewOrganisationSchema.safeParse(member).success).toBe(true);
  });

  it('requires a member company to hold an entity type, naming the field', () => {
    const result = NewOrganisationSchema.safeParse({ ...member, entityTypes: [] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['entityTypes']);
  });

  it('refuses entity types on a CBP office', () => {
    const result = NewOrganisationSchema.safeParse({ ...member, kind: 'cbp_office' });
    expect(result.error?.issues[0]?.message).toBe('a CBP office holds no CTPAT entity types');
  });

  it('refuses an unknown entity type and a lower-case country code', () => {
    const result = NewOrganisationSchema.safeParse({
      ...member,
      countryCode: 'us',
      entityTypes: ['smuggler'],
    });
    const paths = result.error?.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['countryCode', 'entityTypes.0']));
  });
});

describe('OrganisationListQuerySchema', () => {
  it('defaults the page size and coerces numbers from the query string', () => {
    expect(OrganisationListQuerySchema.parse({}).limit).toBe(25);
    expect(OrganisationListQuerySchema.parse({ limit: '10' }).limit).toBe(10);
  });

  it('caps the page size at 100', () => {
    expect(OrganisationListQuerySchema.safeParse({ limit: '101' }).success).toBe(false);
  });
});
