import type { CatalogCriterion } from '../../../../domain/criteria/catalog.schema.ts';

const TEXT_SHOWN = 90;

/** "3.4 — Written procedures for …": the id and the start of the criterion's text. */
export function criterionOptionLabel(criterion: Pick<CatalogCriterion, 'id' | 'text'>): string {
  const text =
    criterion.text.length > TEXT_SHOWN
      ? `${criterion.text.slice(0, TEXT_SHOWN - 1).trimEnd()}…`
      : criterion.text;
  return `${criterion.id} — ${text}`;
}
