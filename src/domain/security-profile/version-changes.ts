import type {
  AnswerChangeField,
  CriterionChange,
  SnapshotCriterion,
} from './profile-review.schema.ts';

/**
 * What changed in a member's answers from one submitted round to the next (issue 5, item 5: the
 * specialist sees what the member answered after a return). Compares two frozen snapshots
 * criterion by criterion: added or removed (the applicable criteria changed), or which parts of
 * the answer changed. Unchanged criteria are left out.
 */
export function versionChanges(
  previous: readonly SnapshotCriterion[],
  current: readonly SnapshotCriterion[],
): CriterionChange[] {
  const before = new Map(previous.map((criterion) => [criterion.id, criterion]));
  const changes: CriterionChange[] = [];
  for (const criterion of current) {
    const old = before.get(criterion.id);
    before.delete(criterion.id);
    if (!old) {
      changes.push({ criterionId: criterion.id, kind: 'added', fields: [] });
      continue;
    }
    const fields = changedFields(old, criterion);
    if (fields.length > 0) {
      changes.push({ criterionId: criterion.id, kind: 'changed', fields });
    }
  }
  for (const removed of before.keys()) {
    changes.push({ criterionId: removed, kind: 'removed', fields: [] });
  }
  return changes;
}

function evidenceKey(criterion: SnapshotCriterion): string {
  return criterion.evidence
    .map((item) => `${item.evidenceId}:${item.sha256 ?? ''}`)
    .sort()
    .join(',');
}

function changedFields(old: SnapshotCriterion, now: SnapshotCriterion): AnswerChangeField[] {
  const fields: AnswerChangeField[] = [];
  if ((old.answer?.status ?? null) !== (now.answer?.status ?? null)) fields.push('status');
  if ((old.answer?.narrative ?? '') !== (now.answer?.narrative ?? '')) fields.push('narrative');
  if ((old.answer?.responsibleUserId ?? null) !== (now.answer?.responsibleUserId ?? null)) {
    fields.push('responsible');
  }
  if (evidenceKey(old) !== evidenceKey(now)) fields.push('evidence');
  return fields;
}
