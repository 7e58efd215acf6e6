import path from 'node:path';
import { z } from 'zod';
import {
  DEFAULT_PROTEST_CLOCK_SETTINGS,
  type ProtestClockSettings,
} from '../domain/protests/protest-clock.ts';
import {
  type MembershipClockSettingName,
  type MembershipClockSettings,
  type PeriodSetting,
  resolveMembershipClockSettings,
} from '../domain/registry/lifecycle/membership-clocks.ts';
import {
  configurePilot,
  type PilotConfiguration,
} from '../domain/registry/lifecycle/pilot-configuration.ts';
import { STATUTORY_PILOT_CAP } from '../domain/registry/lifecycle/third-party-logistics-pilot.ts';
import { calendarDate, parseCalendarDate } from '../domain/time/calendar-date.ts';
import { resolveValidationResponseDays } from '../domain/validations/response-deadline.ts';
import {
  resolveValidationNoticeSettings,
  type ValidationNoticeSettings,
} from '../domain/validations/validation-notice.ts';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const calendarDateFromEnv = z
  .string()
  .refine((value) => parseCalendarDate(value) !== null, 'must be a date as YYYY-MM-DD')
  .transform((value) => calendarDate(value));

const wholeNumberFromEnv = z.coerce
  .number({ error: 'must be a whole number' })
  .int('must be a whole number');

const pilotCapFromEnv = z.coerce
  .number({ message: 'must be a number' })
  .int('must be a whole number')
  .min(1, `must be 1-${STATUTORY_PILOT_CAP}`)
  .max(STATUTORY_PILOT_CAP, `must be 1-${STATUTORY_PILOT_CAP} (P.L. 118-98: not more than 10)`);

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0'], { message: 'must be true or false' })
  .transform((value) => value === 'true' || value === '1');

/**
 * Every environment variable the server and CLI read, with safe defaults. Anything not listed
 * here is not configuration. README.md has the same table for humans.
 */
const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(0, 'must be 0-65535')
    .max(65535, 'must be 0-65535')
    .default(3000),
  HOST: z.string().min(1, 'must not be empty').default('0.0.0.0'),
  DATA_DIR: z.string().min(1, 'must not be empty').default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  /**
   * Seed the demo data set on start when the database has no organisations yet. Defaults to
   * true except in production, where fictional companies must never appear by accident.
   */
  SEED_DEMO: booleanFromEnv.optional(),
  /** How many times start-up tries to reach the database before giving up. */
  DB_CONNECT_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(8),
  /** Where the built web app lives; the server serves it and falls back to index.html. */
  WEB_DIST_DIR: z.string().min(1).default('./dist/web'),
  /** Log lines as pretty text (development) instead of JSON. */
  LOG_PRETTY: booleanFromEnv.optional(),
  /**
   * The deployment's secret (base64 or hex, at least 32 bytes); keys for CSRF tokens and for
   * secrets at rest derive from it. Required in production; elsewhere one is generated and
   * kept in DATA_DIR/secret-key.
   */
  SECRET_KEY: z
    .string()
    .transform((value, ctx) => {
      const bytes = /^[0-9a-fA-F]+$/.test(value)
        ? Buffer.from(value, 'hex')
        : Buffer.from(value, 'base64');
      if (bytes.length < 32) {
        ctx.addIssue({
          code: 'custom',
          message: 'must be at least 32 random bytes, base64 or hex (e.g. openssl rand -base64 32)',
        });
        return z.NEVER;
      }
      return bytes;
    })
    .optional(),
  /** The address people reach the app at; links in e-mails start with it. */
  PUBLIC_URL: z.url({ message: 'must be a URL such as https://ctpat.example.gov' }).optional(),
  /** Sign a session out after this many minutes without a request. */
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(30),
  /** Sign a session out this many hours after sign-in, whatever the activity. */
  SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  /** Mark cookies Secure (HTTPS only). Defaults to true in production. */
  COOKIE_SECURE: booleanFromEnv.optional(),
  /** Trust X-Forwarded-For from the proxy in front (for client addresses and rate limits). */
  TRUST_PROXY: booleanFromEnv.default(false),
  /** smtp:// or smtps:// URL of the mail server; unset keeps e-mails in the outbox table. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  /** The From address of e-mails. */
  MAIL_FROM: z.string().min(3).default('OpenCTPAT <no-reply@localhost>'),
  /**
   * Optional OpenID Connect sign-in (e.g. Login.gov): all four OIDC_* variables, or none. The
   * issuer must be https (its discovery document, keys and tokens travel over it).
   */
  OIDC_ISSUER_URL: z
    .url({
      protocol: /^https$/,
      message: 'must be an https:// URL such as https://idp.example.gov',
    })
    .optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** The provider's name on the sign-in button, e.g. "Login.gov". */
  OIDC_DISPLAY_NAME: z.string().min(1).max(60).optional(),
  /**
   * The 3PL pilot (P.L. 118-98; 90 FR 52690). No source gives its end date: until
   * PILOT_3PL_ENDS_ON is set the pilot shows "end date not set" and refuses requests.
   */
  PILOT_3PL_ENDS_ON: calendarDateFromEnv.optional(),
  /** Defaults to 1 December 2025, the earliest start 90 FR 52690 allows. */
  PILOT_3PL_STARTS_ON: calendarDateFromEnv.optional(),
  /** Participants per category, 1-10 (default 10, the statutory maximum). */
  PILOT_3PL_CAP_ASSET_BASED: pilotCapFromEnv.optional(),
  PILOT_3PL_CAP_NON_ASSET_BASED: pilotCapFromEnv.optional(),
  /**
   * Protests (ADR 0024): whether a filing window ending on a Saturday, Sunday or federal holiday
   * runs to the next open day (CBP practice, T.D. 53961; a product choice, default on), and days
   * closed by Executive order besides the 5 U.S.C. 6103 holidays (comma-separated dates).
   */
  PROTEST_ROLL_WEEKENDS_AND_HOLIDAYS: booleanFromEnv.optional(),
  PROTEST_ADDITIONAL_CLOSED_DAYS: z
    .string()
    .transform((text) =>
      text
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean),
    )
    .pipe(z.array(calendarDateFromEnv))
    .optional(),
  /**
   * Membership periods that rest on CBP policy seen only in secondary sources (issue 4: "unverified
   * periods are configuration, not constants"; membership-clocks.ts). Each stays provisional
   * unless named in MEMBERSHIP_PERIODS_VERIFIED together with MEMBERSHIP_PERIODS_SOURCE.
   */
  MEMBERSHIP_ANNUAL_REVIEW_WINDOW_DAYS: wholeNumberFromEnv.optional(),
  MEMBERSHIP_SUSPENSION_RESPONSE_DAYS: wholeNumberFromEnv.optional(),
  MEMBERSHIP_REAPPLICATION_BAR_YEARS: wholeNumberFromEnv.optional(),
  /** Comma-separated: annual_review_window, suspension_response, reapplication_bar. */
  MEMBERSHIP_PERIODS_VERIFIED: z
    .string()
    .transform((text) =>
      text
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean),
    )
    .pipe(
      z.array(
        z.enum(['annual_review_window', 'suspension_response', 'reapplication_bar'], {
          error: 'must list annual_review_window, suspension_response or reapplication_bar',
        }),
      ),
    )
    .optional(),
  /** The primary source that confirms the verified periods (required with the list). */
  MEMBERSHIP_PERIODS_SOURCE: z.string().trim().min(1).max(500).optional(),
  /**
   * Validations (issue 6): days the member has to answer the report's required actions (default
   * 90; ctpat-program.md §6 says the figure is UNVERIFIED), provisional unless named in
   * VALIDATION_PERIODS_VERIFIED together with VALIDATION_PERIODS_SOURCE (response-deadline.ts).
   */
  VALIDATION_RESPONSE_DAYS: wholeNumberFromEnv.optional(),
  /**
   * Minimum written notice before a validation's first visit (default 30 days) and when a site
   * needs a CBP foreign visit (default 60): secondary sources only (ctpat-program.md §6), so
   * provisional unless verified like the response period (validation-notice.ts).
   */
  VALIDATION_NOTICE_DAYS: wholeNumberFromEnv.optional(),
  VALIDATION_FOREIGN_NOTICE_DAYS: wholeNumberFromEnv.optional(),
  /** Comma-separated: notice, foreign_notice, response. */
  VALIDATION_PERIODS_VERIFIED: z
    .string()
    .transform((text) =>
      text
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean),
    )
    .pipe(
      z.array(
        z.enum(['notice', 'foreign_notice', 'response'], {
          error: 'must list notice, foreign_notice or response',
        }),
      ),
    )
    .optional(),
  /** The primary source that confirms the verified validation periods (required with the list). */
  VALIDATION_PERIODS_SOURCE: z.string().trim().min(1).max(500).optional(),
});

/** The environment variable behind each membership period setting, for error messages. */
const MEMBERSHIP_PERIOD_VARIABLES: Record<MembershipClockSettingName, string> = {
  annualReviewWindowDays: 'MEMBERSHIP_ANNUAL_REVIEW_WINDOW_DAYS',
  suspensionResponseDays: 'MEMBERSHIP_SUSPENSION_RESPONSE_DAYS',
  reapplicationBarYears: 'MEMBERSHIP_REAPPLICATION_BAR_YEARS',
};
const VERIFIED_PERIOD_NAMES: Record<string, MembershipClockSettingName> = {
  annual_review_window: 'annualReviewWindowDays',
  suspension_response: 'suspensionResponseDays',
  reapplication_bar: 'reapplicationBarYears',
};

/** The environment variable behind each pilot setting, for error messages. */
const PILOT_SETTING_VARIABLES: Record<string, string> = {
  startsOn: 'PILOT_3PL_STARTS_ON',
  endsOn: 'PILOT_3PL_ENDS_ON',
  'capPerCategory.asset_based': 'PILOT_3PL_CAP_ASSET_BASED',
  'capPerCategory.non_asset_based': 'PILOT_3PL_CAP_NON_ASSET_BASED',
};

const OIDC_VARIABLES = [
  'OIDC_ISSUER_URL',
  'OIDC_CLIENT_ID',
  'OIDC_CLIENT_SECRET',
  'OIDC_DISPLAY_NAME',
] as const;

/** Variables whose values never appear in an error message. */
const SECRET_VARIABLES = new Set(['DATABASE_URL', 'SECRET_KEY', 'SMTP_URL', 'OIDC_CLIENT_SECRET']);

export type Env = z.input<typeof EnvSchema>;

export interface Config {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  database: { driver: 'pglite'; dataDir: string } | { driver: 'postgres'; url: string };
  logLevel: (typeof LOG_LEVELS)[number];
  logPretty: boolean;
  seedDemo: boolean;
  dbConnectAttempts: number;
  webDistDir: string;
  /** From SECRET_KEY; null means "use or create DATA_DIR/secret-key". */
  secretKey: Buffer | null;
  publicUrl: string;
  session: { idleMinutes: number; absoluteHours: number; cookieSecure: boolean };
  trustProxy: boolean;
  mail: { smtpUrl: string | null; from: string };
  /** OpenID Connect sign-in; null when the OIDC_* variables are not set. */
  oidc: { issuerUrl: string; clientId: string; clientSecret: string; displayName: string } | null;
  /** The 3PL pilot's dates and caps (PILOT_3PL_*). */
  pilot: PilotConfiguration;
  /** Provisional membership periods (MEMBERSHIP_*), checked by the domain's bounds. */
  membershipClocks: MembershipClockSettings;
  /** The protest clocks' weekend/holiday roll and extra closed days (PROTEST_*). */
  protestClocks: ProtestClockSettings;
  /** Days to answer a validation report's required actions (VALIDATION_RESPONSE_DAYS). */
  validationResponseDays: PeriodSetting;
  /** Minimum written notice before a validation (VALIDATION_NOTICE_DAYS, _FOREIGN_NOTICE_DAYS). */
  validationNotice: ValidationNoticeSettings;
}

export class ConfigError extends Error {
  readonly issues: readonly string[];

  constructor(issues: readonly string[]) {
    super(`Invalid configuration:\n${issues.map((issue) => `  - ${issue}`).join('\n')}`);
    this.name = 'ConfigError';
    this.issues = issues;
  }
}

/** Reads and validates the environment; throws ConfigError naming every bad variable at once. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // An empty variable means "not set" (a common result of `FOO= npm start`).
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        // The variable, not the index inside a list-valued one (MEMBERSHIP_PERIODS_VERIFIED.0).
        const name = String(issue.path[0] ?? '');
        const value = env[name];
        const shown = SECRET_VARIABLES.has(name) || value === undefined ? '' : ` (got "${value}")`;
        return `${name}: ${issue.message}${shown}`;
      }),
    );
  }
  const e = parsed.data;
  if (e.NODE_ENV === 'production' && !e.SECRET_KEY) {
    throw new ConfigError(['SECRET_KEY: is required when NODE_ENV=production']);
  }
  const oidcMissing = OIDC_VARIABLES.filter((name) => e[name] === undefined);
  if (oidcMissing.length > 0 && oidcMissing.length < OIDC_VARIABLES.length) {
    throw new ConfigError(
      oidcMissing.map((name) => `${name}: is required when any OIDC_* variable is set`),
    );
  }
  const pilot = configurePilot({
    startsOn: e.PILOT_3PL_STARTS_ON,
    endsOn: e.PILOT_3PL_ENDS_ON,
    capPerCategory: {
      asset_based: e.PILOT_3PL_CAP_ASSET_BASED,
      non_asset_based: e.PILOT_3PL_CAP_NON_ASSET_BASED,
    },
  });
  if (!pilot.ok) {
    throw new ConfigError(
      pilot.issues.map(
        (issue) => `${PILOT_SETTING_VARIABLES[issue.path] ?? issue.path}: ${issue.message}`,
      ),
    );
  }
  const membershipClocks = configureMembershipClocks(e);
  const validationResponseDays = configureValidationResponseDays(e);
  const validationNotice = configureValidationNotice(e);
  const dataDir = path.resolve(e.DATA_DIR);
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir,
    database: e.DATABASE_URL
      ? { driver: 'postgres', url: e.DATABASE_URL }
      : { driver: 'pglite', dataDir: path.join(dataDir, 'pglite') },
    logLevel: e.LOG_LEVEL,
    logPretty: e.LOG_PRETTY ?? (e.NODE_ENV === 'development' && process.stdout.isTTY === true),
    seedDemo: e.SEED_DEMO ?? e.NODE_ENV !== 'production',
    dbConnectAttempts: e.DB_CONNECT_ATTEMPTS,
    webDistDir: path.resolve(e.WEB_DIST_DIR),
    secretKey: e.SECRET_KEY ?? null,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    session: {
      idleMinutes: e.SESSION_IDLE_MINUTES,
      absoluteHours: e.SESSION_ABSOLUTE_HOURS,
      cookieSecure: e.COOKIE_SECURE ?? e.NODE_ENV === 'production',
    },
    trustProxy: e.TRUST_PROXY,
    mail: { smtpUrl: e.SMTP_URL ?? null, from: e.MAIL_FROM },
    oidc:
      e.OIDC_ISSUER_URL && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET && e.OIDC_DISPLAY_NAME
        ? {
            issuerUrl: e.OIDC_ISSUER_URL,
            clientId: e.OIDC_CLIENT_ID,
            clientSecret: e.OIDC_CLIENT_SECRET,
            displayName: e.OIDC_DISPLAY_NAME,
          }
        : null,
    pilot: pilot.configuration,
    membershipClocks,
    protestClocks: {
      rollWeekendsAndHolidays:
        e.PROTEST_ROLL_WEEKENDS_AND_HOLIDAYS ??
        DEFAULT_PROTEST_CLOCK_SETTINGS.rollWeekendsAndHolidays,
      additionalClosedDays:
        e.PROTEST_ADDITIONAL_CLOSED_DAYS ?? DEFAULT_PROTEST_CLOCK_SETTINGS.additionalClosedDays,
    },
    validationResponseDays,
    validationNotice,
  };
}

/** The notice periods of validations, each provisional unless verified with a source. */
function configureValidationNotice(e: z.output<typeof EnvSchema>): ValidationNoticeSettings {
  const verified = e.VALIDATION_PERIODS_VERIFIED ?? [];
  const source = e.VALIDATION_PERIODS_SOURCE;
  const override = (name: 'notice' | 'foreign_notice', value: number | undefined) => ({
    ...(value === undefined ? {} : { value }),
    ...(verified.includes(name) && source ? { provisional: false, source } : {}),
  });
  const resolved = resolveValidationNoticeSettings({
    noticeDays: override('notice', e.VALIDATION_NOTICE_DAYS),
    foreignNoticeDays: override('foreign_notice', e.VALIDATION_FOREIGN_NOTICE_DAYS),
  });
  if (!resolved.ok) {
    throw new ConfigError(
      resolved.issues.map((issue) => {
        const variable = issue.path.startsWith('foreignNoticeDays')
          ? 'VALIDATION_FOREIGN_NOTICE_DAYS'
          : 'VALIDATION_NOTICE_DAYS';
        return `${issue.path.endsWith('.source') ? 'VALIDATION_PERIODS_SOURCE' : variable}: ${issue.message}`;
      }),
    );
  }
  return resolved.settings;
}

/** The response period of validation reports, provisional unless verified with a source. */
function configureValidationResponseDays(e: z.output<typeof EnvSchema>): PeriodSetting {
  const verified = e.VALIDATION_PERIODS_VERIFIED ?? [];
  if (verified.length > 0 && !e.VALIDATION_PERIODS_SOURCE) {
    throw new ConfigError([
      'VALIDATION_PERIODS_SOURCE: is required when VALIDATION_PERIODS_VERIFIED is set (name the primary source)',
    ]);
  }
  const resolved = resolveValidationResponseDays({
    ...(e.VALIDATION_RESPONSE_DAYS === undefined ? {} : { value: e.VALIDATION_RESPONSE_DAYS }),
    ...(verified.includes('response') && e.VALIDATION_PERIODS_SOURCE
      ? { provisional: false, source: e.VALIDATION_PERIODS_SOURCE }
      : {}),
  });
  if (!resolved.ok) {
    throw new ConfigError(
      resolved.issues.map((issue) =>
        issue.path === 'value'
          ? `VALIDATION_RESPONSE_DAYS: ${issue.message}`
          : `VALIDATION_PERIODS_SOURCE: ${issue.message}`,
      ),
    );
  }
  return resolved.setting;
}

/** The membership periods with a deployment's values, each still provisional unless verified. */
function configureMembershipClocks(e: z.output<typeof EnvSchema>): MembershipClockSettings {
  const verified = new Set(
    (e.MEMBERSHIP_PERIODS_VERIFIED ?? []).map((name) => VERIFIED_PERIOD_NAMES[name]),
  );
  if (verified.size > 0 && !e.MEMBERSHIP_PERIODS_SOURCE) {
    throw new ConfigError([
      'MEMBERSHIP_PERIODS_SOURCE: is required when MEMBERSHIP_PERIODS_VERIFIED is set (name the primary source)',
    ]);
  }
  const override = (name: MembershipClockSettingName, value: number | undefined) => ({
    ...(value === undefined ? {} : { value }),
    ...(verified.has(name) && e.MEMBERSHIP_PERIODS_SOURCE
      ? { provisional: false, source: e.MEMBERSHIP_PERIODS_SOURCE }
      : {}),
  });
  const resolved = resolveMembershipClockSettings({
    annualReviewWindowDays: override(
      'annualReviewWindowDays',
      e.MEMBERSHIP_ANNUAL_REVIEW_WINDOW_DAYS,
    ),
    suspensionResponseDays: override(
      'suspensionResponseDays',
      e.MEMBERSHIP_SUSPENSION_RESPONSE_DAYS,
    ),
    reapplicationBarYears: override('reapplicationBarYears', e.MEMBERSHIP_REAPPLICATION_BAR_YEARS),
  });
  if (!resolved.ok) {
    throw new ConfigError(
      resolved.issues.map((issue) => {
        const name = issue.path.split('.')[0] as MembershipClockSettingName;
        return `${MEMBERSHIP_PERIOD_VARIABLES[name] ?? issue.path}: ${issue.message}`;
      }),
    );
  }
  return resolved.settings;
}
