import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditActionsOn } from '../../../../tests/factories/audit.factory.ts';
import { createOrganisation } from '../../../../tests/factories/organisation.factory.ts';
import {
  createUser,
  type SignedIn,
  signInWithMfaSettled,
} from '../../../../tests/factories/user.factory.ts';
import { apiCaller, errorCode, issuePaths } from '../../../../tests/setup/api-caller.ts';
import { buildTestApp, TEST_NOW, type TestApp } from '../../../../tests/setup/test-app.ts';
import { TradeComplianceViewSchema } from '../../../domain/registry/trade-compliance/trade-compliance.schema.ts';
import { insertMembership } from './registry.repository.ts';
import { tradeComplianceSnapshot } from './trade-compliance.service.ts';

let testApp: TestApp;
const call = apiCaller({
  get app() {
    return testApp.app;
  },
});
let manager: SignedIn;
let specialist: SignedIn;

beforeAll(async () => {
  testApp = await buildTestApp();
  const db = testApp.database.db;
  const office = await createOrganisation(db, { kind: 'cbp_office', entityTypes: [] });
  manager = await signInWithMfaSettled(
    testApp.app,
    db,
    await createUser(db, { role: 'program_manager', organisation: office }),
  );
  specialist = await signInWithMfaSettled(
    testApp.app,
    db,
    await createUser(db, { role: 'scss', organisation: office }),
  );
});

afterAll(async () => {
  await testApp.close();
});

/** A certified member company (a row in partner_memberships). */
async function member(): Promise<string> {
  const db = testApp.database.db;
  const company = await createOrganisation(db);
  await insertMembership(db, {
    organisationId: company.id,
    status: 'certified',
    statusSince: '2025-03-01',
    tier: 'I',
    certifiedOn: '2025-03-01',
    createdAt: TEST_NOW,
    updatedAt: TEST_NOW,
  });
  return company.id;
}

function url(organisationId: string): string {
  return `/api/v1/registry/members/${organisationId}/trade-compliance`;
}

describe('Trade Compliance status set by CBP program managers', () => {
  it('writes the status, its history and an audit event; the snapshot follows', async () => {
    const organisationId = await member();
    expect(await tradeComplianceSnapshot(testApp.database.db, organisationId)).toEqual({
      organisationId,
      status: null,
      since: null,
      active: false,
      statusSetAt: null,
    });
    const empty = await call('GET', url(organisationId), specialist);
    expect(TradeComplianceViewSchema.parse(empty.json())).toMatchObject({
      current: null,
      history: [],
    });

    const set = await call('PUT', url(organisationId), manager, {
      status: 'active',
      since: '2026-10-01',
      reason: 'Trade Compliance application approved',
    });
    expect(set.statusCode).toBe(200);
    expect(TradeComplianceViewSchema.parse(set.json()).current).toMatchObject({
      status: 'active',
      since: '2026-10-01',
    });
    expect(await tradeComplianceSnapshot(testApp.database.db, organisationId)).toMatchObject({
      status: 'active',
      since: '2026-10-01',
      active: true,
      statusSetAt: TEST_NOW.toISOString(),
    });

    const suspended = await call('PUT', url(organisationId), manager, {
      status: 'suspended',
      since: '2026-11-29',
      reason: 'Suspended pending review of a penalty',
    });
    const view = TradeComplianceViewSchema.parse(suspended.json());
    expect(view.history.map((entry) => [entry.seq, entry.status, entry.reason])).toEqual([
      [2, 'suspended', 'Suspended pending review of a penalty'],
      [1, 'active', 'Trade Compliance application approved'],
    ]);
    expect((await tradeComplianceSnapshot(testApp.database.db, organisationId)).active).toBe(false);
    expect(await auditActionsOn(testApp.database.db, organisationId)).toEqual([
      'trade_compliance.status_set',
      'trade_compliance.status_set',
    ]);

    // Specialists read it (registry:read:any) but do not set it.
    const read = await call('GET', url(organisationId), specialist);
    expect(TradeComplianceViewSchema.parse(read.json()).history).toHaveLength(2);
    const notAllowed = await call('PUT', url(organisationId), specialist, {
      status: 'active',
      since: '2026-11-29',
      reason: 'x',
    });
    expect(notAllowed.statusCode).toBe(403);
  });

  it('refuses a date in the future or a missing reason by field, writing nothing', async () => {
    const organisationId = await member();
    const future = await call('PUT', url(organisationId), manager, {
      status: 'active',
      since: '2026-11-30',
      reason: 'Approved',
    });
    expect(future.statusCode).toBe(400);
    expect(issuePaths(future)).toEqual(['body.since']);
    const noReason = await call('PUT', url(organisationId), manager, {
      status: 'active',
      since: '2026-11-01',
      reason: '  ',
    });
    expect(issuePaths(noReason)).toEqual(['body.reason']);
    const unknownStatus = await call('PUT', url(organisationId), manager, {
      status: 'gold',
      since: '2026-11-01',
      reason: 'x',
    });
    expect(issuePaths(unknownStatus)).toEqual(['body.status']);
    const view = TradeComplianceViewSchema.parse(
      (await call('GET', url(organisationId), manager)).json(),
    );
    expect(view).toMatchObject({ current: null, history: [] });
    expect(await auditActionsOn(testApp.database.db, organisationId)).toEqual([]);
  });

  it('answers 404 for a company without a CTPAT membership', async () => {
    const company = await createOrganisation(testApp.database.db);
    const put = await call('PUT', url(company.id), manager, {
      status: 'active',
      since: '2026-11-01',
      reason: 'Approved',
    });
    expect(put.statusCode).toBe(404);
    expect(errorCode(put)).toBe('NOT_FOUND');
    expect((await call('GET', url(company.id), manager)).statusCode).toBe(404);
  });
});
