import { describe, expect, it } from 'vitest';
import { isSafeNextPath, nextPath, pendingStep } from './session-api.ts';

describe('nextPath', () => {
  it('follows paths of this site only', () => {
    expect(nextPath('/organisation/users?x=1')).toBe('/organisation/users?x=1');
    expect(nextPath(undefined)).toBe('/');
    for (const elsewhere of [
      'https://evil.example',
      '//evil.example/x',
      '/\\\\evil.example',
      'x',
    ]) {
      expect(isSafeNextPath(elsewhere), elsewhere).toBe(false);
      expect(nextPath(elsewhere)).toBe('/');
    }
  });
});

describe('pendingStep', () => {
  const signedIn = {
    signedIn: true as const,
    user: {
      id: '00000000-0000-4000-8000-000000000001',
      email: 'a@example.com',
      displayName: 'A',
      preferredLanguage: 'en' as const,
      hasAuthenticator: false,
    },
    organisationId: null,
    role: null,
    permissions: [],
    memberships: [],
    csrfToken: 'c',
  };

  it('names the second-factor step a session still owes', () => {
    expect(pendingStep({ signedIn: false })).toBeNull();
    expect(pendingStep({ ...signedIn, mfa: 'verification_required' })).toBe('verify');
    expect(pendingStep({ ...signedIn, mfa: 'enrolment_required' })).toBe('enrol');
    expect(pendingStep({ ...signedIn, mfa: 'verified' })).toBeNull();
    expect(pendingStep({ ...signedIn, mfa: 'not_required' })).toBeNull();
  });
});
