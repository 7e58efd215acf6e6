import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  redirect,
} from '@tanstack/react-router';
import { CbpMembersSearchSchema } from '../features/cbp-members/api/cbp-members-search.ts';
import { OrganisationsSearchSchema } from '../features/organisations/api/organisations-search.ts';
import { SecurityProfileSearchSchema } from '../features/security-profile/security-profile-search.ts';
import { nextPath, pendingStep, sessionQuery } from '../features/session/api/session-api.ts';
import { CbpValidationsSearchSchema } from '../features/validations/validations-search.ts';
import { withFeatureStrings } from '../lib/i18n.ts';
import { requireSignedIn } from './route-access.ts';
import {
  AccessDeniedSearchSchema,
  AuditSearchSchema,
  NextSearchSchema,
  SignInSearchSchema,
  TokenSearchSchema,
} from './route-search.ts';
import { HomePage } from './routes/home-page.tsx';
import { NotFoundPage } from './routes/not-found-page.tsx';
import { AccessDeniedPage, RouteErrorPage, ShellErrorPage } from './routes/route-error-page.tsx';
import { SignInPage } from './routes/sign-in-page.tsx';
import { AppShell } from './shell/app-shell.tsx';

export interface RouterContext {
  queryClient: QueryClient;
}

/**
 * Code-based, fully typed routes. The home and sign-in pages ship in the initial bundle (most
 * visits start there); every other page is a lazily loaded chunk. Pages for signed-in people
 * check the session (and a permission) before they load: see route-access.ts.
 */
const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: AppShell,
  notFoundComponent: NotFoundPage,
  errorComponent: ShellErrorPage,
});

const homeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  component: HomePage,
});

/** Where a page the person's role does not reach sends them (route-access.ts). */
const noAccessRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/no-access',
  validateSearch: AccessDeniedSearchSchema,
  component: AccessDeniedPage,
});

// Sign-in and the public pages that e-mailed links open.

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  validateSearch: SignInSearchSchema,
  beforeLoad: async ({ context, search }) => {
    // Already signed in: on to the pending step, or where the person was going.
    const session = await context.queryClient.ensureQueryData(sessionQuery());
    const step = pendingStep(session);
    if (step === 'verify') {
      throw redirect({ to: '/sign-in/verify', search: { next: search.next } });
    }
    if (step === 'enrol') {
      throw redirect({ to: '/account/security/enrol', search: { next: search.next } });
    }
    if (session.signedIn) {
      throw redirect({ href: nextPath(search.next) });
    }
  },
  component: SignInPage,
});

const verifyRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in/verify',
  validateSearch: NextSearchSchema,
  beforeLoad: async ({ context, search }) => {
    const session = await context.queryClient.ensureQueryData(sessionQuery());
    if (!session.signedIn) {
      throw redirect({ to: '/sign-in', search: { next: search.next } });
    }
    if (pendingStep(session) !== 'verify') {
      throw redirect({ href: nextPath(search.next) });
    }
  },
  component: lazyRouteComponent(
    () => withFeatureStrings(import('./routes/mfa-verify-page.tsx')),
    'MfaVerifyPage',
  ),
});

const forgotPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/forgot-password',
  component: lazyRouteComponent(
    () => withFeatureStrings(import('./routes/forgot-password-page.tsx')),
    'ForgotPasswordPage',
  ),
});

const resetPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reset-password',
  validateSearch: TokenSearchSchema,
  component: lazyRouteComponent(
    () => withFeatureStrings(import('./routes/reset-password-page.tsx')),
    'ResetPasswordPage',
  ),
});

const acceptInvitationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/invitations/accept',
  validateSearch: TokenSearchSchema,
  component: lazyRouteComponent(
    () => withFeatureStrings(import('./routes/accept-invitation-page.tsx')),
    'AcceptInvitationPage',
  ),
});

/** The link in the e-mail sent to a new address (accounts.service: /account/confirm-email). */
const confirmEmailRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/account/confirm-email',
  validateSearch: TokenSearchSchema,
  component: lazyRouteComponent(
    () => withFeatureStrings(import('./routes/confirm-email-page.tsx')),
    'ConfirmEmailPage',
  ),
});

/** The same page under the API's own path shape (/account/email/confirm). */
const confirmEmailAliasRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/account/email/confirm',
  validateSearch: TokenSearchSchema,
  beforeLoad: ({ search }) => {
    throw redirect({ to: '/account/confirm-email', search: { token: search.token } });
  },
});

// The signed-in person's own account.

const accountRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/account',
  beforeLoad: (input) => requireSignedIn(input, 'account:manage'),
  component: lazyRouteComponent(
    () => withFeatureStrings(import('./routes/account-page.tsx')),
    'AccountPage',
  ),
});

const accountSecurityRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/account/security',
  beforeLoad: (input) => requireSignedIn(input, 'account:manage'),
  component: lazyRouteComponent(
    () => withFeatureStrings(import('./routes/account-security-page.tsx')),
    'AccountSecurityPage',
  ),
});

const mfaEnrolRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/account/security/enrol',
  validateSearch: NextSearchSchema,
  beforeLoad: (input) => requireSignedIn(input, 'mfa:enrol'),
  component: lazyRouteComponent(
    () => withFeatureStrings(import('./routes/mfa-enrol-page.tsx')),
    'MfaEnrolPage',
  ),
});

const accountSessionsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/account/sessions',
  beforeLoad: (input) => requireSignedIn(input, 'account:manage'),
  component: lazyRouteComponent(
    () => withFeatureStrings(import('./routes/account-sessions-page.tsx')),
    'AccountSessionsPage',
  ),
});

const inboxRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/inbox',
  beforeLoad: (input) => requireSignedIn(input, 'notifications:read'),
  component: lazyRouteComponent(
    () => withFeatureStrings(import('./routes/inbox-page.tsx')),
    'InboxPage',
  ),
});

// The organisation the session acts for, and the agency-wide views.

const organisationsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/organisations',
  validateSearch: OrganisationsSearchSchema,
  beforeLoad: (input) => requireSignedIn(input, 'organisations:read'),
  component: lazyRouteComponent(
    () => withFeatureStrings(import('./routes/organisations-page.tsx')),
    'OrganisationsPage',
  ),
});

const organisationUsersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/organisation/users',
  beforeLoad: (input) => requireSignedIn(input, 'users:read'),
  component: lazyRouteComponent(
    () => withFeatureStrings(import('./routes/organisation-users-page.tsx')),
    'OrganisationUsersPage',
  ),
});

const apiTokensRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/organisation/api-tokens',
  beforeLoad: (input) => requireSignedIn(input, 'api_tokens:manage'),
  component: lazyRouteComponent(
    () => withFeatureStrings(import('./routes/api-tokens-page.tsx')),
    'ApiTokensPage',
  ),
});

const auditRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/audit',
  validateSearch: AuditSearchSchema,
  beforeLoad: (input) => requireSignedIn(input, 'audit:read'),
  component: lazyRouteComponent(
    () => withFeatureStrings(import('./routes/audit-page.tsx')),
    'AuditPage',
  ),
});

const outboxRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/outbox',
  beforeLoad: (input) => requireSignedIn(input, 'outbox:read:any'),
  component: lazyRouteComponent(
    () => withFeatureStrings(import('./routes/outbox-page.tsx')),
    'OutboxPage',
  ),
});

// The member registry: the company's own membership and application, a member's file for CBP.

const membershipRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/membership',
  beforeLoad: (input) => requireSignedIn(input, 'registry:read'),
  component: lazyRouteComponent(
    () => withFeatureStrings(import('./routes/membership-page.tsx')),
    'MembershipPage',
  ),
});

const membershipApplyRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/membership/apply',
  beforeLoad: (input) => requireSignedIn(input, 'registry:apply'),
  component: lazyRouteComponent(
    () => withFeatureStrings(import('./routes/membership-apply-page.tsx')),
    'MembershipApplyPage',
  ),
});

/** The company's profile: other names, history, addresses and contacts (issue 4, item 4). */
const companyProfileRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/company/profile',
  beforeLoad: (input) => requireSignedIn(input, 'registry:read'),
  component: lazyRouteComponent(
    () => withFeatureStrings(import('./routes/company-profile-page.tsx')),
    'CompanyProfilePage',
  ),
});

/** The CBP work queue: every member, filtered and sorted from the address (issue 4, items 7, 10). */
const cbpMembersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/cbp/members',
  validateSearch: CbpMembersSearchSchema,
  beforeLoad: (input) => requireSignedIn(input, 'registry:read:any'),
  component: lazyRouteComponent(
    () => withFeatureStrings(import('./routes/cbp-members-page.tsx')),
    'CbpMembersPage',
  ),
});

const cbpMemberFileRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/cbp/members/$organisationId',
  beforeLoad: (input) => requireSignedIn(input, 'registry:read:any'),
  component: lazyRouteComponent(
    () => withFeatureStrings(import('./routes/cbp-member-file-page.tsx')),
    'CbpMemberFilePage',
  ),
});

/** A member company's evidence library, read-only for CBP (issue 5, item 4). */
const cbpMemberEvidenceRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/cbp/members/$organisationId/evidence',
  beforeLoad: (input) => requireSignedIn(input, 'evidence:read:any'),
  component: lazyRouteComponent(
    () => withFeatureStrings(import('./routes/cbp-member-evidence-page.tsx')),
    'CbpMemberEvidencePage',
  ),
});

/** Status verification (SVI): the company's participation, connections and partners' status. */
const sviRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/svi',
  beforeLoad: (input) => requireSignedIn(input, 'svi:read'),
  component: lazyRouteComponent(
    () => withFeatureStrings(import('./routes/svi-page.tsx')),
    'SviPage',
  ),
});

// The 3PL pilot (member and CBP), MRA partner programs, partners' AEO certifications.

const pilotRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/pilot',
  beforeLoad: (input) => requireSignedIn(input, 'registry:read'),
  component: lazyRouteComponent(
    () => withFeatureStrings(import('./routes/pilot-page.tsx')),
    'PilotPage',
  ),
});

const cbpPilotRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/cbp/pilot',
  beforeLoad: (input) => requireSignedIn(input, 'pilot:manage:any'),
  component: lazyRouteComponent(
    () => withFeatureStrings(import('./routes/cbp-pilot-page.tsx')),
    'CbpPilotPage',
  ),
});

const mraProgramsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/mra-programs',
  beforeLoad: (input) => requireSignedIn(input, 'mra:read'),
  component: lazyRouteComponent(
    () => withFeatureStrings(import('./routes/mra-programs-page.tsx')),
    'MraProgramsPage',
  ),
});

/** Criteria catalog versions: program managers import and publish; everyone may read. */
const criteriaCatalogRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/criteria',
  beforeLoad: (input) => requireSignedIn(input, 'criteria:read'),
  component: lazyRouteComponent(
    () => withFeatureStrings(import('./routes/criteria-catalog-page.tsx')),
    'CriteriaCatalogPage',
  ),
});

const criteriaVersionRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/criteria/$versionId',
  beforeLoad: (input) => requireSignedIn(input, 'criteria:read'),
  component: lazyRouteComponent(
    () => withFeatureStrings(import('./routes/criteria-version-page.tsx')),
    'CriteriaVersionPage',
  ),
});

const partnerCertificationsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/partners/aeo-certifications',
  beforeLoad: (input) => requireSignedIn(input, 'registry:read'),
  component: lazyRouteComponent(
    () => withFeatureStrings(import('./routes/partner-certifications-page.tsx')),
    'PartnerCertificationsPage',
  ),
});

/** The company's Security Profile: sections by category, answers, progress and readiness. */
const securityProfileRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/profile',
  validateSearch: SecurityProfileSearchSchema,
  beforeLoad: (input) => requireSignedIn(input, 'profile:read'),
  component: lazyRouteComponent(
    () => withFeatureStrings(import('./routes/security-profile-page.tsx')),
    'SecurityProfilePage',
  ),
});

// Security Profile submission and CBP review (issue 5, item 5).

const profileSubmitRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/profile/submit',
  beforeLoad: (input) => requireSignedIn(input, 'profile:read'),
  component: lazyRouteComponent(
    () => withFeatureStrings(import('./routes/profile-submit-page.tsx')),
    'ProfileSubmitPage',
  ),
});

const profileVersionsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/profile/versions',
  beforeLoad: (input) => requireSignedIn(input, 'profile:read'),
  component: lazyRouteComponent(
    () => withFeatureStrings(import('./routes/profile-versions-page.tsx')),
    'ProfileVersionsPage',
  ),
});

const profileVersionRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/profile/versions/$versionId',
  beforeLoad: (input) => requireSignedIn(input, 'profile:read'),
  component: lazyRouteComponent(
    () => withFeatureStrings(import('./routes/profile-version-page.tsx')),
    'ProfileVersionPage',
  ),
});

const cbpProfilesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/cbp/profiles',
  beforeLoad: (input) => requireSignedIn(input, 'profile:read:any'),
  component: lazyRouteComponent(
    () => withFeatureStrings(import('./routes/cbp-profiles-page.tsx')),
    'CbpProfilesPage',
  ),
});

const cbpProfileReviewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/cbp/profiles/$versionId',
  beforeLoad: (input) => requireSignedIn(input, 'profile:read:any'),
  component: lazyRouteComponent(
    () => withFeatureStrings(import('./routes/cbp-profile-review-page.tsx')),
    'CbpProfileReviewPage',
  ),
});

/** The company's evidence library and one document (issue 5, item 4). */
const evidenceRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/evidence',
  beforeLoad: (input) => requireSignedIn(input, 'evidence:read'),
  component: lazyRouteComponent(
    () => withFeatureStrings(import('./routes/evidence-page.tsx')),
    'EvidencePage',
  ),
});

const evidenceDetailRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/evidence/$evidenceId',
  beforeLoad: (input) => requireSignedIn(input, 'evidence:read'),
  component: lazyRouteComponent(
    () => withFeatureStrings(import('./routes/evidence-detail-page.tsx')),
    'EvidenceDetailPage',
  ),
});

// Protests (issue 7): the company's protests and filing; CBP's review queue and metrics.

const protestsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/protests',
  beforeLoad: (input) => requireSignedIn(input, 'protest:read'),
  component: lazyRouteComponent(
    () => withFeatureStrings(import('./routes/protests-page.tsx')),
    'ProtestsPage',
  ),
});

const protestNewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/protests/new',
  beforeLoad: (input) => requireSignedIn(input, 'protest:file'),
  component: lazyRouteComponent(
    () => withFeatureStrings(import('./routes/protest-new-page.tsx')),
    'ProtestNewPage',
  ),
});

const protestRecordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/protests/record',
  beforeLoad: (input) => requireSignedIn(input, 'protest:file'),
  component: lazyRouteComponent(
    () => withFeatureStrings(import('./routes/protest-record-page.tsx')),
    'ProtestRecordPage',
  ),
});

const protestRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/protests/$protestId',
  // `filed`: arriving from the filing form (the page confirms it and shows the next step).
  validateSearch: (search: Record<string, unknown>): { filed?: true } =>
    search.filed === true || search.filed === 'true' ? { filed: true } : {},
  beforeLoad: (input) => requireSignedIn(input, 'protest:read'),
  component: lazyRouteComponent(
    () => withFeatureStrings(import('./routes/protest-page.tsx')),
    'ProtestPage',
  ),
});

const cbpProtestsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/cbp/protests',
  beforeLoad: (input) => requireSignedIn(input, 'protest:read:any'),
  component: lazyRouteComponent(
    () => withFeatureStrings(import('./routes/cbp-protests-page.tsx')),
    'CbpProtestsPage',
  ),
});

const cbpProtestMetricsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/cbp/protests/metrics',
  beforeLoad: (input) => requireSignedIn(input, 'protest:metrics:any'),
  component: lazyRouteComponent(
    () => withFeatureStrings(import('./routes/cbp-protest-metrics-page.tsx')),
    'CbpProtestMetricsPage',
  ),
});

const cbpProtestRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/cbp/protests/$protestId',
  beforeLoad: (input) => requireSignedIn(input, 'protest:read:any'),
  component: lazyRouteComponent(
    () => withFeatureStrings(import('./routes/cbp-protest-page.tsx')),
    'CbpProtestPage',
  ),
});

// Validations (issue 6, item 8): CBP's consistency metrics.

const cbpValidationMetricsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/cbp/validations/metrics',
  beforeLoad: (input) => requireSignedIn(input, 'validation:metrics:any'),
  component: lazyRouteComponent(
    () => withFeatureStrings(import('./routes/cbp-validation-metrics-page.tsx')),
    'CbpValidationMetricsPage',
  ),
});

// The standard work program, staff hours and report of a validation (issue 6, items 4 and 5).
const cbpValidationWorkRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/cbp/validations/$validationId/work-program',
  beforeLoad: (input) => requireSignedIn(input, 'validation:read:any'),
  component: lazyRouteComponent(
    () => withFeatureStrings(import('./routes/cbp-validation-work-page.tsx')),
    'CbpValidationWorkPage',
  ),
});

// Validations (issue 6, items 1 and 2): CBP's planning and one validation; the company's.

const cbpValidationsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/cbp/validations',
  validateSearch: CbpValidationsSearchSchema,
  beforeLoad: (input) => requireSignedIn(input, 'validation:read:any'),
  component: lazyRouteComponent(
    () => withFeatureStrings(import('./routes/cbp-validations-page.tsx')),
    'CbpValidationsPage',
  ),
});

const cbpValidationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/cbp/validations/$validationId',
  beforeLoad: (input) => requireSignedIn(input, 'validation:read:any'),
  component: lazyRouteComponent(
    () => withFeatureStrings(import('./routes/cbp-validation-page.tsx')),
    'CbpValidationPage',
  ),
});

const validationsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/validations',
  beforeLoad: (input) => requireSignedIn(input, 'validation:read'),
  component: lazyRouteComponent(
    () => withFeatureStrings(import('./routes/validations-page.tsx')),
    'ValidationsPage',
  ),
});

const validationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/validations/$validationId',
  beforeLoad: (input) => requireSignedIn(input, 'validation:read'),
  component: lazyRouteComponent(
    () => withFeatureStrings(import('./routes/validation-page.tsx')),
    'ValidationPage',
  ),
});

const routeTree = rootRoute.addChildren([
  homeRoute,
  noAccessRoute,
  signInRoute,
  verifyRoute,
  forgotPasswordRoute,
  resetPasswordRoute,
  acceptInvitationRoute,
  confirmEmailRoute,
  confirmEmailAliasRoute,
  accountRoute,
  accountSecurityRoute,
  mfaEnrolRoute,
  accountSessionsRoute,
  inboxRoute,
  organisationsRoute,
  organisationUsersRoute,
  apiTokensRoute,
  auditRoute,
  outboxRoute,
  pilotRoute,
  cbpPilotRoute,
  mraProgramsRoute,
  criteriaCatalogRoute,
  criteriaVersionRoute,
  partnerCertificationsRoute,
  sviRoute,
  membershipRoute,
  membershipApplyRoute,
  cbpMembersRoute,
  cbpMemberFileRoute,
  cbpMemberEvidenceRoute,
  companyProfileRoute,
  evidenceRoute,
  evidenceDetailRoute,
  securityProfileRoute,
  profileSubmitRoute,
  profileVersionsRoute,
  profileVersionRoute,
  cbpProfilesRoute,
  cbpProfileReviewRoute,
  protestsRoute,
  protestNewRoute,
  protestRecordRoute,
  protestRoute,
  cbpProtestsRoute,
  cbpProtestMetricsRoute,
  cbpProtestRoute,
  cbpValidationMetricsRoute,
  cbpValidationsRoute,
  cbpValidationRoute,
  validationsRoute,
  validationRoute,
  cbpValidationWorkRoute,
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultErrorComponent: RouteErrorPage,
    defaultPreload: 'intent',
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
