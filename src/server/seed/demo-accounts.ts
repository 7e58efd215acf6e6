import type { Role } from '../../domain/authorization/roles.ts';

/**
 * Demo sign-ins, one per role, and an officer for each demo CTPAT member (README "Demo
 * accounts"). Every account has DEMO_PASSWORD; the
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
  // The officers of the member companies with a demo CTPAT membership past the draft
  // (demo-registry.ts): the primary contact of an application must be a company officer with
  // an account, and each can sign in to see its company's membership.
  {
    key: 'user/officer-autotransportes-bajio',
    email: 'oficial@bajio.example.com',
    displayName: 'Mariana Olvera Cázares',
    preferredLanguage: 'es',
    memberships: [{ organisation: 'member/autotransportes-bajio', role: 'company_officer' }],
  },
  {
    key: 'user/officer-pacific-crescent-lines',
    email: 'officer@pcl.example.com',
    displayName: 'Tan Wei Ling',
    preferredLanguage: 'en',
    memberships: [{ organisation: 'member/pacific-crescent-lines', role: 'company_officer' }],
  },
  {
    key: 'user/officer-gulf-coast-terminal-partners',
    email: 'officer@gulfcoastterminal.example.com',
    displayName: 'Beau Thibodeaux',
    preferredLanguage: 'en',
    memberships: [{ organisation: 'member/gulf-coast-terminal-partners', role: 'company_officer' }],
  },
  {
    key: 'user/officer-manufacturas-electronicas-juarez',
    email: 'oficial@mej.example.com',
    displayName: 'Ricardo Salazar Ochoa',
    preferredLanguage: 'es',
    memberships: [
      { organisation: 'member/manufacturas-electronicas-juarez', role: 'company_officer' },
    ],
  },
  {
    key: 'user/officer-rio-bravo-customs-brokerage',
    email: 'officer@riobravobrokerage.example.com',
    displayName: 'Carmen Villarreal',
    preferredLanguage: 'en',
    memberships: [{ organisation: 'member/rio-bravo-customs-brokerage', role: 'company_officer' }],
  },
  {
    key: 'user/officer-harborview-apparel-group',
    email: 'officer@harborview.example.com',
    displayName: 'Naomi Feldman',
    preferredLanguage: 'en',
    memberships: [{ organisation: 'member/harborview-apparel-group', role: 'company_officer' }],
  },
  {
    key: 'user/officer-ontario-precision-castings',
    email: 'officer@ontariocastings.example.com',
    displayName: 'Graham MacLeod',
    preferredLanguage: 'en',
    memberships: [{ organisation: 'member/ontario-precision-castings', role: 'company_officer' }],
  },
  {
    key: 'user/officer-skyway-cargo-airlines',
    email: 'officer@skywaycargo.example.com',
    displayName: 'Tasha Brooks',
    preferredLanguage: 'en',
    memberships: [{ organisation: 'member/skyway-cargo-airlines', role: 'company_officer' }],
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
