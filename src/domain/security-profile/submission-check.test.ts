import { describe, expect, it } from 'vitest';
import { checkSubmission } from './submission-check.ts';

const answered = { status: 'implemented' as const, narrative: 'Done.', toReconfirm: false };

describe('checkSubmission', () => {
  it('blocks on every must without an answer, carried over, or not applicable without a reason', () => {
    const check = checkSubmission([
      { id: '1.1', category: 1, designation: 'must', answer: answered },
      { id: '1.2', category: 1, designation: 'must', answer: null },
      { id: '2.1', category: 2, designation: 'must', answer: { ...answered, toReconfirm: true } },
      {
        id: '2.2',
        category: 2,
        designation: 'must',
        answer: { status: 'not_applicable', narrative: '  ', toReconfirm: false },
      },
      { id: '3.1', category: 3, designation: 'should', answer: null },
    ]);
    expect(check.ready).toBe(false);
    expect(check.missing).toEqual([
      { criterionId: '1.2', category: 1, reason: 'unanswered' },
      { criterionId: '2.1', category: 2, reason: 'to_reconfirm' },
      { criterionId: '2.2', category: 2, reason: 'not_applicable_unjustified' },
    ]);
    expect(check.mustsApplicable).toBe(4);
    expect(check.mustsMet).toBe(1);
    expect(check.shouldsApplicable).toBe(1);
    expect(check.byCategory.map((entry) => entry.category)).toEqual([1, 2, 3]);
  });

  it('is ready when every must is answered, whatever the shoulds', () => {
    const check = checkSubmission([
      { id: '1.1', category: 1, designation: 'must', answer: answered },
      {
        id: '1.2',
        category: 1,
        designation: 'must',
        answer: { status: 'not_implemented', narrative: '', toReconfirm: false },
      },
      { id: '1.3', category: 1, designation: 'should', answer: null },
    ]);
    expect(check.ready).toBe(true);
    expect(check.missing).toEqual([]);
  });

  it('in an annual review, also blocks on should-answers carried over and not re-confirmed', () => {
    const criteria = [
      { id: '1.1', category: 1, designation: 'must' as const, answer: answered },
      {
        id: '1.2',
        category: 1,
        designation: 'should' as const,
        answer: { ...answered, toReconfirm: true },
      },
      { id: '1.3', category: 1, designation: 'should' as const, answer: null },
    ];
    expect(checkSubmission(criteria).ready).toBe(true);
    const annual = checkSubmission(criteria, { reconfirmAll: true });
    expect(annual.ready).toBe(false);
    expect(annual.missing).toEqual([{ criterionId: '1.2', category: 1, reason: 'to_reconfirm' }]);
  });
});
