import { z } from 'zod';
import { AUDIT_ACTIONS } from '../../domain/audit/audit-events.ts';
import { isSafeNextPath } from '../features/session/api/session-api.ts';

/**
 * URL search parameters of the pages (typed by the router). A value that does not parse is
 * dropped, never an error: a mangled link still opens the page.
 */
const NextPath = z
  .string()
  .max(2000)
  .refine(isSafeNextPath)
  .optional()
  .catch(undefined)
  .describe('Where to go after signing in: a path on this site');

export const NextSearchSchema = z.object({ next: NextPath });

/** The page that was refused (for the record in the address bar; not followed anywhere). */
export const AccessDeniedSearchSchema = z.object({
  page: z.string().max(2000).optional().catch(undefined),
});

export const SignInSearchSchema = z.object({
  next: NextPath,
  /** Why the person is here: their session ended, or they just signed out. */
  reason: z.enum(['expired', 'signed_out']).optional().catch(undefined),
  /** Set by the single sign-on callback: sso_failed or sso_no_account. */
  error: z.string().max(100).optional().catch(undefined),
});

/** A one-time token from an e-mailed link. */
export const TokenSearchSchema = z.object({
  token: z.string().min(1).max(200).optional().catch(undefined),
});

const DateOnly = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined);

export const AuditSearchSchema = z.object({
  action: z.enum(AUDIT_ACTIONS).optional().catch(undefined),
  actorUserId: z.uuid().optional().catch(undefined),
  organisationId: z.uuid().optional().catch(undefined),
  targetType: z.string().min(1).max(100).optional().catch(undefined),
  /** Calendar days in the viewer's time zone, both included. */
  from: DateOnly,
  to: DateOnly,
});
export type AuditSearch = z.infer<typeof AuditSearchSchema>;
