import { describe, expect, it } from 'vitest';
import {
  MEMBER_TRANSITIONS,
  OwnMembershipTransitionBodySchema,
} from './member-transition.schema.ts';
import { MEMBERSHIP_TRANSITIONS, TRANSITION_RULES } from './membership-transitions.ts';

describe('MEMBER_TRANSITIONS', () => {
  it('are exactly the officer’s transitions in the domain table, submission aside', () => {
    const officers = MEMBERSHIP_TRANSITIONS.filter(
      (transition) =>
        transition !== 'submit_application' &&
        (TRANSITION_RULES[transition].roles as readonly string[]).includes('company_officer'),
    );
    expect([...MEMBER_TRANSITIONS].sort()).toEqual([...officers].sort());
  });

  it('refuses a CBP transition by naming the field', () => {
    const parsed = OwnMembershipTransitionBodySchema.safeParse({ transition: 'certify' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['transition']);
  });
});
