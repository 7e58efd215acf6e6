import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  type CalendarDate,
  calendarDate,
  calendarDateFromInstant,
  daysBetween,
} from '../time/calendar-date.ts';
import {
  cbpVisitsSite,
  checkSchedule,
  DEFAULT_VALIDATION_NOTICE_SETTINGS,
  minimumNotice,
  type NoticeSite,
  needsCbpForeignVisit,
  resolveValidationNoticeSettings,
  type ScheduleProposal,
  siteLocation,
} from './validation-notice.ts';

const anyDate: fc.Arbitrary<CalendarDate> = fc
  .date({
    min: new Date('2001-01-01T00:00:00Z'),
    max: new Date('2140-12-31T23:59:59Z'),
    noInvalidDate: true,
  })
  .map(calendarDateFromInstant);

const domesticSite: fc.Arbitrary<NoticeSite> = fc
  .constantFrom('US', 'PR', 'GU')
  .map((countryCode) => ({ countryCode, mraProgramId: null }));
const foreignSite: fc.Arbitrary<NoticeSite> = fc
  .constantFrom('MX', 'CN', 'DE', 'VN')
  .map((countryCode) => ({ countryCode, mraProgramId: null }));
const mraSite: fc.Arbitrary<NoticeSite> = fc
  .constantFrom('MX', 'CA', 'JP')
  .map((countryCode) => ({ countryCode, mraProgramId: `${countryCode.toLowerCase()}-aeo` }));
const anySite = fc.oneof(domesticSite, foreignSite, mraSite);

const DOMESTIC = DEFAULT_VALIDATION_NOTICE_SETTINGS.noticeDays.value;
const FOREIGN = DEFAULT_VALIDATION_NOTICE_SETTINGS.foreignNoticeDays.value;

/** A proposal that is fine but for the notice: start from today on, visits on the start day. */
const proposalArb = fc
  .record({
    today: anyDate,
    sentDaysAgo: fc.integer({ min: 0, max: 30 }),
    startIn: fc.integer({ min: 0, max: 120 }),
    length: fc.integer({ min: 0, max: 10 }),
    sites: fc.array(anySite, { minLength: 1, maxLength: 4 }),
    reason: fc.oneof(fc.constant(null), fc.constant('   '), fc.constant('Member asked for it')),
  })
  .map(({ today, sentDaysAgo, startIn, length, sites, reason }): ScheduleProposal => {
    const startsOn = addDays(today, startIn);
    return {
      today,
      noticeSentOn: addDays(today, -sentDaysAgo),
      startsOn,
      endsOn: addDays(startsOn, length),
      sites: sites.map((site) => ({ ...site, visitOn: startsOn })),
      overrideReason: reason,
    };
  });

describe('sites and the minimum notice (ctpat-program.md §6)', () => {
  it('US states and territories are domestic, anything else foreign', () => {
    expect(siteLocation('US')).toBe('domestic');
    expect(siteLocation('pr')).toBe('domestic');
    expect(siteLocation('MX')).toBe('foreign');
  });

  it('is 30 days, 60 when any site needs a CBP foreign visit; an MRA site never does', () => {
    fc.assert(
      fc.property(fc.array(anySite, { minLength: 1, maxLength: 6 }), (sites) => {
        const foreign = sites.some(
          (site) => siteLocation(site.countryCode) === 'foreign' && site.mraProgramId === null,
        );
        const notice = minimumNotice(sites);
        expect(notice.foreignVisit).toBe(foreign);
        expect(notice.days).toBe(foreign ? FOREIGN : DOMESTIC);
        expect(notice.provisional).toBe(true);
        expect(notice.rule.citation).toMatch(/Provisional: configurable/);
      }),
    );
    fc.assert(
      fc.property(mraSite, (site) => {
        expect(needsCbpForeignVisit(site)).toBe(false);
        expect(cbpVisitsSite(site)).toBe(false);
      }),
    );
    // CBP visits every domestic site, MRA program or not, and a foreign one without a program.
    expect(cbpVisitsSite({ countryCode: 'US', mraProgramId: null })).toBe(true);
    expect(cbpVisitsSite({ countryCode: 'PR', mraProgramId: 'mx-oea' })).toBe(true);
    expect(cbpVisitsSite({ countryCode: 'VN', mraProgramId: null })).toBe(true);
    expect(minimumNotice([{ countryCode: 'US', mraProgramId: null }]).days).toBe(30);
    expect(minimumNotice([{ countryCode: 'VN', mraProgramId: null }]).days).toBe(60);
    expect(minimumNotice([{ countryCode: 'MX', mraProgramId: 'mx-oea' }]).days).toBe(30);
  });

  it('follows the settings, and says so when a deployment verified them', () => {
    const resolved = resolveValidationNoticeSettings({
      noticeDays: { value: 45, provisional: false, source: 'CBP SOP 2030' },
    });
    if (!resolved.ok) throw new Error('expected valid settings');
    const notice = minimumNotice([{ countryCode: 'US', mraProgramId: null }], resolved.settings);
    expect(notice).toMatchObject({ days: 45, provisional: false });
    expect(notice.rule.citation).toBe('CBP SOP 2030');
    expect(resolved.settings.foreignNoticeDays.provisional).toBe(true);
  });
});

describe('resolving the settings', () => {
  it('refuses values out of bounds, a blank source, and a foreign notice shorter than the domestic', () => {
    const bad = resolveValidationNoticeSettings({
      noticeDays: { value: 0 },
      foreignNoticeDays: { source: ' ' },
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.issues.map((issue) => issue.path)).toEqual([
        'noticeDays.value',
        'foreignNoticeDays.source',
      ]);
    }
    const inverted = resolveValidationNoticeSettings({ foreignNoticeDays: { value: 20 } });
    expect(inverted.ok).toBe(false);
    if (!inverted.ok) {
      expect(inverted.issues[0]?.path).toBe('foreignNoticeDays.value');
    }
  });

  it('keeps a changed value provisional unless marked verified', () => {
    const changed = resolveValidationNoticeSettings({ noticeDays: { value: 40 } });
    expect(changed.ok && changed.settings.noticeDays).toMatchObject({
      value: 40,
      provisional: true,
    });
  });
});

describe('checking a schedule', () => {
  it('accepts a full notice, or a short one with a reason; refuses a short one without', () => {
    fc.assert(
      fc.property(proposalArb, (proposal) => {
        const result = checkSchedule(proposal);
        const given = daysBetween(proposal.noticeSentOn, proposal.startsOn);
        const minimum = minimumNotice(proposal.sites).days;
        const reason = proposal.overrideReason?.trim() ?? '';
        const acceptable = given >= minimum || reason !== '';
        expect(result.ok).toBe(acceptable);
        if (result.ok) {
          expect(result.noticeGivenDays).toBe(given);
          expect(result.overrideReason).toBe(given >= minimum ? null : reason);
        } else {
          expect(result.problems.map((problem) => problem.code)).toEqual(['notice_too_short']);
          expect(result.problems[0]?.field).toBe('startsOn');
        }
      }),
    );
  });

  it('names the earliest compliant start, and starting then passes', () => {
    fc.assert(
      fc.property(proposalArb, (proposal) => {
        const short = checkSchedule({ ...proposal, overrideReason: null });
        if (short.ok) return;
        const earliest = short.problems[0]?.earliestStart;
        if (!earliest) throw new Error('expected the earliest start');
        expect(daysBetween(proposal.noticeSentOn, earliest)).toBe(short.notice.days);
        expect(short.problems[0]?.message).toContain(earliest);
        const moved = checkSchedule({
          ...proposal,
          overrideReason: null,
          startsOn: earliest,
          endsOn: earliest,
          sites: proposal.sites.map((site) => ({ ...site, visitOn: earliest })),
        });
        expect(moved.ok).toBe(true);
        // One day earlier is still short.
        const dayBefore = addDays(earliest, -1);
        if (dayBefore >= proposal.today) {
          const early = checkSchedule({
            ...proposal,
            overrideReason: null,
            startsOn: dayBefore,
            endsOn: dayBefore,
            sites: proposal.sites.map((site) => ({ ...site, visitOn: dayBefore })),
          });
          expect(early.ok).toBe(false);
        }
      }),
    );
  });

  it('refuses a start in the past as such, whatever the notice or reason', () => {
    fc.assert(
      fc.property(proposalArb, fc.integer({ min: 1, max: 400 }), (proposal, daysAgo) => {
        const startsOn = addDays(proposal.today, -daysAgo);
        const result = checkSchedule({
          ...proposal,
          startsOn,
          endsOn: startsOn,
          sites: proposal.sites.map((site) => ({ ...site, visitOn: null })),
        });
        expect(result.ok).toBe(false);
        if (!result.ok) {
          expect(result.problems.map((problem) => [problem.code, problem.field])).toEqual([
            ['start_in_past', 'startsOn'],
          ]);
        }
      }),
    );
  });

  it('refuses an end before the start, a notice dated in the future and visits outside the dates', () => {
    const today = calendarDate('2026-11-29');
    const result = checkSchedule({
      today,
      noticeSentOn: calendarDate('2026-11-30'),
      startsOn: calendarDate('2027-02-10'),
      endsOn: calendarDate('2027-02-12'),
      sites: [
        { countryCode: 'US', mraProgramId: null, visitOn: calendarDate('2027-02-10') },
        { countryCode: 'MX', mraProgramId: null, visitOn: calendarDate('2027-02-13') },
        { countryCode: 'US', mraProgramId: null, visitOn: null },
      ],
      overrideReason: null,
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems.map((problem) => problem.field)).toEqual([
        'noticeSentOn',
        'sites.1.visitOn',
      ]);
      expect(result.notice.days).toBe(60);
    }
    const inverted = checkSchedule({
      today,
      noticeSentOn: today,
      startsOn: calendarDate('2027-02-10'),
      endsOn: calendarDate('2027-02-09'),
      sites: [{ countryCode: 'US', mraProgramId: null, visitOn: calendarDate('2027-03-01') }],
      overrideReason: null,
    });
    expect(!inverted.ok && inverted.problems.map((problem) => problem.code)).toEqual([
      'end_before_start',
    ]);
  });

  it('counts the notice from the day it is sent: day 30 is the first compliant start', () => {
    const today = calendarDate('2026-11-29');
    const at = (startsOn: string) =>
      checkSchedule({
        today,
        noticeSentOn: today,
        startsOn: calendarDate(startsOn),
        endsOn: calendarDate(startsOn),
        sites: [{ countryCode: 'US', mraProgramId: null, visitOn: null }],
        overrideReason: null,
      });
    expect(at('2026-12-29').ok).toBe(true);
    const dayBefore = at('2026-12-28');
    expect(!dayBefore.ok && dayBefore.problems[0]?.earliestStart).toBe('2026-12-29');
  });
});
