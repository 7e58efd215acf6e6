import type { Db } from '../../db/database.ts';
import { organisationSummaries } from '../organisations/organisations.service.ts';
import { findMembersByImporterNumber } from './member-lookup.repository.ts';

export interface MemberByImporterNumber {
  organisationId: string;
  legalName: string;
  /** The CTPAT membership status (registry lifecycle), e.g. certified, validated, removed. */
  membershipStatus: string;
}

/**
 * The CTPAT member company whose application gives this importer of record number (the
 * canonical value validateImporterOfRecordNumber returns), for the protest module's Trade
 * Compliance indicator (issue 7, item 3): a company whose membership runs is preferred to one
 * whose membership is over, then the most recently changed. Null when no company gives it.
 * Not an entry point for requests: the caller decides what it shows of the company.
 */
export async function memberByImporterNumber(
  db: Db,
  importerNumber: string,
): Promise<MemberByImporterNumber | null> {
  const [found] = await findMembersByImporterNumber(db, importerNumber, 1);
  if (found === undefined) {
    return null;
  }
  const names = await organisationSummaries(db, [found.organisationId]);
  return {
    organisationId: found.organisationId,
    legalName: names.get(found.organisationId)?.legalName ?? '',
    membershipStatus: found.membershipStatus,
  };
}
