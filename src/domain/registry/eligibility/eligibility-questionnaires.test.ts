import { describe, expect, it } from 'vitest';
import { ENTITY_TYPES } from '../../organisations/entity-types.ts';
import {
  COMMON_ELIGIBILITY_QUESTIONS,
  ELIGIBILITY_QUESTIONNAIRES,
  type EligibilityQuestion,
  eligibilityQuestionnaire,
} from './eligibility-questionnaires.ts';

const allQuestions = ENTITY_TYPES.flatMap((type) => eligibilityQuestionnaire(type));

describe('eligibility questionnaires', () => {
  it('covers every entity type with at least one question of its own', () => {
    expect(Object.keys(ELIGIBILITY_QUESTIONNAIRES).sort()).toEqual([...ENTITY_TYPES].sort());
    for (const type of ENTITY_TYPES) {
      const own = eligibilityQuestionnaire(type).filter(
        (question) => !COMMON_ELIGIBILITY_QUESTIONS.includes(question),
      );
      expect(own.length, type).toBeGreaterThan(0);
    }
  });

  it('includes the common requirements in every questionnaire', () => {
    const commonIds = COMMON_ELIGIBILITY_QUESTIONS.map((question) => question.id);
    expect(commonIds).toEqual([
      'common.company_officer_designated',
      'common.partner_agreement_signed_by_officer',
      'common.unpaid_cbp_debt',
      'common.security_profile_to_follow',
    ]);
    for (const type of ENTITY_TYPES) {
      const ids = eligibilityQuestionnaire(type).map((question) => question.id);
      expect(ids, type).toEqual(expect.arrayContaining(commonIds));
    }
  });

  it('has unique question ids within each questionnaire', () => {
    for (const type of ENTITY_TYPES) {
      const ids = eligibilityQuestionnaire(type).map((question) => question.id);
      expect(new Set(ids).size, type).toBe(ids.length);
    }
  });

  it('uses each id for exactly one question across all questionnaires', () => {
    const byId = new Map<string, EligibilityQuestion>();
    for (const question of allQuestions) {
      const seen = byId.get(question.id);
      if (seen !== undefined) {
        expect(seen, question.id).toBe(question);
      }
      byId.set(question.id, question);
    }
  });

  it('has Spanish text that differs from the English, for questions and reasons', () => {
    for (const question of allQuestions) {
      expect(question.text.es.trim(), question.id).not.toBe('');
      expect(question.blockingReason.es.trim(), question.id).not.toBe('');
      expect(question.text.es, question.id).not.toBe(question.text.en);
      expect(question.blockingReason.es, question.id).not.toBe(question.blockingReason.en);
    }
  });

  it('cites an http(s) source for every question', () => {
    for (const question of allQuestions) {
      expect(() => new URL(question.source), question.id).not.toThrow();
      expect(question.source, question.id).toMatch(/^https?:\/\//);
    }
  });

  it('marks the UNVERIFIED sea-carrier items provisional, and nothing else', () => {
    const provisional = [...new Set(allQuestions.filter((q) => q.provisional).map((q) => q.id))];
    expect(provisional.sort()).toEqual([
      'sea_carrier.active_carrier_to_us_ports',
      'sea_carrier.continuous_international_carrier_bond',
      'sea_carrier.office_us',
      'sea_carrier.scac',
    ]);
  });

  it('blocks on unpaid CBP debt answered yes', () => {
    const debt = COMMON_ELIGIBILITY_QUESTIONS.find((q) => q.id === 'common.unpaid_cbp_debt');
    expect(debt?.proceedAnswer).toBe(false);
  });
});
