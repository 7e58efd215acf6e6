import { describe, expect, it } from 'vitest';
import { calendarDate } from '../../time/calendar-date.ts';
import { configurePilot, pilotCaps, pilotStart, unconfiguredPilot } from './pilot-configuration.ts';

describe(configurePilot.name, () => {
  it('without an end date: default caps and start, "end date not set"', () => {
    const pilot = unconfiguredPilot();
    expect(pilot.kind).toBe('end_date_not_set');
    expect(pilotCaps(pilot)).toEqual({ asset_based: 10, non_asset_based: 10 });
    expect(pilotStart(pilot)).toBe('2025-12-01');
  });

  it('still checks the caps and the start when the end date is missing', () => {
    const result = configurePilot({
      startsOn: calendarDate('2025-11-30'),
      capPerCategory: { asset_based: 0 },
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues.map((issue) => issue.path)).toEqual([
        'capPerCategory.asset_based',
        'startsOn',
      ]);
    }
  });

  it('with an end date: scheduled, checked against the statute', () => {
    const scheduled = configurePilot({
      endsOn: calendarDate('2030-12-01'),
      capPerCategory: { non_asset_based: 4 },
    });
    expect(scheduled).toMatchObject({
      ok: true,
      configuration: {
        kind: 'scheduled',
        settings: { endsOn: '2030-12-01', capPerCategory: { asset_based: 10, non_asset_based: 4 } },
      },
    });
    const tooLong = configurePilot({ endsOn: calendarDate('2030-12-02') });
    expect(tooLong.ok).toBe(false);
  });
});
