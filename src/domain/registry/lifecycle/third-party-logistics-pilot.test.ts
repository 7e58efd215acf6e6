import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarDate } from '../../time/calendar-date.ts';
import {
  comparePilotRequests,
  decidePilotRequest,
  PILOT_CATEGORIES,
  type PilotCategory,
  type PilotParticipant,
  type PilotRequest,
  type PilotSettings,
  rankPilotRequests,
  resolvePilotSettings,
  STATUTORY_PILOT_CAP,
} from './third-party-logistics-pilot.ts';

function settingsFor(overrides: Partial<Record<PilotCategory, number>> = {}): PilotSettings {
  const resolved = resolvePilotSettings({
    endsOn: calendarDate('2030-11-30'),
    capPerCategory: overrides,
  });
  if (!resolved.ok) {
    throw new Error(resolved.issues.map((issue) => issue.message).join('; '));
  }
  return resolved.settings;
}

const base = Date.parse('2025-11-21T14:00:00Z');

function request(n: number, category: PilotCategory, minutes = n): PilotRequest {
  return {
    id: `req-${String(n).padStart(3, '0')}`,
    companyId: `company-${n}`,
    category,
    requestedAt: new Date(base + minutes * 60_000),
  };
}

/** Decide requests one by one in the given order, accepting into a growing list. */
function decideAll(requests: readonly PilotRequest[], settings: PilotSettings): PilotParticipant[] {
  const accepted: PilotParticipant[] = [];
  for (const r of requests) {
    if (decidePilotRequest(accepted, r, settings).outcome === 'accepted') {
      accepted.push(r);
    }
  }
  return accepted;
}

describe(decidePilotRequest.name, () => {
  it('accepts ten per category and refuses the eleventh', () => {
    const settings = settingsFor();
    const accepted = decideAll(
      Array.from({ length: 10 }, (_, i) => request(i, 'asset_based')),
      settings,
    );
    expect(accepted).toHaveLength(10);
    expect(decidePilotRequest(accepted, request(10, 'asset_based'), settings)).toEqual({
      outcome: 'refused_cap_reached',
      message:
        'The 3PL pilot already has 10 asset-based participants, the most allowed (10; P.L. 118-98: not more than 10 per category).',
    });
    // The other category is counted on its own.
    expect(decidePilotRequest(accepted, request(11, 'non_asset_based'), settings)).toEqual({
      outcome: 'accepted',
      category: 'non_asset_based',
      position: 1,
    });
  });

  it('refuses a company already in the pilot, and requests after the end date', () => {
    const settings = settingsFor();
    const first = request(1, 'asset_based');
    expect(
      decidePilotRequest(
        [first],
        { ...request(2, 'non_asset_based'), companyId: 'company-1' },
        settings,
      ).outcome,
    ).toBe('refused_already_participating');
    expect(
      decidePilotRequest(
        [],
        { ...request(3, 'asset_based'), requestedAt: new Date('2030-12-01T00:00:00Z') },
        settings,
      ),
    ).toEqual({
      outcome: 'refused_pilot_ended',
      message: 'The 3PL pilot ended on 2030-11-30; this request was made on 2030-12-01.',
    });
  });

  it('follows a lower configured cap', () => {
    const settings = settingsFor({ non_asset_based: 2 });
    const accepted = decideAll(
      [0, 1, 2].map((n) => request(n, 'non_asset_based')),
      settings,
    );
    expect(accepted.map((r) => r.id)).toEqual(['req-000', 'req-001']);
  });
});

describe('caps whatever the order of requests', () => {
  const requests = fc
    .array(
      fc.record({
        company: fc.integer({ min: 0, max: 40 }),
        category: fc.constantFrom(...PILOT_CATEGORIES),
        minutes: fc.integer({ min: 0, max: 60 * 24 * 30 }),
      }),
      { maxLength: 80 },
    )
    .map((rows) =>
      rows.map(
        (row, i): PilotRequest => ({
          id: `req-${String(i).padStart(3, '0')}`,
          companyId: `company-${row.company}`,
          category: row.category,
          requestedAt: new Date(base + row.minutes * 60_000),
        }),
      ),
    );

  it('never accepts more than the cap in a category, in any arrival order', () => {
    fc.assert(
      fc.property(
        requests.chain((rs) => fc.shuffledSubarray(rs, { minLength: rs.length })),
        fc.integer({ min: 1, max: STATUTORY_PILOT_CAP }),
        (arrivals, cap) => {
          const settings = settingsFor({ asset_based: cap });
          const accepted = decideAll(arrivals, settings);
          for (const category of PILOT_CATEGORIES) {
            const count = accepted.filter((r) => r.category === category).length;
            expect(count).toBeLessThanOrEqual(settings.capPerCategory[category]);
            expect(count).toBeLessThanOrEqual(STATUTORY_PILOT_CAP);
          }
          expect(new Set(accepted.map((r) => r.companyId)).size).toBe(accepted.length);
        },
      ),
    );
  });

  it('accepts the earliest requests when they are decided in time order, as ranking predicts', () => {
    fc.assert(
      fc.property(requests, (rs) => {
        const settings = settingsFor();
        const inTimeOrder = [...rs].sort(comparePilotRequests);
        const accepted = decideAll(inTimeOrder, settings);
        const ranked = rankPilotRequests([], rs, settings);
        for (const category of PILOT_CATEGORIES) {
          const predicted = ranked[category].filter((r) => r.withinCap).map((r) => r.request.id);
          expect(accepted.filter((r) => r.category === category).map((r) => r.id)).toEqual(
            predicted,
          );
        }
      }),
    );
  });

  it('ranks the same whatever the order of the waiting list', () => {
    fc.assert(
      fc.property(
        requests.chain((rs) =>
          fc.tuple(fc.constant(rs), fc.shuffledSubarray(rs, { minLength: rs.length })),
        ),
        ([rs, shuffled]) => {
          const settings = settingsFor();
          expect(rankPilotRequests([], shuffled, settings)).toEqual(
            rankPilotRequests([], rs, settings),
          );
        },
      ),
    );
  });
});

describe(rankPilotRequests.name, () => {
  it('ranks waiting requests per category and marks the places left', () => {
    const settings = settingsFor();
    const accepted = Array.from({ length: 9 }, (_, i) => request(i, 'asset_based'));
    const waiting = [
      request(20, 'asset_based', 300),
      request(21, 'asset_based', 200),
      request(22, 'non_asset_based', 100),
      { ...request(23, 'asset_based', 50), companyId: 'company-1' },
    ];
    const ranked = rankPilotRequests(accepted, waiting, settings);
    expect(ranked.asset_based.map((r) => [r.request.id, r.rank, r.withinCap] as const)).toEqual([
      ['req-021', 1, true],
      ['req-020', 2, false],
    ]);
    expect(ranked.non_asset_based.map((r) => r.request.id)).toEqual(['req-022']);
  });

  it('breaks a tie on the same instant by request id', () => {
    const a = { ...request(2, 'asset_based', 5) };
    const b = { ...request(1, 'asset_based', 5) };
    expect([a, b].sort(comparePilotRequests).map((r) => r.id)).toEqual(['req-001', 'req-002']);
  });
});

describe(resolvePilotSettings.name, () => {
  it('defaults the caps to 10 and the start to 1 December 2025, marked provisional', () => {
    const resolved = resolvePilotSettings({ endsOn: calendarDate('2026-12-01') });
    expect(resolved).toEqual({
      ok: true,
      settings: {
        capPerCategory: { asset_based: 10, non_asset_based: 10 },
        startsOn: '2025-12-01',
        endsOn: '2026-12-01',
      },
      startIsProvisional: true,
    });
  });

  it('refuses caps above the statute, a start before the notice allows, and ends outside 1–5 years', () => {
    const resolved = resolvePilotSettings({
      capPerCategory: { asset_based: 11, non_asset_based: 0 },
      startsOn: calendarDate('2025-11-30'),
      endsOn: calendarDate('2026-06-01'),
    });
    expect(resolved.ok).toBe(false);
    if (!resolved.ok) {
      expect(resolved.issues.map((issue) => issue.path)).toEqual([
        'capPerCategory.asset_based',
        'capPerCategory.non_asset_based',
        'startsOn',
        'endsOn',
      ]);
    }
    const tooLong = resolvePilotSettings({
      startsOn: calendarDate('2026-01-01'),
      endsOn: calendarDate('2031-01-02'),
    });
    expect(tooLong.ok).toBe(false);
    expect(
      resolvePilotSettings({
        startsOn: calendarDate('2026-01-01'),
        endsOn: calendarDate('2031-01-01'),
      }).ok,
    ).toBe(true);
  });
});
