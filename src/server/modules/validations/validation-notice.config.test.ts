import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config.ts';

/**
 * VALIDATION_NOTICE_DAYS and VALIDATION_FOREIGN_NOTICE_DAYS (validation-notice.ts): secondary
 * sources only, so provisional unless verified with a source.
 */
describe('the validation notice periods in the configuration', () => {
  it('are 30 and 60 days and provisional by default; changed numbers stay provisional', () => {
    expect(loadConfig({}).validationNotice).toMatchObject({
      noticeDays: { value: 30, provisional: true },
      foreignNoticeDays: { value: 60, provisional: true },
    });
    expect(
      loadConfig({ VALIDATION_NOTICE_DAYS: '21', VALIDATION_FOREIGN_NOTICE_DAYS: '45' })
        .validationNotice,
    ).toMatchObject({
      noticeDays: { value: 21, provisional: true },
      foreignNoticeDays: { value: 45, provisional: true },
    });
  });

  it('is confirmed only for the periods listed as verified, with the source named', () => {
    const source = 'CBP CTPAT validation procedures, 2027 edition, section 2';
    const notice = loadConfig({
      VALIDATION_PERIODS_VERIFIED: 'notice',
      VALIDATION_PERIODS_SOURCE: source,
    }).validationNotice;
    expect(notice.noticeDays).toEqual({ value: 30, provisional: false, source });
    expect(notice.foreignNoticeDays.provisional).toBe(true);
  });

  it('names the variable when a value is out of bounds, or the foreign notice is the shorter', () => {
    expect(() => loadConfig({ VALIDATION_NOTICE_DAYS: '0' })).toThrow(ConfigError);
    expect(() => loadConfig({ VALIDATION_NOTICE_DAYS: '400' })).toThrow(
      /VALIDATION_NOTICE_DAYS: must be a whole number from 1 to 365/,
    );
    expect(() => loadConfig({ VALIDATION_FOREIGN_NOTICE_DAYS: '20' })).toThrow(
      /VALIDATION_FOREIGN_NOTICE_DAYS: must not be shorter than the domestic notice \(30 days\)/,
    );
  });
});
