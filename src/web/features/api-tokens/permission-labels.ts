import type { Permission } from '../../../domain/authorization/permissions.ts';

/**
 * The translation key of each permission's description. Permission strings hold colons, which
 * i18next reads as a namespace separator, so they map to keys here (and every permission must
 * have one: the Record type checks it).
 */
export const PERMISSION_LABEL_KEYS = {
  'organisations:read': 'permissionNames.organisations_read',
  'organisations:read:any': 'permissionNames.organisations_read_any',
  'account:manage': 'permissionNames.account_manage',
  'mfa:enrol': 'permissionNames.mfa_enrol',
  'users:read': 'permissionNames.users_read',
  'users:manage': 'permissionNames.users_manage',
  'api_tokens:manage': 'permissionNames.api_tokens_manage',
  'audit:read': 'permissionNames.audit_read',
  'audit:read:any': 'permissionNames.audit_read_any',
  'notifications:read': 'permissionNames.notifications_read',
  'outbox:read:any': 'permissionNames.outbox_read_any',
  'registry:read': 'permissionNames.registry_read',
  'registry:apply': 'permissionNames.registry_apply',
  'registry:submit': 'permissionNames.registry_submit',
  'registry:read:any': 'permissionNames.registry_read_any',
  'registry:review:any': 'permissionNames.registry_review_any',
  'company_profile:manage': 'permissionNames.company_profile_manage',
  'svi:read': 'permissionNames.svi_read',
  'svi:manage': 'permissionNames.svi_manage',
  'pilot:request': 'permissionNames.pilot_request',
  'pilot:manage:any': 'permissionNames.pilot_manage_any',
  'mra:read': 'permissionNames.mra_read',
  'mra:manage:any': 'permissionNames.mra_manage_any',
  'partner_certifications:manage': 'permissionNames.partner_certifications_manage',
  'trade_compliance:manage:any': 'permissionNames.trade_compliance_manage_any',
  'criteria:read': 'permissionNames.criteria_read',
  'criteria:manage:any': 'permissionNames.criteria_manage_any',
  'profile:read': 'permissionNames.profile_read',
  'profile:edit': 'permissionNames.profile_edit',
  'profile:assign': 'permissionNames.profile_assign',
  'profile:submit': 'permissionNames.profile_submit',
  'profile:read:any': 'permissionNames.profile_read_any',
  'profile:review:any': 'permissionNames.profile_review_any',
  'evidence:read': 'permissionNames.evidence_read',
  'evidence:manage': 'permissionNames.evidence_manage',
  'evidence:read:any': 'permissionNames.evidence_read_any',
} as const satisfies Record<Permission, `permissionNames.${string}`>;
