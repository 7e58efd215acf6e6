/**
 * A catalog version's life: imported as a draft, published (then immutable, and current until
 * the next one is published), superseded by a later publication. A draft can be discarded.
 */
export const CATALOG_VERSION_STATUSES = ['draft', 'published', 'superseded'] as const;
export type CatalogVersionStatus = (typeof CATALOG_VERSION_STATUSES)[number];

/** Where a version came from: the seed shipped with the product, or a program manager's file. */
export const CATALOG_SOURCES = ['seed', 'import'] as const;
export type CatalogSource = (typeof CATALOG_SOURCES)[number];
