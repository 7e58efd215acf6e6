import type { z } from 'zod';
import { actorOrganisationId } from '../../../domain/authorization/permissions.ts';
import { AppError, type FieldIssue, notFound } from '../../../domain/errors/error-codes.ts';
import type { Db } from '../../db/database.ts';
import type { ServiceContext } from '../../service-context.ts';
import { organisationSummaries } from '../organisations/organisations.service.ts';
import { findProtest, type ProtestRow } from './protests.repository.ts';

/**
 * Whose protests a member may see and change (checks 2 and 3): the protests its own company
 * filed. Another company's protest, or an id that does not exist, is one 404.
 */

export function invalid(issues: FieldIssue[]): AppError {
  return new AppError('VALIDATION_FAILED', 'The request is not valid', { issues });
}

/** Zod issues as the API's field issues, under `prefix` (e.g. `body`). */
export function issuesOf(error: z.ZodError, prefix: string): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
}

export function userIdOf(ctx: ServiceContext): string | null {
  return ctx.actor.kind === 'user' ? ctx.actor.userId : null;
}

/** The member company the actor acts for: only companies file protests here. */
export async function ownCompanyId(ctx: ServiceContext): Promise<string> {
  const own = actorOrganisationId(ctx.actor);
  if (own === null) {
    throw new AppError('FORBIDDEN', 'Act for a member company to file and follow its protests');
  }
  const organisation = (await organisationSummaries(ctx.db, [own])).get(own);
  if (organisation?.kind !== 'member_company') {
    throw notFound('Protest');
  }
  return own;
}

/** The company's protest (locked for a change when asked), or 404. */
export async function requireOwnProtest(
  db: Db,
  organisationId: string,
  protestId: string,
  options: { forUpdate?: boolean } = {},
): Promise<ProtestRow> {
  const row = await findProtest(db, protestId, organisationId, options);
  if (!row) {
    throw notFound('Protest');
  }
  return row;
}

/** A change that only an open protest (not decided, not withdrawn) accepts. */
export function requireOpen(row: ProtestRow, what: string): void {
  if (row.status === 'withdrawn') {
    throw new AppError('CONFLICT', `The protest was withdrawn: ${what} is no longer possible.`, {
      status: row.status,
    });
  }
  if (row.status === 'decided' || row.decision !== null) {
    throw new AppError(
      'CONFLICT',
      `CBP decided the protest on ${row.decidedOn ?? 'an earlier day'}: ${what} is no longer possible.`,
      { status: row.status },
    );
  }
}

export function requireVersion(row: ProtestRow, expectedVersion: number | undefined): void {
  if (expectedVersion !== undefined && expectedVersion !== row.version) {
    throw new AppError(
      'CONFLICT',
      'The protest changed since you read it: reload it and make your change again.',
      { currentVersion: row.version },
    );
  }
}
