/**
 * The account roles of the product (../shared/design/product.md, "Users and roles"). The outside
 * questionnaire respondent is not here: it answers through a one-time link and holds no account.
 * Identity and access (issue 3) attaches roles to accounts and maps each role to permissions.
 */
export const ROLES = [
  'company_officer',
  'company_admin',
  'contributor',
  'consultant',
  'scss',
  'supervisory_scss',
  'program_manager',
  'regulatory_audit',
  'protest_reviewer',
  'metrics_viewer',
  'administrator',
] as const;

export type Role = (typeof ROLES)[number];

/** Which side of the program a role works for. */
export const ROLE_SIDE = {
  company_officer: 'member_company',
  company_admin: 'member_company',
  contributor: 'member_company',
  consultant: 'member_company',
  scss: 'cbp',
  supervisory_scss: 'cbp',
  program_manager: 'cbp',
  regulatory_audit: 'cbp',
  protest_reviewer: 'cbp',
  metrics_viewer: 'coac',
  administrator: 'system',
} as const satisfies Record<Role, 'member_company' | 'cbp' | 'coac' | 'system'>;
