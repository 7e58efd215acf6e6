import type { OrganisationKind } from '../organisations/organisation.schema.ts';
import type { Role } from './roles.ts';

/**
 * Permission strings read `module:action[:any]` (codebase-models.md §3). Without `:any` a
 * permission reaches only the actor's own organisation (tenant); `:any` reaches across tenants
 * and is held only by CBP roles. Routes require one (check 1), services assert the record
 * (check 2), repositories scope every query to the tenant (check 3).
 */
export const PERMISSIONS = [
  'organisations:read',
  'organisations:read:any',
  'account:manage',
  'mfa:enrol',
  'users:read',
  'users:manage',
  'api_tokens:manage',
  'audit:read',
  'audit:read:any',
  'notifications:read',
  'outbox:read:any',
  'registry:read',
  'registry:apply',
  'registry:submit',
  'registry:read:any',
  'registry:review:any',
  'company_profile:manage',
  'svi:read',
  'svi:manage',
  'pilot:request',
  'pilot:manage:any',
  'mra:read',
  'mra:manage:any',
  'partner_certifications:manage',
  'trade_compliance:manage:any',
  'criteria:read',
  'criteria:manage:any',
  'profile:read',
  'profile:edit',
  'profile:assign',
  'profile:submit',
  'profile:read:any',
  'profile:review:any',
  'evidence:read',
  'evidence:manage',
  'evidence:read:any',
  'protest:read',
  'protest:file',
  'protest:read:any',
  'protest:review:any',
  'protest:metrics:any',
  'validation:read',
  'validation:respond',
  'validation:read:any',
  'validation:conduct:any',
  'validation:plan:any',
  'validation:approve:any',
  'validation:metrics:any',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const SIGNED_IN: readonly Permission[] = [
  'account:manage',
  'mfa:enrol',
  'notifications:read',
  'organisations:read',
  'mra:read',
  // The criteria catalog is what every member answers against: everyone signed in reads it.
  'criteria:read',
];
const ORGANISATION_MANAGER: readonly Permission[] = [
  ...SIGNED_IN,
  'registry:read',
  'registry:apply',
  'company_profile:manage',
  'svi:read',
  'svi:manage',
  'partner_certifications:manage',
  // The Security Profile and its evidence (issue 5): admins prepare, only the officer submits.
  'profile:read',
  'profile:edit',
  'profile:assign',
  'evidence:read',
  'evidence:manage',
  'users:read',
  'users:manage',
  'api_tokens:manage',
  'audit:read',
  // Validations (issue 6): the company follows its validations, downloads the preparation
  // package and answers required actions.
  'validation:read',
  'validation:respond',
];
const CBP_STAFF: readonly Permission[] = [...SIGNED_IN, 'users:read', 'organisations:read:any'];
/**
 * CBP roles that work member files: read any file and make the lifecycle transitions. Which
 * transition each role may make is the domain's table (membership-transitions.ts), checked by
 * the registry service.
 */
const REGISTRY_REVIEWER: readonly Permission[] = [
  'registry:read:any',
  'registry:review:any',
  'profile:read:any',
  'profile:review:any',
  'evidence:read:any',
  'validation:read:any',
];
/**
 * Validations (issue 6): specialists conduct the ones assigned to them (the service checks the
 * assignment); supervisory specialists plan, assign and approve reports ("assigns work",
 * "approves validation reports": membership-transitions.ts); program managers plan and measure.
 */
const VALIDATION_SPECIALIST: readonly Permission[] = ['validation:conduct:any'];
const VALIDATION_SUPERVISOR: readonly Permission[] = [
  'validation:conduct:any',
  'validation:plan:any',
  'validation:approve:any',
  'validation:metrics:any',
];
/**
 * Contributors and consultants edit the profile sections assigned to them and upload evidence
 * (product.md, "Users and roles"); the service checks the assignment (check 2).
 */
const PROFILE_CONTRIBUTOR: readonly Permission[] = [
  'profile:read',
  'profile:edit',
  'evidence:read',
  'evidence:manage',
];
/** Filing protests for the company and following them (issue 7): its people and its brokers. */
const PROTEST_FILER: readonly Permission[] = ['protest:read', 'protest:file'];

/**
 * The role → permission map (product.md, "Users and roles"). Later modules add their
 * permissions here; the web app reads the same map only to hide controls.
 */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  // Only the officer signs the partner agreement for the company (ctpat-program.md §3.1).
  // The officer also commits the company to the 3PL pilot (a request on its behalf).
  company_officer: [
    ...ORGANISATION_MANAGER,
    ...PROTEST_FILER,
    'registry:submit',
    'pilot:request',
    'profile:submit',
  ],
  company_admin: [...ORGANISATION_MANAGER, ...PROTEST_FILER],
  // Contributors help with business-partner vetting: they see SVI partners and record AEO
  // certifications, but do not consent for the company.
  contributor: [
    ...SIGNED_IN,
    'users:read',
    'registry:read',
    'svi:read',
    'partner_certifications:manage',
    ...PROFILE_CONTRIBUTOR,
  ],
  // Like a contributor, for an outside consultant (always shown as such).
  consultant: [...SIGNED_IN, 'users:read', 'registry:read', ...PROFILE_CONTRIBUTOR],
  scss: [...CBP_STAFF, ...REGISTRY_REVIEWER, ...VALIDATION_SPECIALIST],
  supervisory_scss: [
    ...CBP_STAFF,
    ...REGISTRY_REVIEWER,
    ...VALIDATION_SUPERVISOR,
    'users:manage',
    'audit:read',
    'audit:read:any',
  ],
  program_manager: [
    ...CBP_STAFF,
    ...REGISTRY_REVIEWER,
    'users:manage',
    'api_tokens:manage',
    'audit:read',
    'audit:read:any',
    'pilot:manage:any',
    'mra:manage:any',
    'trade_compliance:manage:any',
    // Program managers import and publish criteria catalog versions (issue 5, item 1).
    'criteria:manage:any',
    // Program managers follow protests and their review times (issue 7), without deciding.
    'protest:read:any',
    'protest:metrics:any',
    // The annual revalidation plan and the consistency of validations (issue 6, items 1, 8).
    'validation:plan:any',
    'validation:metrics:any',
  ],
  // Read-only access to member files, profiles and their evidence (product.md).
  regulatory_audit: [
    ...CBP_STAFF,
    'registry:read:any',
    'profile:read:any',
    'evidence:read:any',
    'validation:read:any',
    'audit:read',
    'audit:read:any',
  ],
  // The protest review queue, decisions and metrics (issue 7, items 4, 5 and 7).
  protest_reviewer: [...CBP_STAFF, 'protest:read:any', 'protest:review:any', 'protest:metrics:any'],
  // The metrics viewer sees aggregate, de-identified metrics only: no member identities.
  metrics_viewer: ['account:manage', 'mfa:enrol', 'notifications:read', 'mra:read'],
  // Configuration, not member content (break-glass access is a later, audited feature).
  administrator: [
    ...SIGNED_IN,
    'users:read',
    'users:manage',
    'api_tokens:manage',
    'outbox:read:any',
    // MRA partner programs are reference data the administrator maintains (issue 4, item 9).
    'mra:manage:any',
  ],
};

/** Roles an organisation of each kind can give its members. */
export const ROLES_BY_ORGANISATION_KIND: Readonly<Record<OrganisationKind, readonly Role[]>> = {
  member_company: ['company_officer', 'company_admin', 'contributor', 'consultant'],
  cbp_office: [
    'scss',
    'supervisory_scss',
    'program_manager',
    'regulatory_audit',
    'protest_reviewer',
    'metrics_viewer',
    'administrator',
  ],
};

/**
 * Roles that cannot reach anything but MFA enrolment until a second factor is set up
 * (issue 3: company officers and every CBP role; the administrator too).
 */
export const MFA_REQUIRED_ROLES: ReadonlySet<Role> = new Set<Role>([
  'company_officer',
  'scss',
  'supervisory_scss',
  'program_manager',
  'regulatory_audit',
  'protest_reviewer',
  'administrator',
]);

/**
 * Where a signed-in user stands with the second factor in this session:
 * - not_required: no authenticator and the role does not demand one;
 * - verified: the code was checked in this session;
 * - verification_required: an authenticator exists and this session has not checked a code;
 * - enrolment_required: the role demands MFA and the user has no authenticator yet.
 */
export type MfaState = 'not_required' | 'verified' | 'verification_required' | 'enrolment_required';

export function mfaStateOf(options: {
  role: Role | null;
  hasAuthenticator: boolean;
  verifiedInSession: boolean;
}): MfaState {
  if (options.hasAuthenticator) {
    return options.verifiedInSession ? 'verified' : 'verification_required';
  }
  return options.role && MFA_REQUIRED_ROLES.has(options.role)
    ? 'enrolment_required'
    : 'not_required';
}

/** A user with no membership yet (e.g. just removed) may still manage their own account. */
const WITHOUT_ORGANISATION: readonly Permission[] = [
  'account:manage',
  'mfa:enrol',
  'notifications:read',
];

/**
 * What a signed-in user may do: their role's permissions once MFA is settled; while enrolment
 * is required, only enrolment; while a code is awaited, nothing (the verify and sign-out
 * routes are open to any session).
 */
export function permissionsFor(role: Role | null, mfa: MfaState): ReadonlySet<Permission> {
  if (mfa === 'verification_required') {
    return new Set();
  }
  if (mfa === 'enrolment_required') {
    return new Set<Permission>(['mfa:enrol']);
  }
  return new Set(role ? ROLE_PERMISSIONS[role] : WITHOUT_ORGANISATION);
}

/** Who is acting: nobody, a signed-in user in one organisation, or an API token. */
export type Actor =
  | { kind: 'anonymous'; permissions: ReadonlySet<Permission> }
  | {
      kind: 'user';
      userId: string;
      sessionId: string;
      organisationId: string | null;
      role: Role | null;
      mfa: MfaState;
      permissions: ReadonlySet<Permission>;
    }
  | {
      kind: 'api_token';
      tokenId: string;
      organisationId: string;
      permissions: ReadonlySet<Permission>;
    }
  /**
   * Someone at the server's console running a `ctpat` command (e.g. `ctpat catalog import`):
   * whoever can run the command can already reach the database, so the command holds exactly
   * the permissions it needs; the audit trail records the actor as `operator`.
   */
  | { kind: 'operator'; command: string; permissions: ReadonlySet<Permission> };

/**
 * An anonymous visitor holds no permission: every API route except the reviewed public ones
 * (sign-in, password reset, invitation acceptance) needs an account. CTPAT membership is not
 * public information (status verification is consent-based), so not even the directory is open.
 */
export function anonymousActor(): Actor {
  return { kind: 'anonymous', permissions: new Set() };
}

export function hasPermission(actor: Actor, permission: Permission): boolean {
  return actor.permissions.has(permission);
}

/** The organisation an actor acts for, or null (anonymous, or a user with no membership yet). */
export function actorOrganisationId(actor: Actor): string | null {
  return actor.kind === 'anonymous' || actor.kind === 'operator' ? null : actor.organisationId;
}
