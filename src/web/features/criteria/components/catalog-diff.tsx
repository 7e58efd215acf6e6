import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogDiffView } from '../../../../domain/criteria/catalog-api.schema.ts';
import { useFormatters } from '../../../lib/use-formatters.ts';

type Changed = CatalogDiffView['changed'][number];
type Designation = Changed['designationChanges'][number]['from'];

/** The counts a program manager confirms before publishing. */
export interface DiffCounts {
  added: number;
  removed: number;
  designation: number;
  wording: number;
}

export function diffCounts(diff: CatalogDiffView): DiffCounts {
  return {
    added: diff.added.length,
    removed: diff.removed.length,
    designation: diff.changed.filter((change) => change.designationChanges.length > 0).length,
    wording: diff.changed.filter((change) => change.textChanged || change.guidanceChanged).length,
  };
}

/**
 * What a draft changes against the current version (issue 5, item 1): the criteria added, those
 * removed, those whose designation changes for some entity type (must ↔ should, or starting or
 * ceasing to apply), and those reworded; each a list.
 */
export function CatalogDiff({ diff }: { diff: CatalogDiffView }) {
  const { t } = useTranslation();
  const counts = diffCounts(diff);
  const format = useFormatters();
  const designation = (value: Designation) =>
    value === null
      ? t('profileReview.answerStatus.not_applicable')
      : t(`securityProfile.criterion.${value}`);
  /** "Should → Must: Importer and Exporter; Must → Not applicable: Sea carrier". */
  const designationMoves = (changes: Changed['designationChanges']) => {
    const moves = new Map<string, { from: Designation; to: Designation; types: string[] }>();
    for (const entry of changes) {
      const key = `${entry.from}>${entry.to}`;
      const move = moves.get(key) ?? { from: entry.from, to: entry.to, types: [] };
      move.types.push(t(`entityTypes.${entry.entityType}`));
      moves.set(key, move);
    }
    return [...moves.values()]
      .map(
        (move) => `${designation(move.from)} → ${designation(move.to)}: ${format.list(move.types)}`,
      )
      .join('; ');
  };
  return (
    <section aria-labelledby="catalog-diff-heading" className="margin-top-4">
      <h2 id="catalog-diff-heading">
        {t('criteriaAdmin.diff.heading', { version: diff.from?.version ?? '' })}
      </h2>
      <DiffList
        id="added"
        heading={t('criteriaAdmin.diff.added', { number: counts.added })}
        items={diff.added.map((criterion) => ({
          key: criterion.id,
          content: `${criterion.id}: ${criterion.text}`,
        }))}
      />
      <DiffList
        id="removed"
        heading={t('criteriaAdmin.diff.removed', { number: counts.removed })}
        items={diff.removed.map((criterion) => ({
          key: criterion.id,
          content: `${criterion.id}: ${criterion.text}`,
        }))}
      />
      <DiffList
        id="designation"
        heading={t('criteriaAdmin.diff.designation', { number: counts.designation })}
        items={diff.changed
          .filter((change) => change.designationChanges.length > 0)
          .map((change) => ({
            key: change.id,
            content: `${change.id}: ${designationMoves(change.designationChanges)}`,
          }))}
      />
      <DiffList
        id="wording"
        heading={t('criteriaAdmin.diff.wording', { number: counts.wording })}
        items={diff.changed
          .filter((change) => change.textChanged || change.guidanceChanged)
          .map((change) => ({ key: change.id, content: change.id }))}
      />
    </section>
  );
}

function DiffList({
  id,
  heading,
  items,
}: {
  id: string;
  heading: string;
  items: readonly { key: string; content: ReactNode }[];
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={`diff-${id}`}>
      <h3 id={`diff-${id}`}>{heading}</h3>
      {items.length === 0 ? (
        <p className="text-base-dark">{t('evidence.warnings.none')}</p>
      ) : (
        <ul className="usa-list">
          {items.map((item) => (
            <li key={item.key}>{item.content}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
