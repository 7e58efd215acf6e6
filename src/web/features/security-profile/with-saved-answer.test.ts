import { describe, expect, it } from 'vitest';
import type { SecurityProfileView } from '../../../domain/security-profile/security-profile.schema.ts';
import { withSavedAnswer } from './with-saved-answer.ts';

const EMPTY = {
  answered: 0,
  applicable: 0,
  mustsMet: 0,
  mustsApplicable: 0,
  shouldsMet: 0,
  shouldsApplicable: 0,
};

function criterion(id: string, designation: 'must' | 'should') {
  return {
    id,
    text: `Criterion ${id}`,
    guidance: null,
    designation,
    byEntityType: [],
    provisional: false,
    answer: null,
    met: false,
    evidence: [],
  };
}

const view: SecurityProfileView = {
  id: '00000000-0000-4000-8000-000000000001',
  organisationId: '00000000-0000-4000-8000-000000000002',
  status: 'draft',
  cycle: 'initial',
  editable: true,
  catalogVersionId: '00000000-0000-4000-8000-000000000003',
  catalogVersion: '2019-11',
  entityTypes: ['importer'],
  readiness: { ...EMPTY, applicable: 3, mustsApplicable: 2, shouldsApplicable: 1 },
  sections: [
    {
      category: 1,
      name: 'Security Vision and Responsibility',
      provisionalName: false,
      assigneeUserId: null,
      readiness: { ...EMPTY, applicable: 2, mustsApplicable: 1, shouldsApplicable: 1 },
      criteria: [criterion('1.1', 'must'), criterion('1.2', 'should')],
    },
    {
      category: 2,
      name: 'Risk Assessment',
      provisionalName: false,
      assigneeUserId: null,
      readiness: { ...EMPTY, applicable: 1, mustsApplicable: 1 },
      criteria: [criterion('2.1', 'must')],
    },
  ],
  catalogUpdate: null,
  people: [],
  createdAt: '2026-11-29T15:00:00.000Z',
  updatedAt: '2026-11-29T15:00:00.000Z',
};

describe('withSavedAnswer', () => {
  it('updates the answer and recounts the section and the profile', () => {
    const next = withSavedAnswer(view, '1.1', {
      status: 'implemented',
      narrative: 'Policy',
      responsibleUserId: null,
      toReconfirm: false,
      updatedAt: '2026-11-29T15:01:00.000Z',
      updatedByUserId: null,
    });
    expect(next.sections[0]?.criteria[0]).toMatchObject({
      met: true,
      answer: { narrative: 'Policy' },
    });
    expect(next.sections[0]?.readiness).toMatchObject({ answered: 1, mustsMet: 1 });
    expect(next.sections[1]).toBe(view.sections[1]);
    expect(next.readiness).toEqual({
      answered: 1,
      applicable: 3,
      mustsMet: 1,
      mustsApplicable: 2,
      shouldsMet: 0,
      shouldsApplicable: 1,
    });
  });
});
