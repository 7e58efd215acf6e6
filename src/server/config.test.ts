import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe(loadConfig.name, () => {
  it('uses safe defaults: port 3000 on all interfaces, embedded PGlite in ./data', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.host).toBe('0.0.0.0');
    expect(config.nodeEnv).toBe('development');
    expect(config.logLevel).toBe('info');
    expect(config.database).toEqual({
      driver: 'pglite',
      dataDir: path.resolve('./data/pglite'),
    });
    expect(config.seedDemo).toBe(true);
  });

  it('switches to PostgreSQL when DATABASE_URL is set', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u:p@db.example:5432/ctpat' });
    expect(config.database).toEqual({
      driver: 'postgres',
      url: 'postgres://u:p@db.example:5432/ctpat',
    });
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' }).port).toBe(3000);
    expect(loadConfig({ DATABASE_URL: '' }).database.driver).toBe('pglite');
  });

  it('names every bad variable at once, with the reason and the value', () => {
    const error = configError({ PORT: 'abc', LOG_LEVEL: 'loud', NODE_ENV: 'staging' });
    expect(error.issues).toHaveLength(3);
    expect(error.message).toContain('PORT: must be a number (got "abc")');
    expect(error.message).toMatch(/LOG_LEVEL: .*\(got "loud"\)/);
    expect(error.message).toMatch(/NODE_ENV: .*\(got "staging"\)/);
  });

  it('rejects a port outside 0-65535', () => {
    expect(configError({ PORT: '70000' }).issues).toEqual(['PORT: must be 0-65535 (got "70000")']);
  });

  it('never echoes DATABASE_URL, which may hold a password', () => {
    const error = configError({ DATABASE_URL: 'mysql://admin:s3cret@host/db' });
    expect(error.message).toContain('DATABASE_URL: must be a postgres:// or postgresql:// URL');
    expect(error.message).not.toContain('s3cret');
  });

  const SECRET = Buffer.alloc(32, 7).toString('base64');

  it('never seeds demo data in production unless asked to', () => {
    expect(loadConfig({ NODE_ENV: 'production', SECRET_KEY: SECRET }).seedDemo).toBe(false);
    expect(
      loadConfig({ NODE_ENV: 'production', SECRET_KEY: SECRET, SEED_DEMO: 'true' }).seedDemo,
    ).toBe(true);
  });

  it('requires a secret key of at least 32 bytes in production, and never echoes it', () => {
    expect(configError({ NODE_ENV: 'production' }).issues).toEqual([
      'SECRET_KEY: is required when NODE_ENV=production',
    ]);
    const short = configError({ SECRET_KEY: 'c2hvcnQtc2VjcmV0' });
    expect(short.issues[0]).toMatch(/^SECRET_KEY: must be at least 32 random bytes/);
    expect(short.message).not.toContain('c2hvcnQtc2VjcmV0');
    const config = loadConfig({ NODE_ENV: 'production', SECRET_KEY: SECRET });
    expect(config.secretKey?.length).toBe(32);
    expect(config.session.cookieSecure).toBe(true);
  });

  const OIDC = {
    OIDC_ISSUER_URL: 'https://idp.example.gov',
    OIDC_CLIENT_ID: 'urn:gov:ctpat',
    OIDC_CLIENT_SECRET: 'oidc-client-s3cret-value',
    OIDC_DISPLAY_NAME: 'Login.gov',
  };

  it('leaves OpenID Connect sign-in off unless configured, and reads all four variables', () => {
    expect(loadConfig({}).oidc).toBeNull();
    expect(loadConfig(OIDC).oidc).toEqual({
      issuerUrl: 'https://idp.example.gov',
      clientId: 'urn:gov:ctpat',
      clientSecret: 'oidc-client-s3cret-value',
      displayName: 'Login.gov',
    });
  });

  it('requires all OIDC_* variables or none, naming the missing ones and never the secret', () => {
    const error = configError({
      OIDC_ISSUER_URL: OIDC.OIDC_ISSUER_URL,
      OIDC_CLIENT_SECRET: OIDC.OIDC_CLIENT_SECRET,
    });
    expect(error.issues).toEqual([
      'OIDC_CLIENT_ID: is required when any OIDC_* variable is set',
      'OIDC_DISPLAY_NAME: is required when any OIDC_* variable is set',
    ]);
    expect(error.message).not.toContain(OIDC.OIDC_CLIENT_SECRET);
  });

  it('requires an https issuer', () => {
    const error = configError({ ...OIDC, OIDC_ISSUER_URL: 'http://idp.example.gov' });
    expect(error.issues).toEqual([
      'OIDC_ISSUER_URL: must be an https:// URL such as https://idp.example.gov (got "http://idp.example.gov")',
    ]);
    expect(error.message).not.toContain(OIDC.OIDC_CLIENT_SECRET);
  });

  it('leaves the 3PL pilot without an end date unless PILOT_3PL_ENDS_ON is set', () => {
    expect(loadConfig({}).pilot).toMatchObject({
      kind: 'end_date_not_set',
      startsOn: '2025-12-01',
      startIsProvisional: true,
      capPerCategory: { asset_based: 10, non_asset_based: 10 },
    });
    const scheduled = loadConfig({
      PILOT_3PL_ENDS_ON: '2028-11-30',
      PILOT_3PL_STARTS_ON: '2026-01-15',
      PILOT_3PL_CAP_NON_ASSET_BASED: '5',
    }).pilot;
    expect(scheduled).toMatchObject({
      kind: 'scheduled',
      startIsProvisional: false,
      settings: {
        startsOn: '2026-01-15',
        endsOn: '2028-11-30',
        capPerCategory: { asset_based: 10, non_asset_based: 5 },
      },
    });
  });

  it('rolls protest windows over weekends and holidays unless PROTEST_ROLL_WEEKENDS_AND_HOLIDAYS is false', () => {
    expect(loadConfig({}).protestClocks).toEqual({
      rollWeekendsAndHolidays: true,
      additionalClosedDays: [],
    });
    expect(
      loadConfig({
        PROTEST_ROLL_WEEKENDS_AND_HOLIDAYS: 'false',
        PROTEST_ADDITIONAL_CLOSED_DAYS: '2024-12-24, 2025-01-09',
      }).protestClocks,
    ).toEqual({
      rollWeekendsAndHolidays: false,
      additionalClosedDays: ['2024-12-24', '2025-01-09'],
    });
    expect(() => loadConfig({ PROTEST_ADDITIONAL_CLOSED_DAYS: '2025-13-01' })).toThrow(
      /PROTEST_ADDITIONAL_CLOSED_DAYS/,
    );
  });

  it('takes the provisional membership periods from MEMBERSHIP_*, still provisional unless verified', () => {
    const defaults = loadConfig({}).membershipClocks;
    expect(defaults.suspensionResponseDays).toMatchObject({ value: 90, provisional: true });
    const changed = loadConfig({ MEMBERSHIP_SUSPENSION_RESPONSE_DAYS: '60' }).membershipClocks;
    // Changing a number does not verify it.
    expect(changed.suspensionResponseDays).toMatchObject({ value: 60, provisional: true });
    const verified = loadConfig({
      MEMBERSHIP_ANNUAL_REVIEW_WINDOW_DAYS: '120',
      MEMBERSHIP_PERIODS_VERIFIED: 'annual_review_window',
      MEMBERSHIP_PERIODS_SOURCE: 'CTPAT Portal 2.0 user guide, 2026 edition, section 5.2',
    }).membershipClocks;
    expect(verified.annualReviewWindowDays).toEqual({
      value: 120,
      provisional: false,
      source: 'CTPAT Portal 2.0 user guide, 2026 edition, section 5.2',
    });
    expect(verified.reapplicationBarYears.provisional).toBe(true);
  });

  it('refuses membership periods out of bounds or verified without a source, naming the variable', () => {
    expect(configError({ MEMBERSHIP_SUSPENSION_RESPONSE_DAYS: '0' }).issues).toEqual([
      'MEMBERSHIP_SUSPENSION_RESPONSE_DAYS: must be a whole number from 1 to 730, got 0',
    ]);
    expect(configError({ MEMBERSHIP_REAPPLICATION_BAR_YEARS: 'one' }).issues[0]).toContain(
      'MEMBERSHIP_REAPPLICATION_BAR_YEARS: must be a whole number',
    );
    expect(configError({ MEMBERSHIP_PERIODS_VERIFIED: 'suspension_response' }).issues[0]).toContain(
      'MEMBERSHIP_PERIODS_SOURCE: is required when MEMBERSHIP_PERIODS_VERIFIED is set',
    );
    expect(configError({ MEMBERSHIP_PERIODS_VERIFIED: 'annual_review' }).issues[0]).toContain(
      'MEMBERSHIP_PERIODS_VERIFIED: must list annual_review_window, suspension_response or reapplication_bar',
    );
  });

  it('checks the 3PL pilot settings against P.L. 118-98 and 90 FR 52690, naming the variables', () => {
    expect(configError({ PILOT_3PL_CAP_ASSET_BASED: '11' }).issues[0]).toContain(
      'PILOT_3PL_CAP_ASSET_BASED: must be 1-10',
    );
    expect(configError({ PILOT_3PL_ENDS_ON: '2026-13-01' }).issues[0]).toContain(
      'PILOT_3PL_ENDS_ON: must be a date as YYYY-MM-DD',
    );
    // Under a year after the default start, and a start before the notice allows.
    expect(configError({ PILOT_3PL_ENDS_ON: '2026-06-30' }).issues).toEqual([
      'PILOT_3PL_ENDS_ON: must be on or after 2026-12-01: the pilot runs at least 1 year (P.L. 118-98)',
    ]);
    expect(configError({ PILOT_3PL_STARTS_ON: '2025-11-01' }).issues[0]).toContain(
      'PILOT_3PL_STARTS_ON: must be on or after 2025-12-01 (90 FR 52690)',
    );
  });

  it('reads booleans strictly', () => {
    expect(loadConfig({ SEED_DEMO: 'false' }).seedDemo).toBe(false);
    expect(configError({ SEED_DEMO: 'nope' }).issues[0]).toContain(
      'SEED_DEMO: must be true or false',
    );
  });
});
