import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config.ts';

/** VALIDATION_RESPONSE_DAYS (response-deadline.ts): provisional unless verified with a source. */
describe('the validation response period in the configuration', () => {
  it('is 90 days and provisional by default; a changed number stays provisional', () => {
    expect(loadConfig({}).validationResponseDays).toMatchObject({ value: 90, provisional: true });
    expect(loadConfig({ VALIDATION_RESPONSE_DAYS: '60' }).validationResponseDays).toMatchObject({
      value: 60,
      provisional: true,
    });
  });

  it('is confirmed only when listed as verified with the primary source named', () => {
    const source = 'CBP CTPAT validation procedures, 2027 edition, section 4';
    expect(
      loadConfig({
        VALIDATION_RESPONSE_DAYS: '45',
        VALIDATION_PERIODS_VERIFIED: 'response',
        VALIDATION_PERIODS_SOURCE: source,
      }).validationResponseDays,
    ).toEqual({ value: 45, provisional: false, source });
    expect(() => loadConfig({ VALIDATION_PERIODS_VERIFIED: 'response' })).toThrow(
      /VALIDATION_PERIODS_SOURCE: is required/,
    );
  });

  it('names the variable when the value is out of bounds or not a period name', () => {
    expect(() => loadConfig({ VALIDATION_RESPONSE_DAYS: '0' })).toThrow(ConfigError);
    expect(() => loadConfig({ VALIDATION_RESPONSE_DAYS: '400' })).toThrow(
      /VALIDATION_RESPONSE_DAYS: must be a whole number from 1 to 365/,
    );
    expect(() => loadConfig({ VALIDATION_PERIODS_VERIFIED: 'respons' })).toThrow(
      /VALIDATION_PERIODS_VERIFIED/,
    );
  });
});
