import type { Role } from '../authorization/roles.ts';

/**
 * The product's modules (../shared/design/product.md, "The whole system, by module") as data:
 * which roles work in each, and how far each is built. The web shell's navigation and home page
 * read this list; identity and access (issue 3) supplies the signed-in viewer's roles.
 * Display names and descriptions are translations (web/locales: `modules.<id>.name|summary`).
 */
export const MODULE_IDS = [
  'member_registry',
  'security_profile',
  'evidence_library',
  'business_partners',
  'validations',
  'trade_compliance',
  'protests',
  'benefits_dashboard',
  'notifications',
  'audit_trail',
  'accounts_access',
] as const;

export type ModuleId = (typeof MODULE_IDS)[number];

/**
 * live: usable end to end; partial: some screens work (named in the module's status text);
 * planned: not built yet.
 */
export type ModuleStatus = 'live' | 'partial' | 'planned';

export interface ProductModule {
  id: ModuleId;
  status: ModuleStatus;
  /** Roles whose navigation lists the module. */
  roles: readonly Role[];
  /**
   * Listed for a visitor who is not signed in. None is today: CTPAT membership is not public,
   * so every module needs an account (the home page introduces them all).
   */
  anonymous: boolean;
}

const COMPANY_MANAGERS = ['company_officer', 'company_admin'] as const satisfies readonly Role[];
const COMPANY_EDITORS = [
  ...COMPANY_MANAGERS,
  'contributor',
  'consultant',
] as const satisfies readonly Role[];
const SPECIALISTS = ['scss', 'supervisory_scss'] as const satisfies readonly Role[];

export const MODULES: readonly ProductModule[] = [
  {
    id: 'member_registry',
    status: 'live',
    roles: [...COMPANY_MANAGERS, ...SPECIALISTS, 'program_manager', 'regulatory_audit'],
    anonymous: false,
  },
  {
    id: 'security_profile',
    // Answering (sections, autosave, assignment, comments, readiness, catalog updates),
    // submission and CBP review, annual review cycles, exports (PDF, Word, Excel).
    status: 'live',
    roles: [...COMPANY_EDITORS, ...SPECIALISTS, 'regulatory_audit'],
    anonymous: false,
  },
  {
    id: 'evidence_library',
    // The company's library (upload, checks, links, expiry reminders) and CBP's read-only view
    // of a member's library from the member file.
    status: 'live',
    roles: [...COMPANY_EDITORS, ...SPECIALISTS, 'regulatory_audit'],
    anonymous: false,
  },
  {
    id: 'business_partners',
    // Status verification (SVI) works; the supply-chain map and questionnaires are still to come.
    status: 'partial',
    roles: [...COMPANY_EDITORS, ...SPECIALISTS],
    anonymous: false,
  },
  {
    id: 'validations',
    // Planning and the annual plan, scheduling with written notice, the preparation package,
    // the standard work program with staff hours, the report and its approval, responses to
    // required actions, the outcome in the registry and consistency metrics (issue 6).
    status: 'live',
    roles: [...COMPANY_MANAGERS, ...SPECIALISTS, 'program_manager', 'regulatory_audit'],
    anonymous: false,
  },
  {
    id: 'trade_compliance',
    status: 'planned',
    roles: [...COMPANY_MANAGERS, 'regulatory_audit', 'program_manager'],
    anonymous: false,
  },
  {
    id: 'protests',
    // Filing (with the details spreadsheet) and recording, the clocks, the verified Trade
    // Compliance indicator, amendment, accelerated disposition, withdrawal and set-aside requests
    // for the company; CBP's priority queue, assignment, decisions with the denial notice,
    // further review, set-aside decisions and metrics (issue 7).
    status: 'live',
    roles: [...COMPANY_MANAGERS, 'protest_reviewer', 'program_manager'],
    anonymous: false,
  },
  {
    id: 'benefits_dashboard',
    status: 'planned',
    roles: [...COMPANY_MANAGERS, 'supervisory_scss', 'program_manager', 'metrics_viewer'],
    anonymous: false,
  },
  {
    id: 'notifications',
    status: 'partial',
    roles: [
      ...COMPANY_EDITORS,
      ...SPECIALISTS,
      'program_manager',
      'regulatory_audit',
      'protest_reviewer',
    ],
    anonymous: false,
  },
  {
    id: 'audit_trail',
    status: 'live',
    roles: [...COMPANY_MANAGERS, 'supervisory_scss', 'program_manager', 'regulatory_audit'],
    anonymous: false,
  },
  {
    id: 'accounts_access',
    status: 'live',
    roles: [...COMPANY_MANAGERS, 'supervisory_scss', 'program_manager', 'administrator'],
    anonymous: false,
  },
];

/** Who is looking at the navigation: nobody signed in yet, or an account with its roles. */
export type Viewer = { kind: 'anonymous' } | { kind: 'signed_in'; roles: readonly Role[] };

export const ANONYMOUS_VIEWER: Viewer = { kind: 'anonymous' };

/** The modules a viewer's navigation lists, in product order. */
export function modulesVisibleTo(viewer: Viewer): ProductModule[] {
  if (viewer.kind === 'anonymous') {
    return MODULES.filter((module) => module.anonymous);
  }
  return MODULES.filter((module) => module.roles.some((role) => viewer.roles.includes(role)));
}
