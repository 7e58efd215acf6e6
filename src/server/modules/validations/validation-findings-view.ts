import type { Finding } from '../../../domain/validations/work-program.schema.ts';
import type { FindingRow } from './validation-findings.repository.ts';

/** A finding as the API shows it; `names` holds the display names of the people it names. */
export function findingView(row: FindingRow, names: ReadonlyMap<string, string>): Finding {
  return {
    id: row.id,
    criterionId: row.criterionId,
    siteId: row.siteId,
    rating: row.rating,
    notes: row.notes,
    evidenceSeen: row.evidenceSeen,
    evidenceIds: row.evidenceIds,
    recordedBy: row.recordedByUserId
      ? { id: row.recordedByUserId, name: names.get(row.recordedByUserId) ?? '' }
      : null,
    version: row.version,
    recordedAt: row.recordedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
