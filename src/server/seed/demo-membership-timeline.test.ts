import { describe, expect, it } from 'vitest';
import { calendarDate } from '../../domain/time/calendar-date.ts';
import { demoMembershipRows } from './demo-membership-timeline.ts';
import { DEMO_MEMBERSHIPS } from './demo-registry.ts';

describe(demoMembershipRows.name, () => {
  it('replays every demo timeline through the state machine, whatever the seeding day', () => {
    for (const today of ['2026-01-02', '2028-02-29', '2031-12-31'].map(calendarDate)) {
      for (const demo of DEMO_MEMBERSHIPS) {
        const rows = demoMembershipRows(demo, today);
        expect(rows.membership.status).toBe(rows.state.status);
        expect(rows.history).toHaveLength(demo.steps.length);
      }
    }
  });

  it('refuses a timeline the app could not have produced', () => {
    const greatLakes = DEMO_MEMBERSHIPS[0];
    if (!greatLakes) throw new Error('no demo membership');
    const certifiedBeforeReview = {
      ...greatLakes,
      steps: [
        greatLakes.steps[0],
        { transition: 'certify' as const, daysAgo: 1, actor: 'user/scss-houston' },
      ].filter((step) => step !== undefined),
    };
    expect(() => demoMembershipRows(certifiedBeforeReview, calendarDate('2026-01-02'))).toThrow(
      /cannot be certified/,
    );
    const badIdentifier = {
      ...greatLakes,
      entityTypes: [
        {
          entityType: 'importer' as const,
          identifiers: [{ kind: 'importer_of_record_number' as const, value: '12-34' }],
        },
      ],
    };
    expect(() => demoMembershipRows(badIdentifier, calendarDate('2026-01-02'))).toThrow(
      /identifiers are not valid/,
    );
  });
});
