import { describe, expect, it } from 'vitest';
import { MEMBERSHIP_TRANSITIONS, TRANSITION_RULES } from '../lifecycle/membership-transitions.ts';
import { sviPartnerNotificationKind } from './svi-partner-notifications.ts';

describe('sviPartnerNotificationKind', () => {
  it('gives every transition that notifies SVI partners a partner kind of its own', () => {
    for (const transition of MEMBERSHIP_TRANSITIONS) {
      const { kind, audiences } = TRANSITION_RULES[transition].notification;
      if (audiences.some((audience) => audience === 'svi_connections')) {
        expect(sviPartnerNotificationKind(kind), transition).not.toBeNull();
      }
    }
  });

  it('tells partners of a removal the same way whatever its cause', () => {
    expect(sviPartnerNotificationKind('membership_removed')).toBe('svi_partner_removed');
    expect(sviPartnerNotificationKind('membership_removed_unanswered_suspension')).toBe(
      'svi_partner_removed',
    );
  });
});
