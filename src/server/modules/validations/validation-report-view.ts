import type { PeriodSetting } from '../../../domain/registry/lifecycle/membership-clocks.ts';
import type { ReportState } from '../../../domain/validations/work-program.schema.ts';
import { outcomeOptions, type RatingCounts } from '../../../domain/validations/work-program.ts';
import type { ValidationRow } from './validations.repository.ts';

/** The report part of the work program: the draft, who wrote and approved it, its documents. */
export function reportState(
  row: ValidationRow,
  counts: RatingCounts,
  documents: readonly { id: string; language: 'en' | 'es'; generatedAt: Date }[],
  names: ReadonlyMap<string, string>,
  period: PeriodSetting,
): ReportState {
  const person = (id: string | null) => (id ? { id, name: names.get(id) ?? '' } : null);
  const summary = row.reportSummary ?? '';
  return {
    summary,
    recommendedOutcome: row.recommendedOutcome,
    outcomeOptions: outcomeOptions(counts, summary),
    author: person(row.reportAuthorUserId),
    submittedAt: row.reportSubmittedAt?.toISOString() ?? null,
    approvedBy: person(row.reportApprovedByUserId),
    issuedOn: row.reportIssuedOn,
    responsesDueOn: row.responsesDueOn,
    responsePeriodDays: period.value,
    responsePeriodProvisional: period.provisional,
    documents: documents.map((document) => ({
      id: document.id,
      language: document.language,
      generatedAt: document.generatedAt.toISOString(),
    })),
  };
}
