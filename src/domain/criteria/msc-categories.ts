/**
 * The three focus areas and twelve categories of the 2019 Minimum Security Criteria.
 * Source: ../shared/domain/ctpat-program.md §4 (table). That section verifies focus area 1, the
 * "People and Physical Security" focus area and the names of categories 1, 6 and 8; the label
 * "Transportation Security" and the exact wording of categories 5, 7 and 9–12 come from
 * background knowledge consistent with the CTPAT Portal's section titles, so those carry
 * `provisional: true` and the product shows them as such until an official document confirms them.
 */
export const FOCUS_AREAS = [
  { id: 'corporate_security', name: 'Corporate Security', provisional: false },
  { id: 'transportation_security', name: 'Transportation Security', provisional: true },
  { id: 'people_and_physical_security', name: 'People and Physical Security', provisional: false },
] as const;
export type FocusAreaId = (typeof FOCUS_AREAS)[number]['id'];

export interface MscCategory {
  /** 1 to 12: the first part of every criterion id in the category ("3.4" is in category 3). */
  readonly number: number;
  readonly name: string;
  readonly focusArea: FocusAreaId;
  /** The name's wording is not confirmed by a primary source. */
  readonly provisional: boolean;
}

export const MSC_CATEGORIES: readonly MscCategory[] = [
  {
    number: 1,
    name: 'Security Vision and Responsibility',
    focusArea: 'corporate_security',
    provisional: false,
  },
  { number: 2, name: 'Risk Assessment', focusArea: 'corporate_security', provisional: false },
  { number: 3, name: 'Business Partners', focusArea: 'corporate_security', provisional: false },
  { number: 4, name: 'Cybersecurity', focusArea: 'corporate_security', provisional: false },
  {
    number: 5,
    name: 'Conveyance and Instruments of International Traffic Security',
    focusArea: 'transportation_security',
    provisional: true,
  },
  { number: 6, name: 'Seal Security', focusArea: 'transportation_security', provisional: false },
  {
    number: 7,
    name: 'Procedural Security',
    focusArea: 'transportation_security',
    provisional: true,
  },
  {
    number: 8,
    name: 'Agricultural Security',
    focusArea: 'transportation_security',
    provisional: false,
  },
  {
    number: 9,
    name: 'Physical Security',
    focusArea: 'people_and_physical_security',
    provisional: true,
  },
  {
    number: 10,
    name: 'Physical Access Controls',
    focusArea: 'people_and_physical_security',
    provisional: true,
  },
  {
    number: 11,
    name: 'Personnel Security',
    focusArea: 'people_and_physical_security',
    provisional: true,
  },
  {
    number: 12,
    name: 'Education, Training and Awareness',
    focusArea: 'people_and_physical_security',
    provisional: true,
  },
];

export const CATEGORY_NUMBERS = MSC_CATEGORIES.map((category) => category.number);

export function mscCategory(number: number): MscCategory | undefined {
  return MSC_CATEGORIES.find((category) => category.number === number);
}
