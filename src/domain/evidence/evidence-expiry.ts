import { type CalendarDate, daysBetween } from '../time/calendar-date.ts';

/**
 * Expiry of evidence (issue 5, item 4): a document such as a certificate, an insurance policy or
 * a training record is valid through its `expiresOn` day. Expired evidence and evidence that
 * supports no criterion are the commonest reasons an uploaded document does not count, so each
 * library item carries them as warnings.
 */

/** Within this many days of its expiry date a document shows as "expiring". */
export const EXPIRING_WITHIN_DAYS = 30;

export const EXPIRY_STATES = ['none', 'valid', 'expiring', 'expired'] as const;
export type ExpiryState = (typeof EXPIRY_STATES)[number];

/** valid: more than 30 days left; expiring: 0–30 days left (0: today is the last day). */
export function expiryState(expiresOn: CalendarDate | null, today: CalendarDate): ExpiryState {
  if (expiresOn === null) {
    return 'none';
  }
  const left = daysBetween(today, expiresOn);
  if (left < 0) {
    return 'expired';
  }
  return left <= EXPIRING_WITHIN_DAYS ? 'expiring' : 'valid';
}

export const EVIDENCE_WARNINGS = ['expired', 'unlinked'] as const;
export type EvidenceWarning = (typeof EVIDENCE_WARNINGS)[number];

/** The "common rejection" warnings of a library item. */
export function evidenceWarnings(
  state: ExpiryState,
  linkedCriteriaCount: number,
): EvidenceWarning[] {
  const warnings: EvidenceWarning[] = [];
  if (state === 'expired') {
    warnings.push('expired');
  }
  if (linkedCriteriaCount === 0) {
    warnings.push('unlinked');
  }
  return warnings;
}

/**
 * Reminders go out 30 and 7 days before the expiry date and on it (0: the last valid day, or
 * later if the reminder job could not run then). Only the nearest threshold reached is sent: a
 * document uploaded with 5 days left gets the 7-day reminder, not the 30-day one as well.
 */
export const EXPIRY_REMINDER_THRESHOLDS = [30, 7, 0] as const;
export type ExpiryReminderThreshold = (typeof EXPIRY_REMINDER_THRESHOLDS)[number];

export function dueExpiryReminder(
  expiresOn: CalendarDate,
  today: CalendarDate,
): ExpiryReminderThreshold | null {
  const left = daysBetween(today, expiresOn);
  let due: ExpiryReminderThreshold | null = null;
  for (const threshold of EXPIRY_REMINDER_THRESHOLDS) {
    if (left <= threshold) {
      due = threshold;
    }
  }
  return due;
}
