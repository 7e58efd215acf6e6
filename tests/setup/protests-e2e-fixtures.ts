import type { FastifyInstance } from 'fastify';
import { entryNumberCheckDigit } from '../../src/domain/registry/identifiers/cbp-entry-number.ts';
import type { Clock } from '../../src/domain/time/clock.ts';
import type { Db } from '../../src/server/db/database.ts';
import { memberships, users } from '../../src/server/modules/identity/accounts.tables.ts';
import { totpAuthenticators } from '../../src/server/modules/identity/mfa.tables.ts';
import { hashPassword } from '../../src/server/security/passwords.ts';
import { encryptSecret, type Keys } from '../../src/server/security/secret-key.ts';
import { DEMO_PASSWORD } from '../../src/server/seed/demo-accounts.ts';
import { deterministicUuid } from '../../src/server/seed/deterministic-id.ts';
import { signIn } from '../factories/user.factory.ts';
import { apiCaller } from './api-caller.ts';

/**
 * What the protests journey (tests/e2e/protests.e2e.test.ts) needs on top of the demo data, on
 * its own server and database: a protest reviewer of CBP headquarters (with its own
 * authenticator secret, so its codes are its own), and an older open protest from a protestant
 * that is not a Trade Compliance member, filed in May and recorded by Great Lakes Home Goods'
 * admin through the API (POST /protests/recorded), as a protest filed elsewhere is. Harborview
 * Apparel Group, the demo member with active Trade Compliance status, files the journey's own.
 */
export const PROTESTS_E2E_TOTP_SECRET = 'KRUGKIDROVUWG2ZAMJZG653OEBTG66BA';

const HEADQUARTERS = 'cbp/ctpat-headquarters';

export const PROTESTS_E2E = {
  reviewer: {
    id: deterministicUuid('e2e/protests/reviewer'),
    email: 'protests.reviewer@cbp.example.gov',
    displayName: 'Imani Castellanos (Protest reviewer)',
  },
  /** The older protest: filed in May, from an importer that is no CTPAT member at all. */
  older: {
    protestNumber: '2704-2026-000417',
    protestantName: 'Pacific Rim Footwear Imports LLC',
    importerNumber: '98-7654321AB',
    filedOn: '2026-05-04',
    center: 'AFT',
  },
  /** Harborview Apparel Group: active Trade Compliance status in the demo registry. */
  member: {
    email: 'officer@harborview.example.com',
    organisationId: deterministicUuid('member/harborview-apparel-group'),
    name: 'Harborview Apparel Group',
    /** As the registry knows it: the indicator names the member by it. */
    legalName: 'Harborview Apparel Group, Inc.',
    importerNumber: '95-3164820AA',
  },
} as const;

export async function seedProtestsE2eFixtures(db: Db, clock: Clock, keys: Keys): Promise<void> {
  const now = clock.now();
  const { reviewer } = PROTESTS_E2E;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    await tx.insert(users).values({
      id: reviewer.id,
      email: reviewer.email,
      displayName: reviewer.displayName,
      passwordHash,
      preferredLanguage: 'en',
      emailVerifiedAt: now,
      createdAt: now,
      updatedAt: now,
    });
    await tx.insert(memberships).values({
      organisationId: deterministicUuid(HEADQUARTERS),
      userId: reviewer.id,
      role: 'protest_reviewer',
      createdAt: now,
    });
    await tx.insert(totpAuthenticators).values({
      userId: reviewer.id,
      secretEncrypted: encryptSecret(keys.encryption, PROTESTS_E2E_TOTP_SECRET),
      confirmedAt: now,
      createdAt: now,
    });
  });
}

/** The older protest, recorded through the API by Great Lakes' admin (no second factor). */
export async function recordOlderProtest(app: FastifyInstance): Promise<void> {
  const { older } = PROTESTS_E2E;
  const session = await signIn(app, {
    email: 'admin@greatlakes.example.com',
    password: DEMO_PASSWORD,
  });
  const transaction = '5120447';
  const response = await apiCaller({ app })('POST', '/api/v1/protests/recorded', session, {
    protestNumber: older.protestNumber,
    filedOn: older.filedOn,
    portCode: older.protestNumber.slice(0, 4),
    center: older.center,
    protestant: { name: older.protestantName, address: '400 Ocean Gate, Long Beach, CA 90802' },
    protestantType: 'importer',
    importerNumber: older.importerNumber,
    filer: {
      name: 'Great Lakes Home Goods, Inc.',
      address: 'Chicago, IL',
      capacity: 'authorized_agent',
    },
    entries: [
      {
        entryNumber: `GL4-${transaction}-${entryNumberCheckDigit(`GL4${transaction}`)}`,
        entryDate: '2026-01-12',
        dateKind: 'liquidation',
        liquidationOrDecisionDate: '2026-04-10',
        lead: true,
      },
    ],
    decisionsProtested: ['appraised_value'],
    categories: [
      {
        category: 'Leather footwear',
        description: 'Men’s leather dress shoes',
        objections: [
          {
            decision: 'appraised_value',
            objection: 'Assists were added twice',
            justification: 'The moulds were declared on the invoice and added again.',
          },
        ],
      },
    ],
    drawbackDeclaration: 'not_subject_to_drawback',
  });
  if (response.statusCode !== 201) {
    throw new Error(`recording the older protest failed: ${response.statusCode} ${response.body}`);
  }
}
