import type { Role } from '../../domain/authorization/roles.ts';

/**
 * Demo sign-ins, one per role (README "Demo accounts"). Every account has DEMO_PASSWORD; the
 * roles that must use two-step verification are enrolled with DEMO_TOTP_SECRET, whose current
 * code `npx ctpat demo totp` prints. Demo use only: seeding them is refused in production.
 */
export const DEMO_PASSWORD = 'trusted-trader-demo-2026';

/** Base32 TOTP secret shared by the demo accounts that need MFA. Public on purpose. */
export const DEMO_TOTP_SECRET = 'J5YGK3SDKRIECVBAMRSW23ZAN5XGY6JB';

export interface DemoAccount {
  key: string;
  email: string;
  displayName: string;
  preferredLanguage: 'en' | 'es';
  /** Memberships by demo organisation key (src/server/seed/demo-organisations.ts). */
  memberships: ReadonlyArray<{ organisation: string; role: Role }>;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    key: 'user/officer-great-lakes',
    email: 'officer@greatlakes.example.com',
    displayName: 'Dana Whitfield',
    preferredLanguage: 'en',
    memberships: [{ organisation: 'member/great-lakes-home-goods', role: 'company_officer' }],
  },
  {
    key: 'user/admin-great-lakes',
    email: 'admin@greatlakes.example.com',
    displayName: 'Marcus Bell',
    preferredLanguage: 'en',
    memberships: [{ organisation: 'member/great-lakes-home-goods', role: 'company_admin' }],
  },
  {
    key: 'user/contributor-great-lakes',
    email: 'contributor@greatlakes.example.com',
    displayName: 'Priya Raman',
    preferredLanguage: 'en',
    memberships: [{ organisation: 'member/great-lakes-home-goods', role: 'contributor' }],
  },
  {
    key: 'user/consultant',
    email: 'consultant@securechain.example.com',
    displayName: 'Elena Ortiz (SecureChain Advisors)',
    preferredLanguage: 'en',
    memberships: [
      { organisation: 'member/great-lakes-home-goods', role: 'consultant' },
      { organisation: 'member/cascadia-outdoor-supply', role: 'consultant' },
    ],
  },
  {
    key: 'user/officer-transportes-del-norte',
    email: 'oficial@tnf.example.com',
    displayName: 'Luis Garza Treviño',
    preferredLanguage: 'es',
    memberships: [{ organisation: 'member/transportes-del-norte', role: 'company_officer' }],
  },
  {
    key: 'user/scss-houston',
    email: 'scss@cbp.example.gov',
    displayName: 'Angela Moreno (SCSS)',
    preferredLanguage: 'en',
    memberships: [{ organisation: 'cbp/field-office-houston', role: 'scss' }],
  },
  {
    key: 'user/supervisor-houston',
    email: 'supervisor@cbp.example.gov',
    displayName: 'Robert Chen (Supervisory SCSS)',
    preferredLanguage: 'en',
    memberships: [{ organisation: 'cbp/field-office-houston', role: 'supervisory_scss' }],
  },
  {
    key: 'user/program-manager',
    email: 'program.manager@cbp.example.gov',
    displayName: 'Karen Adeyemi (Program Manager)',
    preferredLanguage: 'en',
    memberships: [{ organisation: 'cbp/ctpat-headquarters', role: 'program_manager' }],
  },
  {
    key: 'user/regulatory-audit',
    email: 'regulatory.audit@cbp.example.gov',
    displayName: 'Thomas Reyes (Regulatory Audit)',
    preferredLanguage: 'en',
    memberships: [{ organisation: 'cbp/ctpat-headquarters', role: 'regulatory_audit' }],
  },
  {
    key: 'user/protest-reviewer',
    email: 'protest.reviewer@cbp.example.gov',
    displayName: 'Sofia Lindqvist (Protest Reviewer)',
    preferredLanguage: 'en',
    memberships: [{ organisation: 'cbp/ctpat-headquarters', role: 'protest_reviewer' }],
  },
  {
    key: 'user/metrics-viewer',
    email: 'metrics@coac.example.org',
    displayName: 'James Okafor (COAC analyst)',
    preferredLanguage: 'en',
    memberships: [{ organisation: 'cbp/ctpat-headquarters', role: 'metrics_viewer' }],
  },
  {
    key: 'user/administrator',
    email: 'administrator@cbp.example.gov',
    displayName: 'System Administrator',
    preferredLanguage: 'en',
    memberships: [{ organisation: 'cbp/ctpat-headquarters', role: 'administrator' }],
  },
];
