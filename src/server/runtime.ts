import type { Config } from './config.ts';
import type { Keys } from './security/secret-key.ts';

/**
 * Deployment settings that services need (not request data): derived keys, session limits,
 * the public address for links in e-mails, mail settings. Built once at start-up.
 */
export interface Runtime {
  keys: Keys;
  session: Config['session'];
  publicUrl: string;
  mail: Config['mail'];
  /** OpenID Connect sign-in settings; null when the deployment has none. */
  oidc: Config['oidc'];
  /** The 3PL pilot's dates and caps (PILOT_3PL_*; the registry's pilot service reads them). */
  pilot: Config['pilot'];
  /** Provisional membership periods (MEMBERSHIP_*; the registry's clocks and transitions). */
  membershipClocks: Config['membershipClocks'];
  /** Days to answer a validation report's required actions (VALIDATION_RESPONSE_DAYS). */
  validationResponseDays: Config['validationResponseDays'];
  /** Minimum written notice before a validation (VALIDATION_*NOTICE_DAYS; validation-notice.ts). */
  validationNotice: Config['validationNotice'];
}
