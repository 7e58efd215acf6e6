import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ENTITY_TYPES, type EntityType } from '../../organisations/entity-types.ts';
import { eligibilityQuestionnaire } from './eligibility-questionnaires.ts';
import {
  type EligibilityAnswers,
  eligibilityAnswersSchema,
  evaluateEligibility,
} from './evaluate-eligibility.ts';

function proceedAnswers(type: EntityType): Record<string, boolean> {
  return Object.fromEntries(
    eligibilityQuestionnaire(type).map((question) => [question.id, question.proceedAnswer]),
  );
}

const entityTypeArb = fc.constantFrom(...ENTITY_TYPES);

/** An entity type with, for each of its questions: unanswered, proceed or blocking. */
const answeredArb = entityTypeArb.chain((type) =>
  fc
    .array(fc.constantFrom('unanswered', 'proceed', 'block'), {
      minLength: eligibilityQuestionnaire(type).length,
      maxLength: eligibilityQuestionnaire(type).length,
    })
    .map((choices) => ({ type, choices })),
);

describe('evaluateEligibility', () => {
  it('is eligible when every question is answered with its proceed value', () => {
    for (const type of ENTITY_TYPES) {
      expect(evaluateEligibility(type, proceedAnswers(type)), type).toEqual({ eligible: true });
    }
  });

  it('flipping any one answer blocks with exactly that question’s reason', () => {
    for (const type of ENTITY_TYPES) {
      for (const question of eligibilityQuestionnaire(type)) {
        const answers = { ...proceedAnswers(type), [question.id]: !question.proceedAnswer };
        expect(evaluateEligibility(type, answers), question.id).toEqual({
          eligible: false,
          blocking: [{ questionId: question.id, reason: question.blockingReason }],
          unanswered: [],
        });
      }
    }
  });

  it('lists unanswered questions separately, and they block', () => {
    for (const type of ENTITY_TYPES) {
      const [first, ...rest] = eligibilityQuestionnaire(type);
      if (first === undefined) throw new Error(`no questions for ${type}`);
      const answers: Record<string, boolean> = {};
      for (const question of rest) answers[question.id] = question.proceedAnswer;
      expect(evaluateEligibility(type, answers), type).toEqual({
        eligible: false,
        blocking: [],
        unanswered: [first.id],
      });
    }
  });

  it('blocks on everything when nothing is answered', () => {
    const result = evaluateEligibility('importer', {});
    expect(result.eligible).toBe(false);
    if (!result.eligible) {
      expect(result.unanswered).toEqual(eligibilityQuestionnaire('importer').map((q) => q.id));
    }
  });

  it('is eligible iff all questions are answered with the proceed value (property)', () => {
    fc.assert(
      fc.property(answeredArb, ({ type, choices }) => {
        const questions = eligibilityQuestionnaire(type);
        const answers: Record<string, boolean> = {};
        const expectedBlocking: string[] = [];
        const expectedUnanswered: string[] = [];
        questions.forEach((question, index) => {
          const choice = choices[index];
          if (choice === 'proceed') {
            answers[question.id] = question.proceedAnswer;
          } else if (choice === 'block') {
            answers[question.id] = !question.proceedAnswer;
            expectedBlocking.push(question.id);
          } else {
            expectedUnanswered.push(question.id);
          }
        });
        const result = evaluateEligibility(type, answers);
        const allProceed = choices.every((choice) => choice === 'proceed');
        expect(result.eligible).toBe(allProceed);
        if (!result.eligible) {
          expect(result.blocking.map((b) => b.questionId)).toEqual(expectedBlocking);
          expect(result.unanswered).toEqual(expectedUnanswered);
          for (const blocked of result.blocking) {
            const question = questions.find((q) => q.id === blocked.questionId);
            expect(blocked.reason).toBe(question?.blockingReason);
          }
        }
      }),
    );
  });

  it('ignores inherited properties (no prototype answers)', () => {
    const answers: EligibilityAnswers = Object.create(proceedAnswers('importer'));
    expect(evaluateEligibility('importer', answers).eligible).toBe(false);
  });
});

describe('eligibilityAnswersSchema', () => {
  it('accepts a full or partial set of known answers', () => {
    const schema = eligibilityAnswersSchema('foreign_manufacturer');
    expect(schema.safeParse(proceedAnswers('foreign_manufacturer')).success).toBe(true);
    expect(schema.safeParse({}).success).toBe(true);
  });

  it('refuses unknown question ids, naming them', () => {
    const schema = eligibilityAnswersSchema('importer');
    const result = schema.safeParse({
      ...proceedAnswers('importer'),
      'sea_carrier.scac': true,
      'made.up': false,
    });
    expect(result.success).toBe(false);
    const messages = result.error?.issues.map((issue) => issue.message) ?? [];
    expect(messages).toEqual([
      'unknown eligibility question ids for importer: sea_carrier.scac, made.up',
    ]);
  });

  it('refuses non-boolean answers', () => {
    const schema = eligibilityAnswersSchema('importer');
    expect(schema.safeParse({ 'importer.active_ior_number': 'yes' }).success).toBe(false);
    expect(schema.safeParse([true]).success).toBe(false);
  });

  it('refuses any id outside the questionnaire (property)', () => {
    fc.assert(
      fc.property(entityTypeArb, fc.string({ minLength: 1 }), (type, id) => {
        const known = eligibilityQuestionnaire(type).some((q) => q.id === id);
        fc.pre(!known && id !== '__proto__');
        const result = eligibilityAnswersSchema(type).safeParse({ [id]: true });
        expect(result.success).toBe(false);
        expect(result.error?.issues[0]?.message).toContain(id);
      }),
    );
  });
});
