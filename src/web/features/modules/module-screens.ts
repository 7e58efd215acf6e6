import type { Permission } from '../../../domain/authorization/permissions.ts';
import type { ModuleId } from '../../../domain/navigation/modules.ts';

/** The client routes of the modules' screens (typed against the router in router.tsx). */
export type ScreenPath =
  | '/organisations'
  | '/organisation/users'
  | '/organisation/api-tokens'
  | '/audit'
  | '/inbox'
  | '/admin/outbox'
  | '/membership'
  | '/svi'
  | '/pilot'
  | '/cbp/pilot'
  | '/admin/mra-programs'
  | '/admin/criteria'
  | '/partners/aeo-certifications'
  | '/company/profile'
  | '/cbp/members'
  | '/evidence'
  | '/profile/versions'
  | '/profile/submit'
  | '/cbp/profiles'
  | '/profile'
  | '/protests'
  | '/protests/new'
  | '/cbp/protests'
  | '/cbp/protests/metrics';

export type ScreenLabelKey =
  | 'nav.organisations'
  | 'nav.users'
  | 'nav.apiTokens'
  | 'nav.audit'
  | 'nav.inbox'
  | 'nav.outbox'
  | 'registry.nav.membership'
  | 'svi.nav'
  | 'pilot.nav.member'
  | 'pilot.nav.cbp'
  | 'mra.nav.programs'
  | 'criteriaAdmin.nav'
  | 'mra.nav.certifications'
  | 'companyProfile.nav'
  | 'cbpMembers.nav'
  | 'evidence.nav'
  | 'profileReview.nav.versions'
  | 'profileReview.nav.submit'
  | 'profileReview.nav.queue'
  | 'securityProfile.nav.module'
  | 'modules.protests.name'
  | 'protests.nav.file'
  | 'protests.nav.queue'
  | 'protests.nav.metrics';

export interface Screen {
  to: ScreenPath;
  labelKey: ScreenLabelKey;
  /** The permission the screen needs: a signed-in viewer without it does not see the link. */
  permission: Permission;
}

/**
 * The working screens of each module, first one first: the navigation links a module to its
 * first screen the viewer may open and lists the rest under it. Modules absent here have no
 * screen yet.
 */
export const MODULE_SCREENS: Partial<Record<ModuleId, readonly Screen[]>> = {
  member_registry: [
    { to: '/membership', labelKey: 'registry.nav.membership', permission: 'registry:read' },
    { to: '/company/profile', labelKey: 'companyProfile.nav', permission: 'registry:read' },
    // CBP's first screen of the registry: the work queue over every member.
    { to: '/cbp/members', labelKey: 'cbpMembers.nav', permission: 'registry:read:any' },
    { to: '/organisations', labelKey: 'nav.organisations', permission: 'organisations:read' },
    { to: '/pilot', labelKey: 'pilot.nav.member', permission: 'registry:read' },
    { to: '/cbp/pilot', labelKey: 'pilot.nav.cbp', permission: 'pilot:manage:any' },
    { to: '/admin/mra-programs', labelKey: 'mra.nav.programs', permission: 'mra:read' },
    // Everyone reads the catalog (at its address); the link is for those who publish it.
    { to: '/admin/criteria', labelKey: 'criteriaAdmin.nav', permission: 'criteria:manage:any' },
  ],
  security_profile: [
    // The company's profile editor first (answers, sections, readiness).
    { to: '/profile', labelKey: 'securityProfile.nav.module', permission: 'profile:read' },
    // Submission and review (issue 5, item 5): the company's rounds, the officer's submission,
    // CBP's review queue.
    {
      to: '/profile/versions',
      labelKey: 'profileReview.nav.versions',
      permission: 'profile:read',
    },
    { to: '/profile/submit', labelKey: 'profileReview.nav.submit', permission: 'profile:submit' },
    { to: '/cbp/profiles', labelKey: 'profileReview.nav.queue', permission: 'profile:read:any' },
  ],
  evidence_library: [{ to: '/evidence', labelKey: 'evidence.nav', permission: 'evidence:read' }],
  protests: [
    // The company's protests first (its filer files from there); CBP's queue and metrics.
    { to: '/protests', labelKey: 'modules.protests.name', permission: 'protest:read' },
    { to: '/protests/new', labelKey: 'protests.nav.file', permission: 'protest:file' },
    { to: '/cbp/protests', labelKey: 'protests.nav.queue', permission: 'protest:read:any' },
    {
      to: '/cbp/protests/metrics',
      labelKey: 'protests.nav.metrics',
      permission: 'protest:metrics:any',
    },
  ],
  business_partners: [
    { to: '/svi', labelKey: 'svi.nav', permission: 'svi:read' },
    {
      to: '/partners/aeo-certifications',
      labelKey: 'mra.nav.certifications',
      permission: 'registry:read',
    },
  ],
  notifications: [{ to: '/inbox', labelKey: 'nav.inbox', permission: 'notifications:read' }],
  audit_trail: [{ to: '/audit', labelKey: 'nav.audit', permission: 'audit:read' }],
  accounts_access: [
    { to: '/organisation/users', labelKey: 'nav.users', permission: 'users:read' },
    { to: '/organisation/api-tokens', labelKey: 'nav.apiTokens', permission: 'api_tokens:manage' },
    { to: '/admin/outbox', labelKey: 'nav.outbox', permission: 'outbox:read:any' },
  ],
};

/**
 * The screens of a module a viewer may open: for a signed-in viewer those their permissions
 * reach; for a visitor, every screen (each asks them to sign in first).
 */
export function screensFor(
  moduleId: ModuleId,
  permissions: readonly Permission[] | null,
): readonly Screen[] {
  const screens = MODULE_SCREENS[moduleId] ?? [];
  return permissions === null
    ? screens
    : screens.filter((screen) => permissions.includes(screen.permission));
}
