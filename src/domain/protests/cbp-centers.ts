/**
 * The CBP Centers of Excellence and Expertise a protest goes to for review (the ACE Protest
 * Module fills the Center/"team" from the lead entry; the filer may override it:
 * ../shared/domain/trade-compliance-protests-exams.md §2.7). The domain reference names the
 * Centers but does not list them, so this list of the ten industry Centers is written from
 * CBP's public Center pages without a stored source: PROVISIONAL, shown as such, and kept as
 * data so a deployment can correct it without touching the protests already filed (they store
 * the code).
 */
export const CBP_CENTERS = [
  { code: 'AGR', name: 'Agriculture and Prepared Products' },
  { code: 'AFT', name: 'Apparel, Footwear and Textiles' },
  { code: 'AAI', name: 'Automotive and Aerospace' },
  { code: 'BAS', name: 'Base Metals' },
  { code: 'CPM', name: 'Consumer Products and Mass Merchandising' },
  { code: 'ELE', name: 'Electronics' },
  { code: 'IMM', name: 'Industrial and Manufacturing Materials' },
  { code: 'MAC', name: 'Machinery' },
  { code: 'PEM', name: 'Petroleum, Natural Gas and Minerals' },
  { code: 'PHC', name: 'Pharmaceuticals, Health and Chemicals' },
] as const;

export type CbpCenterCode = (typeof CBP_CENTERS)[number]['code'];
export const CBP_CENTER_CODES = CBP_CENTERS.map((center) => center.code) as [
  CbpCenterCode,
  ...CbpCenterCode[],
];
/** The list above is not confirmed by a stored primary source (glossary: "Provisional data"). */
export const CBP_CENTERS_PROVISIONAL = true;

export function cbpCenterName(code: string): string | null {
  return CBP_CENTERS.find((center) => center.code === code)?.name ?? null;
}
