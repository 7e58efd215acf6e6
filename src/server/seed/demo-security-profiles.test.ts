import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pdfText } from '../../../tests/setup/document-text.ts';
import { CATEGORY_NUMBERS } from '../../domain/criteria/msc-categories.ts';
import { expiryState } from '../../domain/evidence/evidence-expiry.ts';
import { decideMediaType } from '../../domain/evidence/evidence-media.ts';
import { annualReviewTarget } from '../../domain/security-profile/annual-review.ts';
import { NARRATIVE_MAX_CHARS } from '../../domain/security-profile/security-profile.schema.ts';
import { addDays, type CalendarDate, calendarDate } from '../../domain/time/calendar-date.ts';
import { pdfReadability, sha256Of, sniffContent } from '../modules/evidence/evidence-inspection.ts';
import { DEMO_ACCOUNTS } from './demo-accounts.ts';
import { demoMembershipRows } from './demo-membership-timeline.ts';
import { DEMO_MEMBERSHIPS } from './demo-registry.ts';
import {
  DEMO_NARRATIVES,
  DEMO_SECURITY_PROFILES,
  type DemoSecurityProfile,
  demoNarrative,
} from './demo-security-profiles.ts';
import { linkedCriteria } from './seed-security-profiles.ts';

const TODAY = calendarDate('2026-01-02');

function membershipOf(demo: DemoSecurityProfile) {
  const membership = DEMO_MEMBERSHIPS.find((entry) => entry.organisation === demo.organisation);
  if (!membership) throw new Error(`${demo.organisation} has no demo membership`);
  return membership;
}

function stepDaysAgo(demo: DemoSecurityProfile, transition: string): number {
  const step = membershipOf(demo).steps.find((entry) => entry.transition === transition);
  if (!step) throw new Error(`${demo.organisation} has no ${transition} step`);
  return step.daysAgo;
}

function profileIn(state: 'draft' | 'submitted' | 'approved'): DemoSecurityProfile {
  const found = DEMO_SECURITY_PROFILES.find((demo) =>
    state === 'draft'
      ? demo.submittedDaysAgo === undefined
      : state === 'approved'
        ? demo.review?.outcome.kind === 'approved'
        : demo.submittedDaysAgo !== undefined && demo.review?.outcome.kind !== 'approved',
  );
  if (!found) throw new Error(`no demo profile ${state}`);
  return found;
}

describe('demo narratives', () => {
  it('has several answers of a sentence or two for every MSC category', () => {
    expect(
      Object.keys(DEMO_NARRATIVES)
        .map(Number)
        .sort((a, b) => a - b),
    ).toEqual([...CATEGORY_NUMBERS]);
    for (const category of CATEGORY_NUMBERS) {
      const narratives = DEMO_NARRATIVES[category] ?? [];
      expect(narratives.length, `category ${category}`).toBeGreaterThanOrEqual(3);
      expect(new Set(narratives).size).toBe(narratives.length);
      for (const narrative of narratives) {
        const sentences = narrative.split(/[.;:]\s+(?=[A-Z])/).length;
        expect(sentences, narrative).toBeLessThanOrEqual(2);
        expect(narrative.length).toBeLessThan(400);
      }
    }
  });

  it('names the company’s site and leaves no placeholder', () => {
    for (const category of CATEGORY_NUMBERS) {
      for (let index = 0; index < 6; index += 1) {
        const text = demoNarrative(category, index, 'the Nuevo Laredo yard');
        expect(text).not.toMatch(/[{}]/);
        expect(text.length).toBeLessThanOrEqual(NARRATIVE_MAX_CHARS);
      }
    }
    expect(DEMO_NARRATIVES[6]?.some((text) => text.includes('{site}'))).toBe(true);
    expect(demoNarrative(6, 0, 'the Nuevo Laredo yard')).toContain('the Nuevo Laredo yard');
  });
});

describe('demo Security Profiles', () => {
  it('belong to demo members, started by their officer after the application draft', () => {
    const organisations = DEMO_SECURITY_PROFILES.map((demo) => demo.organisation);
    expect(new Set(organisations).size).toBe(organisations.length);
    for (const demo of DEMO_SECURITY_PROFILES) {
      const officer = DEMO_ACCOUNTS.find((account) => account.key === demo.officer);
      expect(officer?.memberships).toEqual([
        { organisation: demo.organisation, role: 'company_officer' },
      ]);
      expect(demo.startedDaysAgo).toBeLessThanOrEqual(membershipOf(demo).draftSavedDaysAgo);
      expect(demo.lastAnswerDaysAgo).toBeLessThan(demo.startedDaysAgo);
      if (demo.submittedDaysAgo !== undefined) {
        expect(demo.submittedDaysAgo).toBeLessThan(demo.lastAnswerDaysAgo);
      }
      for (const document of demo.evidence) {
        expect(document.uploadedDaysAgo).toBeLessThan(demo.startedDaysAgo);
        expect(document.uploadedDaysAgo).toBeGreaterThanOrEqual(demo.submittedDaysAgo ?? 0);
      }
    }
  });

  it('has one profile in review, submitted before the specialist started the profile review', () => {
    const demo = profileIn('submitted');
    const state = demoMembershipRows(membershipOf(demo), TODAY).state;
    expect(state).toMatchObject({ status: 'under_review', reviewStep: 'profile_review' });
    expect(demo.submittedDaysAgo).toBeGreaterThan(stepDaysAgo(demo, 'start_profile_review'));
    expect(demo.submittedDaysAgo).toBeLessThan(stepDaysAgo(demo, 'assign_specialist'));
    // Reviewed by the member's specialist, after the review step started.
    expect(demo.review?.reviewer).toBe(membershipOf(demo).specialist);
    expect(demo.review?.reviewedDaysAgo).toBeLessThan(stepDaysAgo(demo, 'start_profile_review'));
    expect(demo.notApplicable?.justification.trim()).not.toBe('');
  });

  it('has one approved profile, approved by the specialist the day the registry approved it', () => {
    const demo = profileIn('approved');
    const outcome = demo.review?.outcome;
    expect(outcome?.kind).toBe('approved');
    if (outcome?.kind !== 'approved') return;
    expect(outcome.decidedDaysAgo).toBe(stepDaysAgo(demo, 'approve_profile'));
    expect(demo.review?.reviewer).toBe(membershipOf(demo).specialist);
    expect(demo.review?.reviewedDaysAgo).toBeGreaterThan(outcome.decidedDaysAgo);
    expect(demo.review?.reviewedDaysAgo).toBeLessThan(demo.submittedDaysAgo ?? 0);
  });

  it('opens the approved member’s annual review window on any seeding day', () => {
    const demo = profileIn('approved');
    fc.assert(
      fc.property(
        // Any seeding day from 2000 to 2090 (days after 1 January 2000).
        fc.integer({ min: 0, max: 33_000 }),
        (offset) => {
          const today: CalendarDate = addDays(calendarDate('2000-01-01'), offset);
          const rows = demoMembershipRows(membershipOf(demo), today);
          expect(['certified', 'validated', 'validated_exceeds']).toContain(rows.state.status);
          const certifiedOn = calendarDate(rows.membership.certifiedOn ?? '');
          const target = annualReviewTarget(certifiedOn, today, new Set());
          expect(target.phase).toBe('open');
          expect(target.daysToAnniversary).toBeGreaterThanOrEqual(20);
          expect(target.daysToAnniversary).toBeLessThanOrEqual(21);
        },
      ),
    );
  });

  it('has one draft for a company that has not been reviewed, with a document about to expire', () => {
    const demo = profileIn('draft');
    const state = demoMembershipRows(membershipOf(demo), TODAY).state;
    expect(['pre_applicant', 'applicant']).toContain(state.status);
    expect(demo.review).toBeUndefined();
    const expiring = demo.evidence.filter(
      (document) =>
        document.expiresInDays !== null &&
        expiryState(addDays(TODAY, document.expiresInDays), TODAY) === 'expiring',
    );
    expect(expiring).toHaveLength(1);
    expect(demo.evidence.length).toBeGreaterThanOrEqual(3);
  });
});

describe('demo evidence files', () => {
  const documents = DEMO_SECURITY_PROFILES.flatMap((demo) => demo.evidence);

  it('are files of their declared type that the upload checks accept', async () => {
    expect(new Set(documents.map((document) => document.key)).size).toBe(documents.length);
    expect(new Set(documents.map((document) => document.mediaType))).toEqual(
      new Set(['application/pdf', 'image/png', 'text/csv']),
    );
    for (const document of documents) {
      const bytes = document.content(TODAY);
      const decision = decideMediaType(await sniffContent(bytes), {
        filename: document.originalFilename,
        contentType: document.mediaType,
      });
      expect(decision, document.key).toEqual({ ok: true, mediaType: document.mediaType });
      if (document.mediaType === 'application/pdf') {
        expect(await pdfReadability(bytes)).toEqual({ readable: true, pages: 1 });
      }
    }
  });

  it('are the same bytes on every machine, and differ from one another', () => {
    const hashes = documents.map((document) => sha256Of(document.content(TODAY)));
    expect(new Set(hashes).size).toBe(hashes.length);
    expect(documents.map((document) => sha256Of(document.content(TODAY)))).toEqual(hashes);
  });

  it('print readable text in the PDFs, and dates relative to the seeding day', async () => {
    const certificate = documents.find((document) => document.expiresInDays !== null);
    if (!certificate) throw new Error('no expiring document');
    const text = await pdfText(certificate.content(TODAY));
    expect(text).toContain('ISO 17712:2013 high-security (H)');
    expect(text).toContain(`Valid until: ${addDays(TODAY, certificate.expiresInDays ?? 0)}.`);
    const seal = documents.find((document) =>
      document.key.endsWith('transportes-del-norte/evidence/seal-procedure'),
    );
    // Spanish accents are dropped (the standard PDF font has no encoding for them here).
    expect(await pdfText(seal?.content(TODAY) ?? Buffer.alloc(0))).toContain(
      'Colocacion con el metodo VVTT (ver, verificar, tirar, torcer).',
    );
  });
});

describe('linking a demo document', () => {
  const applicable = [
    { criterion: { id: '1.2', category: 1 } },
    { criterion: { id: '6.3', category: 6 } },
  ] as unknown as Parameters<typeof linkedCriteria>[1];

  it('keeps the named criteria that apply', () => {
    expect(linkedCriteria(['1.2', '9.9'], applicable)).toEqual(['1.2']);
  });

  it('falls back to the first applicable criterion of the same category, never to nothing', () => {
    expect(linkedCriteria(['6.1'], applicable)).toEqual(['6.3']);
    expect(linkedCriteria(['11.4'], applicable)).toEqual(['1.2']);
  });
});
