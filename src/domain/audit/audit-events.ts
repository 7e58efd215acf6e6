import { z } from 'zod';
import { MEMBERSHIP_AUDIT_ACTIONS } from '../registry/lifecycle/membership-transitions.ts';

/**
 * Every kind of state change the audit trail records, `target.verb`. A closed list, so a
 * report can name every action and a typo fails type-checking. Modules add theirs here.
 */
export const AUDIT_ACTIONS = [
  'session.signed_in',
  'session.sign_in_failed',
  'session.signed_out',
  'session.revoked',
  'session.organisation_switched',
  'mfa.enrolment_started',
  'mfa.enrolled',
  'mfa.verified',
  'mfa.disabled',
  'mfa.recovery_codes_regenerated',
  'mfa.recovery_code_used',
  'mfa.verification_failed',
  'user.created',
  'user.updated',
  'user.password_changed',
  'user.password_reset_requested',
  'user.password_reset',
  'user.email_change_requested',
  'user.email_changed',
  'user.locked',
  'membership.created',
  'membership.role_changed',
  'membership.removed',
  'invitation.created',
  'invitation.accepted',
  'invitation.revoked',
  'api_token.created',
  'api_token.revoked',
  'organisation.created',
  'partner_membership.application_saved',
  ...MEMBERSHIP_AUDIT_ACTIONS,
  'trade_compliance.status_set',
  'company_profile.updated',
  'company_address.added',
  'company_address.updated',
  'company_address.removed',
  'company_contact.added',
  'company_contact.updated',
  'company_contact.removed',
  'svi.joined',
  'svi.left',
  'svi_connection.requested',
  'svi_connection.accepted',
  'svi_connection.declined',
  'svi_connection.cancelled',
  'svi_connection.ended',
  'svi.status_confirmation_sent',
  'pilot_request.created',
  'pilot_request.accepted',
  'pilot_request.refused',
  'pilot_request.withdrawn',
  'mra_program.created',
  'mra_program.updated',
  'partner_aeo_certification.recorded',
  'partner_aeo_certification.removed',
  'criteria_catalog.imported',
  'criteria_catalog.published',
  'criteria_catalog.discarded',
  'security_profile.created',
  'security_profile.answer_saved',
  'security_profile.annual_review_started',
  'security_profile.section_assigned',
  'security_profile.section_unassigned',
  'security_profile.comment_added',
  'security_profile.catalog_updated',
  'security_profile.submitted',
  'security_profile.criterion_reviewed',
  'security_profile.returned',
  'security_profile.approved',
  'evidence.uploaded',
  'evidence.updated',
  'evidence.deleted',
  'evidence.linked',
  'evidence.unlinked',
  'protest.filed',
  'protest.recorded',
  'protest.amended',
  'protest.accelerated_disposition_requested',
  'protest.withdrawn',
  'protest.attachment_added',
  // CBP's review (protest-review.service.ts, protest-deemed-denials.ts).
  'protest.assigned',
  'protest.decided',
  'protest.further_review_decided',
  'protest.deemed_denied',
  // Set-aside of a denial of further review (protest-set-aside.service.ts and its hourly job).
  'protest.set_aside_requested',
  'protest.set_aside_decided',
  'protest.set_aside_deemed_denied',
  // The standard work program and the report of a validation (issue 6, items 4 and 5;
  // validation-findings.service.ts, validation-hours.service.ts, validation-report.service.ts).
  'validation.fieldwork_started',
  'validation.finding_recorded',
  'validation.finding_deleted',
  'validation.hours_recorded',
  'validation.hours_deleted',
  'validation.report_drafted',
  'validation.report_submitted',
  'validation.report_returned',
  'validation.report_issued',
  // Validation planning and scheduling (validation-planning.service.ts,
  // validation-scheduling.service.ts).
  'validation.planned',
  'validation.assigned',
  'validation.scheduled',
  'validation.rescheduled',
  'validation.cancelled',
  // Responses to a validation report's required actions and the closing (issue 6, items 6, 7;
  // validation-responses.service.ts, validation-outcome.service.ts).
  'validation.response_submitted',
  'validation.response_accepted',
  'validation.response_returned',
  'validation.closed',
  // The standard preparation package, generated on demand (issue 6, item 3;
  // validation-package.service.ts).
  'validation.package_generated',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Field names whose values never reach the audit trail, whatever module writes them. */
export const SECRET_FIELD = /password|secret|token|code|hash/i;

export const REDACTED = '[redacted]';

/** A copy of `value` with secret-looking fields replaced by REDACTED, at any depth. */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(redactSecrets);
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [
        key,
        SECRET_FIELD.test(key) ? REDACTED : redactSecrets(inner),
      ]),
    );
  }
  return value;
}

export const AuditEventSchema = z
  .object({
    id: z.number().int(),
    seq: z.number().int(),
    organisationId: z.uuid().nullable(),
    actorUserId: z.uuid().nullable(),
    actorApiTokenId: z.uuid().nullable(),
    actorRole: z.string().nullable(),
    action: z.enum(AUDIT_ACTIONS),
    targetType: z.string(),
    targetId: z.string().nullable(),
    before: z.unknown().nullable(),
    after: z.unknown().nullable(),
    occurredAt: z.iso.datetime(),
    requestId: z.string().nullable(),
    clientAddress: z.string().nullable(),
    hash: z.string(),
  })
  .meta({ id: 'AuditEvent' });
export type AuditEvent = z.infer<typeof AuditEventSchema>;
