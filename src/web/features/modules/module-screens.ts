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
  | '/cbp/protests/metrics'
  | '/cbp/validations/metrics'
  | '/validations'
  | '/cbp/validations';

export type ScreenLabelKey =
  | 'nav.organisations'
  | 'nav.users'
  | 'nav.apiTokens'
  | 'nav.audit'
  | 'nav.inbox'
  | 'nav.outbox'
  | 'nav.screens.membership'
  | 'nav.screens.svi'
  | 'nav.screens.pilotMember'
  | 'nav.screens.pilotCbp'
  | 'nav.screens.mraPrograms'
  | 'nav.screens.criteria'
  | 'nav.screens.aeoCertifications'
  | 'nav.screens.companyProfile'
  | 'nav.screens.cbpMembers'
  | 'nav.screens.evidence'
  | 'nav.screens.profileVersions'
  | 'nav.screens.profileSubmit'
  | 'nav.screens.profileQueue'
  | 'nav.screens.securityProfile'
  | 'modules.protests.name'
  | 'nav.screens.protestFile'
  | 'nav.screens.protestQueue'
  | 'nav.screens.protestMetrics'
  | 'nav.screens.validationMetrics'
  | 'nav.screens.validations'
  | 'nav.screens.validationPlanning';

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
    { to: '/membership', labelKey: 'nav.screens.membership', permission: 'registry:read' },
    { to: '/company/profile', labelKey: 'nav.screens.companyProfile', permission: 'registry:read' },
    // CBP's first screen of the registry: the work queue over every member.
    { to: '/cbp/members', labelKey: 'nav.screens.cbpMembers', permission: 'registry:read:any' },
    { to: '/organisations', labelKey: 'nav.organisations', permission: 'organisations:read' },
    { to: '/pilot', labelKey: 'nav.screens.pilotMember', permission: 'registry:read' },
    { to: '/cbp/pilot', labelKey: 'nav.screens.pilotCbp', permission: 'pilot:manage:any' },
    { to: '/admin/mra-programs', labelKey: 'nav.screens.mraPrograms', permission: 'mra:read' },
    // Everyone reads the catalog (at its address); the link is for those who publish it.
    { to: '/admin/criteria', labelKey: 'nav.screens.criteria', permission: 'criteria:manage:any' },
  ],
  security_profile: [
    // The company's profile editor first (answers, sections, readiness).
    { to: '/profile', labelKey: 'nav.screens.securityProfile', permission: 'profile:read' },
    // Submission and review (issue 5, item 5): the company's rounds, the officer's submission,
    // CBP's review queue.
    {
      to: '/profile/versions',
      labelKey: 'nav.screens.profileVersions',
      permission: 'profile:read',
    },
    { to: '/profile/submit', labelKey: 'nav.screens.profileSubmit', permission: 'profile:submit' },
    { to: '/cbp/profiles', labelKey: 'nav.screens.profileQueue', permission: 'profile:read:any' },
  ],
  evidence_library: [
    { to: '/evidence', labelKey: 'nav.screens.evidence', permission: 'evidence:read' },
  ],
  protests: [
    // The company's protests first (its filer files from there); CBP's queue and metrics.
    { to: '/protests', labelKey: 'modules.protests.name', permission: 'protest:read' },
    { to: '/protests/new', labelKey: 'nav.screens.protestFile', permission: 'protest:file' },
    { to: '/cbp/protests', labelKey: 'nav.screens.protestQueue', permission: 'protest:read:any' },
    {
      to: '/cbp/protests/metrics',
      labelKey: 'nav.screens.protestMetrics',
      permission: 'protest:metrics:any',
    },
  ],
  validations: [
    // The company's validations first; CBP's planning view (issue 6, items 1 and 2).
    { to: '/validations', labelKey: 'nav.screens.validations', permission: 'validation:read' },
    {
      to: '/cbp/validations',
      labelKey: 'nav.screens.validationPlanning',
      permission: 'validation:read:any',
    },
    // CBP's consistency metrics (issue 6, item 8).
    {
      to: '/cbp/validations/metrics',
      labelKey: 'nav.screens.validationMetrics',
      permission: 'validation:metrics:any',
    },
  ],
  business_partners: [
    { to: '/svi', labelKey: 'nav.screens.svi', permission: 'svi:read' },
    {
      to: '/partners/aeo-certifications',
      labelKey: 'nav.screens.aeoCertifications',
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
