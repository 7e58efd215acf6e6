import { sql } from 'drizzle-orm';
import { ENTITY_TYPES, type EntityType } from '../src/domain/organisations/entity-types.ts';
import type { NewOrganisation } from '../src/domain/organisations/organisation.schema.ts';
import type { Db } from '../src/server/db/database.ts';
import { insertOrganisations } from '../src/server/modules/organisations/organisations.repository.ts';
import { deterministicUuid } from '../src/server/seed/deterministic-id.ts';
import { createBenchSpecialistSession } from './bench-session.ts';
import { BENCH_SESSION_TOKEN } from './load.ts';
import { NAME_FIRST, NAME_SECOND, NAME_SUFFIX, pick, prng } from './seed-vocabulary.ts';

/**
 * Production scale for the organisation directory: CTPAT has about 11,400 certified member
 * companies and a few dozen CBP offices. Latency and throughput targets are only meaningful on
 * a table this size (a 12-row demo table hides every missing index).
 *
 * The data is deterministic (a seeded PRNG, ids from deterministicUuid), so two runs measure
 * the same rows and the same query plans.
 */
export const MEMBER_COMPANY_COUNT = 11_400;
export const CBP_OFFICE_COUNT = 30;
/** Rows per INSERT: ~9 parameters a row stays far below PostgreSQL's 65,535 limit. */
const BATCH_SIZE = 1_000;
const SEEDED_AT = new Date('2026-01-15T12:00:00Z');

/** Fragments the latency benchmark searches for (q=...): one common word, one rare pair. */
export const COMMON_NAME_FRAGMENT = 'Harbor';
/** At most 12 companies (one per suffix) carry it: fewer than a page, the worst case for q. */
export const RARE_NAME_FRAGMENT = 'Zenith Pharmaceuticals';

const COUNTRIES: ReadonlyArray<{ code: string; weight: number; cities: readonly string[] }> = [
  { code: 'US', weight: 60, cities: ['Baltimore', 'Houston', 'Long Beach', 'Laredo', 'Newark'] },
  { code: 'MX', weight: 15, cities: ['Monterrey', 'Tijuana', 'Ciudad Juárez', 'Guadalajara'] },
  { code: 'CA', weight: 8, cities: ['Toronto', 'Vancouver', 'Montréal', 'Windsor'] },
  { code: 'CN', weight: 6, cities: ['Shenzhen', 'Shanghai', 'Ningbo'] },
  { code: 'DE', weight: 4, cities: ['Hamburg', 'Bremen'] },
  { code: 'VN', weight: 4, cities: ['Ho Chi Minh City', 'Hai Phong'] },
  { code: 'IN', weight: 3, cities: ['Mumbai', 'Chennai'] },
];
const COUNTRY_WEIGHT_TOTAL = COUNTRIES.reduce((sum, country) => sum + country.weight, 0);

const CBP_OFFICE_CITIES = [
  'Atlanta',
  'Baltimore',
  'Boston',
  'Buffalo',
  'Chicago',
  'Detroit',
  'El Paso',
  'Houston',
  'Laredo',
  'Los Angeles',
  'Miami',
  'New Orleans',
  'New York',
  'Portland',
  'San Diego',
  'San Francisco',
  'San Juan',
  'Seattle',
  'Tucson',
  'Newark',
  'Charleston',
  'Savannah',
  'Norfolk',
  'Philadelphia',
  'Dallas',
  'Denver',
  'Minneapolis',
  'Nogales',
  'Champlain',
  'Blaine',
] as const;

function pickCountry(random: () => number): (typeof COUNTRIES)[number] {
  let roll = random() * COUNTRY_WEIGHT_TOTAL;
  for (const country of COUNTRIES) {
    roll -= country.weight;
    if (roll < 0) {
      return country;
    }
  }
  return pick(COUNTRIES, random);
}

function pickEntityTypes(random: () => number): EntityType[] {
  const count = 1 + Math.floor(random() * 3);
  const chosen = new Set<EntityType>();
  while (chosen.size < count) {
    chosen.add(pick(ENTITY_TYPES, random));
  }
  return [...chosen];
}

type SeedRow = NewOrganisation & { id: string };

/** Every (first, second, suffix) combination once, in a seeded shuffle: names stay unique. */
function memberCompanies(count: number, random: () => number): SeedRow[] {
  const combinations: string[] = [];
  for (const first of NAME_FIRST) {
    for (const second of NAME_SECOND) {
      for (const suffix of NAME_SUFFIX) {
        combinations.push(`${first} ${second} ${suffix}`);
      }
    }
  }
  if (combinations.length < count) {
    throw new Error(`only ${combinations.length} distinct names for ${count} companies`);
  }
  for (let i = combinations.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    const a = combinations[i];
    const b = combinations[j];
    if (a !== undefined && b !== undefined) {
      combinations[i] = b;
      combinations[j] = a;
    }
  }
  return combinations.slice(0, count).map((legalName, index) => {
    const country = pickCountry(random);
    return {
      id: deterministicUuid(`bench:member:${index}`),
      kind: 'member_company',
      legalName,
      tradeName: random() < 0.3 ? (legalName.split(' ')[0] ?? null) : null,
      countryCode: country.code,
      city: pick(country.cities, random),
      entityTypes: pickEntityTypes(random),
    };
  });
}

function cbpOffices(count: number): SeedRow[] {
  return CBP_OFFICE_CITIES.slice(0, count).map((city, index) => ({
    id: deterministicUuid(`bench:cbp-office:${index}`),
    kind: 'cbp_office',
    legalName: `U.S. Customs and Border Protection, CTPAT ${city}`,
    tradeName: null,
    countryCode: 'US',
    city,
    entityTypes: [],
  }));
}

export interface SeedSummary {
  memberCompanies: number;
  cbpOffices: number;
  seconds: number;
}

/**
 * Inserts the rows through the application's own insertOrganisations (the same code path as
 * the demo seed), in batches inside one transaction, then VACUUM ANALYZE so the planner has
 * statistics and the visibility map is set, as autovacuum would have done in production.
 */
/** Also signs in one CBP specialist (bench/bench-session.ts) whose session the load uses. */
export async function seedProductionScale(db: Db): Promise<SeedSummary> {
  const started = performance.now();
  const random = prng(20_261_129);
  const rows = [...memberCompanies(MEMBER_COMPANY_COUNT, random), ...cbpOffices(CBP_OFFICE_COUNT)];
  await db.transaction(async (tx) => {
    for (let offset = 0; offset < rows.length; offset += BATCH_SIZE) {
      await insertOrganisations(tx, rows.slice(offset, offset + BATCH_SIZE), SEEDED_AT);
    }
  });
  await createBenchSpecialistSession(
    db,
    deterministicUuid('bench:cbp-office:0'),
    BENCH_SESSION_TOKEN,
    new Date(),
  );
  await db.execute(sql`vacuum analyze organisations`);
  return {
    memberCompanies: MEMBER_COMPANY_COUNT,
    cbpOffices: Math.min(CBP_OFFICE_COUNT, CBP_OFFICE_CITIES.length),
    seconds: (performance.now() - started) / 1000,
  };
}
