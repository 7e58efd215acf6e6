import { describe, expect, it } from 'vitest';
import type { SnapshotCriterion } from './profile-review.schema.ts';
import { versionChanges } from './version-changes.ts';

function criterion(id: string, overrides: Partial<SnapshotCriterion> = {}): SnapshotCriterion {
  return {
    id,
    category: Number(id.split('.')[0]),
    designation: 'must',
    provisional: false,
    text: `Criterion ${id}`,
    guidance: null,
    answer: {
      status: 'implemented',
      narrative: 'A written procedure.',
      responsibleUserId: null,
      toReconfirm: false,
      updatedAt: '2026-11-29T15:00:00.000Z',
    },
    evidence: [],
    ...overrides,
  };
}

describe('versionChanges', () => {
  it('names what changed in each answer, and criteria added or removed', () => {
    const before = [criterion('1.1'), criterion('1.2'), criterion('2.1'), criterion('3.1')];
    const after = [
      criterion('1.1'),
      criterion('1.2', {
        answer: {
          status: 'partially_implemented',
          narrative: 'Being rolled out.',
          responsibleUserId: null,
          toReconfirm: false,
          updatedAt: '2026-12-01T10:00:00.000Z',
        },
      }),
      criterion('2.1', {
        evidence: [
          {
            evidenceId: 'e1',
            title: 'Policy',
            originalFilename: 'policy.pdf',
            sha256: 'a'.repeat(64),
            expiresOn: null,
          },
        ],
      }),
      criterion('4.1'),
    ];
    expect(versionChanges(before, after)).toEqual([
      { criterionId: '1.2', kind: 'changed', fields: ['status', 'narrative'] },
      { criterionId: '2.1', kind: 'changed', fields: ['evidence'] },
      { criterionId: '4.1', kind: 'added', fields: [] },
      { criterionId: '3.1', kind: 'removed', fields: [] },
    ]);
  });

  it('ignores a save that changed nothing but the time', () => {
    const later = criterion('1.1', {
      answer: {
        status: 'implemented',
        narrative: 'A written procedure.',
        responsibleUserId: null,
        toReconfirm: false,
        updatedAt: '2027-01-01T00:00:00.000Z',
      },
    });
    expect(versionChanges([criterion('1.1')], [later])).toEqual([]);
  });
});
