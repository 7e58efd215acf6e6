import { sql } from 'drizzle-orm';
import { ENTITY_TYPES, type EntityType } from '../src/domain/organisations/entity-types.ts';
import {
  type MembershipStatus,
  TIER_OF_STATUS,
  type TierStatus,
} from '../src/domain/registry/lifecycle/membership-states.ts';
import type { Db } from '../src/server/db/database.ts';
import { organisations } from '../src/server/modules/organisations/organisations.tables.ts';
import {
  partnerEntityTypes,
  partnerMemberships,
} from '../src/server/modules/registry/registry.tables.ts';
import { deterministicUuid } from '../src/server/seed/deterministic-id.ts';
import { createBenchSpecialistSession } from './bench-session.ts';
import { BENCH_SESSION_TOKEN } from './load.ts';
import { NAME_FIRST, NAME_SECOND, NAME_SUFFIX, pick, prng } from './seed-vocabulary.ts';

/**
 * Issue 4 scale for the member registry: 100,000 member companies, each with a membership in
 * a spread of lifecycle states and one to three entity types, plus one CBP office whose signed-in
 * specialist (bench-session.ts) makes the requests. Seeded into its own benchmark database so
 * the directory benchmarks keep measuring their 11,400 rows.
 *
 * Plain multi-row inserts through the app's drizzle tables, in one transaction; deterministic
 * (seeded PRNG, ids from deterministicUuid), so two runs measure the same rows and plans.
 */
export const REGISTRY_MEMBER_COUNT = 100_000;
/** Rows per INSERT: ~10 parameters a row stays far below PostgreSQL's 65,535 limit. */
const BATCH_SIZE = 2_500;
const SEEDED_AT = new Date('2026-01-15T12:00:00Z');
export const REGISTRY_CBP_OFFICE_ID = deterministicUuid('bench:registry:cbp-office');

/** A region qualifier multiplies the 14,400 base names to 115,200 distinct ones. */
const NAME_REGION = [
  'of America',
  'North America',
  'Americas',
  'Pacific Rim',
  'Texas',
  'Ontario',
  'Baja',
  'Midwest',
] as const;

/** One word in 40 names start with: about 2,500 matches, a hundred pages. */
export const REGISTRY_COMMON_FRAGMENT = 'Harbor';
/** At most 12 companies (one per suffix) carry it: fewer than a page, the worst case for q. */
export const REGISTRY_RARE_FRAGMENT = 'Zenith Pharmaceuticals Ontario';

const COUNTRIES = ['US', 'US', 'US', 'US', 'US', 'US', 'MX', 'MX', 'CA', 'CN', 'DE', 'VN', 'IN'];

/** Lifecycle states, weighted roughly as a mature programme would hold them. */
const STATUS_WEIGHTS: ReadonlyArray<readonly [MembershipStatus, number]> = [
  ['certified', 34],
  ['validated', 20],
  ['validated_exceeds', 8],
  ['pre_applicant', 8],
  ['applicant', 6],
  ['under_review', 6],
  ['suspended', 2],
  ['removed', 3],
  ['withdrawn', 5],
  ['rejected', 8],
];
const STATUS_WEIGHT_TOTAL = STATUS_WEIGHTS.reduce((sum, [, weight]) => sum + weight, 0);

function pickStatus(random: () => number): MembershipStatus {
  let roll = random() * STATUS_WEIGHT_TOTAL;
  for (const [status, weight] of STATUS_WEIGHTS) {
    roll -= weight;
    if (roll < 0) {
      return status;
    }
  }
  return 'certified';
}

/** Importers are the largest group (about half the members); then one or two more types. */
function pickEntityTypes(random: () => number): EntityType[] {
  const chosen = new Set<EntityType>();
  chosen.add(random() < 0.45 ? 'importer' : pick(ENTITY_TYPES, random));
  const extra = Math.floor(random() * 3);
  while (chosen.size < 1 + extra) {
    chosen.add(pick(ENTITY_TYPES, random));
  }
  return [...chosen];
}

function isoDate(base: Date, daysBefore: number): string {
  return new Date(base.getTime() - daysBefore * 86_400_000).toISOString().slice(0, 10);
}

function distinctNames(count: number, random: () => number): string[] {
  const names: string[] = [];
  for (const first of NAME_FIRST) {
    for (const second of NAME_SECOND) {
      for (const region of NAME_REGION) {
        for (const suffix of NAME_SUFFIX) {
          names.push(`${first} ${second} ${region} ${suffix}`);
        }
      }
    }
  }
  if (names.length < count) {
    throw new Error(`only ${names.length} distinct names for ${count} companies`);
  }
  for (let i = names.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    const a = names[i];
    const b = names[j];
    if (a !== undefined && b !== undefined) {
      names[i] = b;
      names[j] = a;
    }
  }
  return names.slice(0, count);
}

type OrganisationInsert = typeof organisations.$inferInsert;
type MembershipInsert = typeof partnerMemberships.$inferInsert;
type EntityTypeInsert = typeof partnerEntityTypes.$inferInsert;

function membership(
  organisationId: string,
  status: MembershipStatus,
  random: () => number,
): MembershipInsert {
  const since = isoDate(SEEDED_AT, Math.floor(random() * 1_500));
  const submitted = status === 'pre_applicant' ? null : isoDate(SEEDED_AT, 1_600);
  const tierStatus: TierStatus | null =
    status === 'certified' || status === 'validated' || status === 'validated_exceeds'
      ? status
      : null;
  const heldStatus: TierStatus | null = status === 'suspended' ? 'certified' : null;
  return {
    organisationId,
    status,
    reviewStep: status === 'under_review' ? 'profile_review' : null,
    statusSince: since,
    heldStatus,
    removalCause: status === 'removed' ? 'program_violation' : null,
    tier: tierStatus === null ? null : TIER_OF_STATUS[tierStatus],
    cbpOfficeId: status === 'pre_applicant' ? null : REGISTRY_CBP_OFFICE_ID,
    applicationSubmittedOn: submitted,
    certifiedOn: tierStatus !== null || heldStatus !== null ? since : null,
    createdAt: SEEDED_AT,
    updatedAt: SEEDED_AT,
  };
}

export interface RegistrySeedSummary {
  memberCompanies: number;
  entityTypeRows: number;
  seconds: number;
}

async function insertInBatches<T>(rows: readonly T[], insert: (batch: T[]) => Promise<unknown>) {
  for (let offset = 0; offset < rows.length; offset += BATCH_SIZE) {
    await insert(rows.slice(offset, offset + BATCH_SIZE));
  }
}

/**
 * Seeds the registry at issue-4 scale in one transaction, signs in the CBP specialist, then
 * VACUUM ANALYZE so the planner has statistics and the visibility map is set, as autovacuum
 * would have done in production.
 */
export async function seedRegistryScale(db: Db): Promise<RegistrySeedSummary> {
  const started = performance.now();
  const random = prng(20_260_404);
  const orgRows: OrganisationInsert[] = [];
  const membershipRows: MembershipInsert[] = [];
  const entityTypeRows: EntityTypeInsert[] = [];
  for (const [index, legalName] of distinctNames(REGISTRY_MEMBER_COUNT, random).entries()) {
    const id = deterministicUuid(`bench:registry:member:${index}`);
    const entityTypes = pickEntityTypes(random);
    orgRows.push({
      id,
      kind: 'member_company',
      legalName,
      tradeName: null,
      countryCode: pick(COUNTRIES, random),
      city: 'Laredo',
      entityTypes,
      createdAt: SEEDED_AT,
      updatedAt: SEEDED_AT,
    });
    membershipRows.push(membership(id, pickStatus(random), random));
    for (const entityType of entityTypes) {
      entityTypeRows.push({
        organisationId: id,
        entityType,
        identifiers: [],
        eligibility: {},
        createdAt: SEEDED_AT,
      });
    }
  }

  await db.transaction(async (tx) => {
    await tx.insert(organisations).values({
      id: REGISTRY_CBP_OFFICE_ID,
      kind: 'cbp_office',
      legalName: 'U.S. Customs and Border Protection, CTPAT Laredo',
      tradeName: null,
      countryCode: 'US',
      city: 'Laredo',
      entityTypes: [],
      createdAt: SEEDED_AT,
      updatedAt: SEEDED_AT,
    });
    await insertInBatches(orgRows, (batch) => tx.insert(organisations).values(batch));
    await insertInBatches(membershipRows, (batch) => tx.insert(partnerMemberships).values(batch));
    await insertInBatches(entityTypeRows, (batch) => tx.insert(partnerEntityTypes).values(batch));
  });
  await createBenchSpecialistSession(db, REGISTRY_CBP_OFFICE_ID, BENCH_SESSION_TOKEN, new Date());
  await db.execute(sql`vacuum analyze organisations`);
  await db.execute(sql`vacuum analyze partner_memberships`);
  await db.execute(sql`vacuum analyze partner_entity_types`);
  return {
    memberCompanies: REGISTRY_MEMBER_COUNT,
    entityTypeRows: entityTypeRows.length,
    seconds: (performance.now() - started) / 1000,
  };
}
