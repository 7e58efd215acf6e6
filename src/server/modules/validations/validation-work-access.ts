import { actorOrganisationId, hasPermission } from '../../../domain/authorization/permissions.ts';
import { AppError, type FieldIssue, notFound } from '../../../domain/errors/error-codes.ts';
import type { ValidationStatus } from '../../../domain/validations/validation-vocabulary.ts';
import type { Db } from '../../db/database.ts';
import type { ServiceContext } from '../../service-context.ts';
import { findValidation, type ValidationRow } from './validations.repository.ts';

/**
 * Who may do what on a validation's work program, findings, hours and report (checks 2 and 3;
 * routes hold check 1): CBP reads any validation (`validation:read:any`); specialists conduct
 * (`validation:conduct:any`) only the validations assigned to them, while those who assign the
 * work (`validation:plan:any`, the supervisory specialists) conduct any; a member reads only its
 * own company's validations, and another company's answers 404 like an unknown id.
 */

export function invalid(issues: FieldIssue[], message = 'The request is not valid'): AppError {
  return new AppError('VALIDATION_FAILED', message, { issues });
}

export function bodyIssue(field: string, message: string): AppError {
  return invalid([{ path: `body.${field}`, message }], `${field} ${message}`);
}

export function versionConflict(current: number): AppError {
  return new AppError(
    'CONFLICT',
    'The validation changed since you read it: reload it and make your change again.',
    { currentVersion: current },
  );
}

export function userIdOf(ctx: ServiceContext): string | null {
  return ctx.actor.kind === 'user' ? ctx.actor.userId : null;
}

/** Any validation, for CBP (the route required a `validation:*:any` permission). */
export async function requireValidation(
  db: Db,
  validationId: string,
  options: { forUpdate?: boolean } = {},
): Promise<ValidationRow> {
  const row = await findValidation(db, validationId, null, options);
  if (!row) {
    throw notFound('Validation');
  }
  return row;
}

/** The member company the actor acts for (check 3), or 404 for anyone else. */
export function ownOrganisationId(ctx: ServiceContext): string {
  const own = actorOrganisationId(ctx.actor);
  if (own === null) {
    throw new AppError('FORBIDDEN', 'Act for a member company to follow its validations');
  }
  return own;
}

/** The member's own validation; another company's is a 404. */
export async function requireOwnValidation(
  ctx: ServiceContext,
  validationId: string,
): Promise<ValidationRow> {
  const row = await findValidation(ctx.db, validationId, ownOrganisationId(ctx));
  if (!row) {
    throw notFound('Validation');
  }
  return row;
}

/** Whether the actor may conduct this validation: assigned to it, or one who assigns the work. */
export function mayConduct(ctx: ServiceContext, row: ValidationRow): boolean {
  if (!hasPermission(ctx.actor, 'validation:conduct:any')) return false;
  if (hasPermission(ctx.actor, 'validation:plan:any')) return true;
  const userId = userIdOf(ctx);
  return userId !== null && row.specialistUserId === userId;
}

export function assertMayConduct(ctx: ServiceContext, row: ValidationRow): void {
  if (!mayConduct(ctx, row)) {
    throw new AppError(
      'FORBIDDEN',
      row.specialistUserId === null
        ? 'The validation is not assigned to you: a supervisory specialist assigns it first'
        : 'The validation is assigned to another specialist: only they (or a supervisory specialist) record its work',
    );
  }
}

const STATUS_WORDS: Record<ValidationStatus, string> = {
  planned: 'planned and not scheduled yet',
  scheduled: 'scheduled and its fieldwork has not started',
  fieldwork: 'in fieldwork',
  report_submitted: 'waiting for the approval of its report',
  report_issued: 'reported to the member',
  closed: 'closed',
  cancelled: 'cancelled',
};

/** 409 naming the status when `what` is not possible in it. */
export function refuseStatus(row: ValidationRow, what: string): AppError {
  return new AppError('CONFLICT', `The validation is ${STATUS_WORDS[row.status]}: ${what}.`, {
    status: row.status,
  });
}
