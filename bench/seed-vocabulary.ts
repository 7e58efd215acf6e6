/**
 * What the benchmark seeds share: the words company names are made of, and a seeded PRNG, so
 * every run inserts the same rows and PostgreSQL plans the same way.
 */

/** The first words of generated company names. */
export const NAME_FIRST = [
  'Atlantic',
  'Pacific',
  'Harbor',
  'Summit',
  'Pioneer',
  'Liberty',
  'Frontier',
  'Keystone',
  'Meridian',
  'Cascade',
  'Granite',
  'Horizon',
  'Sierra',
  'Gulf',
  'Lakeshore',
  'Prairie',
  'Redwood',
  'Northstar',
  'Bluewater',
  'Ironbridge',
  'Golden',
  'Evergreen',
  'Coastal',
  'Continental',
  'Delta',
  'Eagle',
  'Falcon',
  'Magnolia',
  'Orion',
  'Patriot',
  'Rio Grande',
  'Sterling',
  'Tidewater',
  'Union',
  'Vanguard',
  'Westport',
  'Yellowstone',
  'Zenith',
  'Anchor',
  'Beacon',
] as const;

/** The second words of generated company names. */
export const NAME_SECOND = [
  'Freight',
  'Logistics',
  'Trading',
  'Imports',
  'Exports',
  'Manufacturing',
  'Distribution',
  'Shipping',
  'Customs Brokerage',
  'Transport',
  'Supply',
  'Carriers',
  'Cargo',
  'Industries',
  'Textiles',
  'Electronics',
  'Foods',
  'Automotive',
  'Steel',
  'Chemicals',
  'Apparel',
  'Machinery',
  'Marine',
  'Rail',
  'Air Cargo',
  'Terminals',
  'Packaging',
  'Plastics',
  'Lumber',
  'Pharmaceuticals',
] as const;

/** Legal-form suffixes of generated company names. */
export const NAME_SUFFIX = [
  'Inc.',
  'LLC',
  'Corp.',
  'Co.',
  'Ltd.',
  'Group',
  'Holdings',
  'S.A. de C.V.',
  'GmbH',
  'Partners',
  'International',
  'Worldwide',
] as const;

/** mulberry32: tiny, fast and good enough to make data look varied yet reproducible. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function pick<T>(items: readonly T[], random: () => number): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) {
    throw new Error('pick from an empty list');
  }
  return item;
}
