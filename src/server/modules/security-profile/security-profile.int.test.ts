import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { auditActionsOn } from '../../../../tests/factories/audit.factory.ts';
import { insertCertifiedMembership } from '../../../../tests/factories/certified-member.factory.ts';
import { createOrganisation } from '../../../../tests/factories/organisation.factory.ts';
import { emailsTo } from '../../../../tests/factories/outbox.factory.ts';
import {
  createUser,
  type SignedIn,
  signIn,
  signInWithMfaSettled,
  type TestUser,
} from '../../../../tests/factories/user.factory.ts';
import { apiCaller, errorCode, issuePaths } from '../../../../tests/setup/api-caller.ts';
import { mutableClock } from '../../../../tests/setup/mutable-clock.ts';
import { RowsSchema } from '../../../../tests/setup/sql-rows.ts';
import { TEST_NOW } from '../../../../tests/setup/test-app.ts';
import { setUpTestApp } from '../../../../tests/setup/test-app-hooks.ts';
import { applicableCriteria } from '../../../domain/criteria/applicability.ts';
import { CatalogVersionSchema } from '../../../domain/criteria/catalog-api.schema.ts';
import type { EntityType } from '../../../domain/organisations/entity-types.ts';
import {
  ProfileCommentListSchema,
  SavedAnswerSchema,
  type SecurityProfileView,
  SecurityProfileViewSchema,
} from '../../../domain/security-profile/security-profile.schema.ts';
import { verifyAuditTrail } from '../audit/audit.service.ts';

const clock = mutableClock(TEST_NOW);
const testApp = setUpTestApp({ clock });
const call = apiCaller(testApp);

const ENTITY_TYPES: readonly EntityType[] = ['importer', 'highway_carrier_us_mexico'];

let specialist: SignedIn;
let manager: SignedIn;

beforeAll(async () => {
  const db = testApp.database.db;
  const office = await createOrganisation(db, { kind: 'cbp_office', entityTypes: [] });
  specialist = await signInWithMfaSettled(
    testApp.app,
    db,
    await createUser(db, { role: 'scss', organisation: office }),
  );
  manager = await signInWithMfaSettled(
    testApp.app,
    db,
    await createUser(db, { role: 'program_manager', organisation: office }),
  );
});

interface Company {
  id: string;
  officer: SignedIn;
  admin: SignedIn;
  contributor: SignedIn;
  contributorUser: TestUser;
  consultant: SignedIn;
}

/** A member company (importer and US–Mexico highway carrier unless told) with its people. */
async function newCompany(entityTypes: readonly EntityType[] = ENTITY_TYPES): Promise<Company> {
  const db = testApp.database.db;
  const company = await createOrganisation(db);
  if (entityTypes.length > 0) {
    await insertCertifiedMembership(db, company.id, { at: TEST_NOW, entityTypes });
  }
  const officerUser = await createUser(db, { role: 'company_officer', organisation: company });
  const adminUser = await createUser(db, { role: 'company_admin', organisation: company });
  const contributorUser = await createUser(db, { role: 'contributor', organisation: company });
  const consultantUser = await createUser(db, { role: 'consultant', organisation: company });
  return {
    id: company.id,
    officer: await signInWithMfaSettled(testApp.app, db, officerUser),
    admin: await signIn(testApp.app, adminUser),
    contributor: await signIn(testApp.app, contributorUser),
    contributorUser,
    consultant: await signIn(testApp.app, consultantUser),
  };
}

async function currentCatalog(session: SignedIn) {
  return CatalogVersionSchema.parse(
    (await call('GET', '/api/v1/criteria/catalog', session)).json(),
  );
}

async function startProfile(company: Company): Promise<SecurityProfileView> {
  const started = await call('POST', '/api/v1/profile', company.admin, {});
  expect(started.statusCode).toBe(201);
  return SecurityProfileViewSchema.parse(started.json());
}

async function readProfile(session: SignedIn): Promise<SecurityProfileView> {
  const response = await call('GET', '/api/v1/profile', session);
  expect(response.statusCode).toBe(200);
  return SecurityProfileViewSchema.parse(response.json());
}

function criteriaOf(view: SecurityProfileView) {
  return view.sections.flatMap((section) => section.criteria);
}

function save(
  session: SignedIn,
  criterionId: string,
  body: {
    status?: string | null;
    narrative?: string;
    responsibleUserId?: string | null;
    expectedUpdatedAt?: string | null;
  },
) {
  return call('PUT', `/api/v1/profile/answers/${criterionId}`, session, {
    status: null,
    narrative: '',
    responsibleUserId: null,
    expectedUpdatedAt: null,
    ...body,
  });
}

describe('starting the Security Profile', () => {
  it('starts once, against the current catalog, for the union of the entity types', async () => {
    const company = await newCompany();
    const before = await call('GET', '/api/v1/profile', company.officer);
    expect(before.statusCode).toBe(404);

    const view = await startProfile(company);
    const catalog = await currentCatalog(company.officer);
    expect(view).toMatchObject({
      status: 'draft',
      cycle: 'initial',
      editable: true,
      catalogVersionId: catalog.id,
      catalogVersion: catalog.version,
      catalogUpdate: null,
    });
    expect(view.entityTypes.toSorted()).toEqual([...ENTITY_TYPES].sort());
    expect(view.sections.map((section) => section.category)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12,
    ]);

    // Applicability is the union over the entity types, each at its strictest designation.
    const expected = applicableCriteria(catalog.criteria, ENTITY_TYPES);
    const shown = criteriaOf(view);
    expect(shown.map((criterion) => [criterion.id, criterion.designation])).toEqual(
      expected.map((entry) => [entry.criterion.id, entry.designation]),
    );
    const importerOnly = new Set(
      applicableCriteria(catalog.criteria, ['importer']).map((entry) => entry.criterion.id),
    );
    const carrierOnly = applicableCriteria(catalog.criteria, ['highway_carrier_us_mexico']).filter(
      (entry) => !importerOnly.has(entry.criterion.id),
    );
    expect(carrierOnly.length).toBeGreaterThan(0);
    for (const entry of carrierOnly) {
      expect(shown.map((criterion) => criterion.id)).toContain(entry.criterion.id);
    }
    expect(view.readiness).toEqual({
      answered: 0,
      applicable: expected.length,
      mustsMet: 0,
      mustsApplicable: expected.filter((entry) => entry.designation === 'must').length,
      shouldsMet: 0,
      shouldsApplicable: expected.filter((entry) => entry.designation === 'should').length,
    });
    expect(view.people).toHaveLength(4);

    const again = await call('POST', '/api/v1/profile', company.officer, {});
    expect(again.statusCode).toBe(409);
    expect(await auditActionsOn(testApp.database.db, view.id)).toEqual([
      'security_profile.created',
    ]);
  });

  it('needs the entity types of a CTPAT application first', async () => {
    const company = await newCompany([]);
    const response = await call('POST', '/api/v1/profile', company.admin, {});
    expect(response.statusCode).toBe(409);
    expect(errorCode(response)).toBe('CONFLICT');
  });
});

describe('answering criteria', () => {
  it('autosaves, and refuses a stale save with the other person’s answer', async () => {
    const company = await newCompany();
    const view = await startProfile(company);
    const [first] = criteriaOf(view);
    if (!first) throw new Error('no applicable criterion');

    const saved = await save(company.admin, first.id, {
      status: 'partially_implemented',
      narrative: 'Draft policy',
    });
    expect(saved.statusCode).toBe(200);
    const firstSave = SavedAnswerSchema.parse(saved.json()).answer;

    // The officer read the same answer and saves on top of it.
    const officerSave = await save(company.officer, first.id, {
      status: 'implemented',
      narrative: 'Written policy signed by the CEO',
      expectedUpdatedAt: firstSave.updatedAt,
    });
    expect(officerSave.statusCode).toBe(200);
    const second = SavedAnswerSchema.parse(officerSave.json()).answer;
    // Same clock instant, yet a new version stamp.
    expect(second.updatedAt > firstSave.updatedAt).toBe(true);

    // The administrator still holds the first version: refused, and told what is there now.
    const stale = await save(company.admin, first.id, {
      status: 'not_implemented',
      narrative: 'Overwrite attempt',
      expectedUpdatedAt: firstSave.updatedAt,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details).toMatchObject({
      path: 'body.expectedUpdatedAt',
      current: { narrative: 'Written policy signed by the CEO', status: 'implemented' },
    });
    // A "new answer" when one exists is stale too.
    const blind = await save(company.admin, first.id, { narrative: 'x' });
    expect(blind.statusCode).toBe(409);

    const after = await readProfile(company.contributor);
    const shown = criteriaOf(after).find((criterion) => criterion.id === first.id);
    expect(shown?.answer).toMatchObject({
      status: 'implemented',
      narrative: 'Written policy signed by the CEO',
      toReconfirm: false,
    });
    expect(shown?.met).toBe(true);
    expect(after.readiness.answered).toBe(1);
    const section = after.sections.find(
      (candidate) => candidate.category === first.id.split('.').map(Number)[0],
    );
    expect(section?.readiness.answered).toBe(1);
    expect(
      (await auditActionsOn(testApp.database.db, view.id)).filter(
        (action) => action === 'security_profile.answer_saved',
      ),
    ).toHaveLength(2);
  });

  it('needs a justification for not applicable, and nothing is saved without one', async () => {
    const company = await newCompany();
    const view = await startProfile(company);
    const [first] = criteriaOf(view);
    if (!first) throw new Error('no applicable criterion');
    const refused = await save(company.admin, first.id, {
      status: 'not_applicable',
      narrative: '   ',
    });
    expect(refused.statusCode).toBe(400);
    expect(issuePaths(refused)).toEqual(['body.narrative']);
    expect(criteriaOf(await readProfile(company.admin))[0]?.answer).toBeNull();

    const justified = await save(company.admin, first.id, {
      status: 'not_applicable',
      narrative: 'The company never takes custody of cargo.',
    });
    expect(justified.statusCode).toBe(200);
    const shown = criteriaOf(await readProfile(company.admin))[0];
    expect(shown?.met).toBe(true);
  });

  it('refuses a criterion that does not apply, a bad id and a stranger as responsible', async () => {
    const company = await newCompany();
    const view = await startProfile(company);
    const catalog = await currentCatalog(company.admin);
    const applicable = new Set(criteriaOf(view).map((criterion) => criterion.id));
    const other = catalog.criteria.find((criterion) => !applicable.has(criterion.id));
    if (!other) throw new Error('every criterion applies: the test needs one that does not');

    const notApplicable = await save(company.admin, other.id, { status: 'implemented' });
    expect(notApplicable.statusCode).toBe(400);
    expect(issuePaths(notApplicable)).toEqual(['params.criterionId']);

    const badId = await save(company.admin, 'not-an-id', { status: 'implemented' });
    expect(badId.statusCode).toBe(400);

    const [first] = criteriaOf(view);
    if (!first) throw new Error('no applicable criterion');
    const stranger = await createUser(testApp.database.db, { role: 'company_admin' });
    const responsible = await save(company.admin, first.id, {
      status: 'implemented',
      responsibleUserId: stranger.id,
    });
    expect(responsible.statusCode).toBe(400);
    expect(issuePaths(responsible)).toEqual(['body.responsibleUserId']);

    const own = await save(company.admin, first.id, {
      status: 'implemented',
      narrative: 'Done',
      responsibleUserId: company.contributorUser.id,
    });
    expect(own.statusCode).toBe(200);
    expect(SavedAnswerSchema.parse(own.json()).answer.responsibleUserId).toBe(
      company.contributorUser.id,
    );
  });

  it('refuses answers once the profile is submitted', async () => {
    const company = await newCompany();
    const view = await startProfile(company);
    await testApp.database.db.execute(
      sql`update security_profiles set status = 'submitted' where id = ${view.id}`,
    );
    const [first] = criteriaOf(view);
    if (!first) throw new Error('no applicable criterion');
    const response = await save(company.admin, first.id, { status: 'implemented' });
    expect(response.statusCode).toBe(409);
    expect((await readProfile(company.admin)).editable).toBe(false);
  });
});

describe('sections assigned to contributors', () => {
  it('lets a contributor answer only an assigned section, and tells the assignee', async () => {
    const company = await newCompany();
    const view = await startProfile(company);
    const criteria = criteriaOf(view);
    const first = criteria[0];
    const elsewhere = criteria.find(
      (criterion) => criterion.id.split('.')[0] !== first?.id.split('.')[0],
    );
    if (!first || !elsewhere) throw new Error('the test needs criteria in two categories');
    const category = Number(first.id.split('.')[0]);

    const before = await save(company.contributor, first.id, { status: 'implemented' });
    expect(before.statusCode).toBe(403);

    // Only holders of profile:assign assign sections.
    const byContributor = await call(
      'PUT',
      `/api/v1/profile/assignments/${category}`,
      company.contributor,
      { userId: company.contributorUser.id },
    );
    expect(byContributor.statusCode).toBe(403);

    const stranger = await createUser(testApp.database.db, { role: 'contributor' });
    const toStranger = await call('PUT', `/api/v1/profile/assignments/${category}`, company.admin, {
      userId: stranger.id,
    });
    expect(toStranger.statusCode).toBe(400);
    expect(issuePaths(toStranger)).toEqual(['body.userId']);

    const badCategory = await call('PUT', '/api/v1/profile/assignments/13', company.admin, {
      userId: company.contributorUser.id,
    });
    expect(badCategory.statusCode).toBe(400);

    const assigned = await call('PUT', `/api/v1/profile/assignments/${category}`, company.admin, {
      userId: company.contributorUser.id,
    });
    expect(assigned.statusCode).toBe(200);
    expect(assigned.json()).toEqual({ category, assigneeUserId: company.contributorUser.id });

    const inside = await save(company.contributor, first.id, {
      status: 'implemented',
      narrative: 'Answered by the contributor',
    });
    expect(inside.statusCode).toBe(200);
    const outside = await save(company.contributor, elsewhere.id, { status: 'implemented' });
    expect(outside.statusCode).toBe(403);
    // The consultant has the same rights as the contributor, and no section.
    const consultant = await save(company.consultant, elsewhere.id, { status: 'implemented' });
    expect(consultant.statusCode).toBe(403);

    const shown = await readProfile(company.contributor);
    expect(shown.sections.find((section) => section.category === category)?.assigneeUserId).toBe(
      company.contributorUser.id,
    );

    const inbox = await call('GET', '/api/v1/notifications', company.contributor);
    expect(inbox.json().items).toContainEqual(
      expect.objectContaining({
        kind: 'profile_section_assigned',
        link: `/profile?section=${category}`,
        params: expect.objectContaining({ category: String(category) }),
      }),
    );
    const emails = await emailsTo(
      testApp.database.db,
      company.contributorUser.email,
      `Security Profile section ${category} assigned to you`,
    );
    expect(emails).toHaveLength(1);

    // Unassigned: the contributor can no longer answer there.
    const unassigned = await call('PUT', `/api/v1/profile/assignments/${category}`, company.admin, {
      userId: null,
    });
    expect(unassigned.statusCode).toBe(200);
    const afterUnassign = await save(company.contributor, first.id, {
      status: 'not_implemented',
      expectedUpdatedAt: SavedAnswerSchema.parse(inside.json()).answer.updatedAt,
    });
    expect(afterUnassign.statusCode).toBe(403);
    expect(await auditActionsOn(testApp.database.db, view.id)).toEqual([
      'security_profile.created',
      'security_profile.section_assigned',
      'security_profile.answer_saved',
      'security_profile.section_unassigned',
    ]);
  });
});

describe('comments', () => {
  it('keeps the company’s discussion per criterion, oldest first', async () => {
    const company = await newCompany();
    const view = await startProfile(company);
    const [first] = criteriaOf(view);
    if (!first) throw new Error('no applicable criterion');
    const url = `/api/v1/profile/comments/${first.id}`;

    const empty = await call('POST', url, company.contributor, { body: '  ' });
    expect(empty.statusCode).toBe(400);
    expect(issuePaths(empty)).toEqual(['body.body']);

    expect(
      (await call('POST', url, company.contributor, { body: 'Where is the policy?' })).statusCode,
    ).toBe(201);
    clock.advance(60_000);
    expect(
      (await call('POST', url, company.admin, { body: 'In the shared drive.' })).statusCode,
    ).toBe(201);

    const listed = ProfileCommentListSchema.parse((await call('GET', url, company.officer)).json());
    expect(listed.items.map((comment) => comment.body)).toEqual([
      'Where is the policy?',
      'In the shared drive.',
    ]);
    expect(listed.items[0]?.authorName).toContain('contributor');

    // Another company has no such profile: 404, not the discussion.
    const other = await newCompany();
    const foreign = await call('GET', url, other.admin);
    expect(foreign.statusCode).toBe(404);
    expect(
      (await auditActionsOn(testApp.database.db, view.id)).filter(
        (action) => action === 'security_profile.comment_added',
      ),
    ).toHaveLength(2);
  });
});

describe('CBP reads a member’s profile', () => {
  it('reads it by organisation; a company without a profile is not found', async () => {
    const company = await newCompany();
    const view = await startProfile(company);
    const read = await call(
      'GET',
      `/api/v1/registry/members/${company.id}/security-profile`,
      specialist,
    );
    expect(read.statusCode).toBe(200);
    expect(SecurityProfileViewSchema.parse(read.json()).id).toBe(view.id);

    const nonMember = await createOrganisation(testApp.database.db);
    const missing = await call(
      'GET',
      `/api/v1/registry/members/${nonMember.id}/security-profile`,
      specialist,
    );
    expect(missing.statusCode).toBe(404);
    expect(errorCode(missing)).toBe('NOT_FOUND');

    // A member company reads only its own, through /profile.
    const other = await newCompany();
    const byMember = await call(
      'GET',
      `/api/v1/registry/members/${company.id}/security-profile`,
      other.officer,
    );
    expect(byMember.statusCode).toBe(403);
  });
});

describe('a new catalog version', () => {
  it('shows what is new, removed and changed, and moves the profile to it', async () => {
    const db = testApp.database.db;
    const company = await newCompany();
    const view = await startProfile(company);
    const criteria = criteriaOf(view);
    const [removedOne, changedOne, keptOne] = criteria;
    if (!removedOne || !changedOne || !keptOne) throw new Error('the test needs three criteria');
    const answered: Record<string, string> = {};
    for (const criterion of [removedOne, changedOne, keptOne]) {
      const response = await save(company.admin, criterion.id, {
        status: 'implemented',
        narrative: `Answer to ${criterion.id}`,
      });
      expect(response.statusCode).toBe(200);
      answered[criterion.id] = SavedAnswerSchema.parse(response.json()).answer.updatedAt;
    }

    // The program manager publishes a version without one criterion, with a new importer
    // criterion, and with another criterion's text reworded.
    const catalog = await currentCatalog(manager);
    const category = Number(removedOne.id.split('.')[0]);
    const taken = new Set(catalog.criteria.map((criterion) => criterion.id));
    let number = 90;
    while (taken.has(`${category}.${number}`)) number += 1;
    const newId = `${category}.${number}`;
    const nextCriteria = [
      ...catalog.criteria
        .filter((criterion) => criterion.id !== removedOne.id)
        .map((criterion) =>
          criterion.id === changedOne.id
            ? { ...criterion, text: `${criterion.text} (reworded)` }
            : criterion,
        ),
      {
        id: newId,
        category,
        designation: 'must' as const,
        designationByEntityType: {},
        text: 'A new requirement for importers',
        guidance: null,
        applicability: { importer: 'confirmed' as const },
        verification: 'cbp-doc' as const,
        sources: [],
        notes: null,
      },
    ];
    const version = `profile-test-${randomUUID().slice(0, 8)}`;
    const imported = await call('POST', '/api/v1/criteria/catalog/versions', manager, {
      format: 'json',
      content: JSON.stringify({ version, description: 'test', criteria: nextCriteria }),
    });
    expect(imported.statusCode).toBe(201);
    const published = await call(
      'POST',
      `/api/v1/criteria/catalog/versions/${imported.json().to.id}/publish`,
      manager,
      {},
    );
    expect(published.statusCode).toBe(200);

    const pending = await readProfile(company.contributor);
    expect(pending.catalogVersion).toBe(catalog.version);
    expect(pending.catalogUpdate).toMatchObject({
      available: true,
      version,
      added: [expect.objectContaining({ id: newId })],
      removed: [expect.objectContaining({ id: removedOne.id, answered: true })],
      changed: [expect.objectContaining({ id: changedOne.id, textChanged: true })],
    });

    const moved = await call('POST', '/api/v1/profile/catalog-update', company.admin, {});
    expect(moved.statusCode).toBe(200);
    const after = SecurityProfileViewSchema.parse(moved.json());
    expect(after).toMatchObject({ catalogVersion: version, catalogUpdate: null });
    const byId = new Map(criteriaOf(after).map((criterion) => [criterion.id, criterion]));
    expect(byId.has(removedOne.id)).toBe(false);
    expect(byId.get(newId)?.answer).toBeNull();
    expect(byId.get(changedOne.id)?.answer).toMatchObject({
      toReconfirm: true,
      narrative: `Answer to ${changedOne.id}`,
    });
    expect(byId.get(changedOne.id)?.met).toBe(false);
    expect(byId.get(keptOne.id)?.answer?.toReconfirm).toBe(false);
    expect(after.readiness.answered).toBe(1);

    // The dropped answer is kept in the audit trail.
    const events = await db.execute(
      sql`select before::text as before from audit_events
          where target_id = ${view.id} and action = 'security_profile.catalog_updated'`,
    );
    const [event] = RowsSchema(z.object({ before: z.string() })).parse(events).rows;
    expect(event?.before).toContain(`Answer to ${removedOne.id}`);

    // Re-confirming is saving again.
    const reconfirmed = await save(company.admin, changedOne.id, {
      status: 'implemented',
      narrative: `Answer to ${changedOne.id}, checked against the new text`,
      expectedUpdatedAt: answered[changedOne.id] ?? null,
    });
    expect(reconfirmed.statusCode).toBe(200);
    expect(SavedAnswerSchema.parse(reconfirmed.json()).answer.toReconfirm).toBe(false);

    const again = await call('POST', '/api/v1/profile/catalog-update', company.admin, {});
    expect(again.statusCode).toBe(409);
    expect(await verifyAuditTrail(db)).toMatchObject({ ok: true });
  });
});
