import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DESIGNATIONS } from '../criteria/catalog.schema.ts';
import { criterionIdArbitrary } from '../criteria/criteria-arbitraries.test-support.ts';
import { ANSWER_STATUSES } from '../security-profile/profile-vocabulary.ts';
import { addDays, calendarDate, daysBetween } from '../time/calendar-date.ts';
import {
  askToSee,
  buildPreparationPackage,
  DEFAULT_STEP_PERIODS,
  durationText,
  evidenceFlag,
  firstVisitOn,
  noCbpForeignVisit,
  openItemsOf,
  type PackageCriterionInput,
  type PackageInput,
  type PackageSite,
  PREPARATION_STEP_IDS,
  type PreviousFinding,
  type PreviousResponse,
  preparationSteps,
} from './preparation-package.ts';
import { PREPARATION_TEXT } from './preparation-package-text.ts';
import {
  DOCUMENT_LANGUAGES,
  FINDING_RATINGS,
  RESPONSE_DECISIONS,
} from './validation-vocabulary.ts';

const today = calendarDate('2026-11-29');

function site(overrides: Partial<PackageSite> = {}): PackageSite {
  return {
    name: 'Plant',
    address: '1 Test Street',
    countryCode: 'US',
    location: 'domestic',
    mraProgramName: null,
    cbpVisitRequired: true,
    visitOn: null,
    agenda: [],
    ...overrides,
  };
}

function criterion(overrides: Partial<PackageCriterionInput> = {}): PackageCriterionInput {
  return {
    id: '1.1',
    category: 1,
    designation: 'must',
    provisional: false,
    text: 'A statement of support',
    guidance: null,
    answer: { status: 'implemented', narrative: 'Signed by the CEO.', toReconfirm: false },
    evidence: [],
    ...overrides,
  };
}

function input(overrides: Partial<PackageInput> = {}): PackageInput {
  return {
    language: 'en',
    today,
    memberName: 'Acme Imports',
    validation: {
      kind: 'revalidation',
      mode: 'in_person',
      status: 'scheduled',
      dueOn: '2027-03-01',
      noticeSentOn: '2026-11-29',
      startsOn: '2027-01-11',
      endsOn: '2027-01-12',
      officeName: 'Office',
      specialistName: 'Sam Specialist',
    },
    sites: [site({ visitOn: '2027-01-11' })],
    participants: [],
    criteria: [criterion()],
    hasProfile: true,
    previous: null,
    ...overrides,
  };
}

describe('the steps', () => {
  it('lists the documented standard order, each with a duration in both languages', () => {
    const steps = preparationSteps(DEFAULT_STEP_PERIODS, { foreignVisit: false, visitedSites: 2 });
    expect(steps.map((step) => step.id)).toEqual([
      'notice',
      'member_preparation',
      'profile_review',
      'site_visits',
      'report',
      'member_response',
      'closing',
    ]);
    for (const language of DOCUMENT_LANGUAGES) {
      for (const step of steps) {
        expect(PREPARATION_TEXT[language].steps[step.id].title).not.toBe('');
        expect(durationText(step, language).text).not.toBe('');
      }
    }
    const notice = steps[0];
    expect(notice && durationText(notice, 'en').text).toBe(
      'At least 30 days before the first visit',
    );
  });

  it('asks for the longer notice when CBP visits a foreign site, and marks durations provisional', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.nat(10), (foreignVisit, visited) => {
        const steps = preparationSteps(DEFAULT_STEP_PERIODS, {
          foreignVisit,
          visitedSites: visited,
        });
        const notice = steps.find((step) => step.id === 'notice')?.duration;
        expect(notice).toEqual({
          kind: 'at_least_before_visit',
          days: foreignVisit ? 60 : 30,
          foreign: foreignVisit,
        });
        const visits = steps.find((step) => step.id === 'site_visits')?.duration;
        expect(visits).toMatchObject({ kind: 'per_site', sites: Math.max(1, visited) });
        expect(steps.every((step) => step.provisional)).toBe(true);
        expect(steps).toHaveLength(PREPARATION_STEP_IDS.length);
      }),
    );
  });

  it('uses the configured response period, provisional unless verified', () => {
    const steps = preparationSteps(
      { ...DEFAULT_STEP_PERIODS, responseDays: 45, responseProvisional: false },
      { foreignVisit: false, visitedSites: 1 },
    );
    const response = steps.find((step) => step.id === 'member_response');
    expect(response && durationText(response, 'es')).toEqual({
      text: 'Dentro de 45 días desde el informe',
      provisional: false,
    });
    expect(steps.find((step) => step.id === 'report')?.provisional).toBe(true);
  });
});

describe('sites', () => {
  it('flags a foreign site covered by an MRA partner program as needing no CBP foreign visit', () => {
    // As scheduling stores it (cbpVisitsSite): an MRA-covered foreign site is not visited.
    expect(
      noCbpForeignVisit(
        site({ location: 'foreign', mraProgramName: 'AEO (EU)', cbpVisitRequired: false }),
      ),
    ).toBe(true);
    expect(noCbpForeignVisit(site({ location: 'foreign', cbpVisitRequired: false }))).toBe(true);
    expect(noCbpForeignVisit(site({ location: 'foreign' }))).toBe(false);
    expect(noCbpForeignVisit(site({ location: 'domestic', cbpVisitRequired: false }))).toBe(false);
  });

  it('takes the first visit from the visited sites, else the start date', () => {
    const sites = [
      site({
        location: 'foreign',
        mraProgramName: 'AEO',
        cbpVisitRequired: false,
        visitOn: '2027-01-05',
      }),
      site({ visitOn: '2027-01-12' }),
      site({ visitOn: '2027-01-10', countryCode: 'MX', location: 'foreign' }),
    ];
    expect(firstVisitOn('2027-01-01', sites)).toBe('2027-01-10');
    expect(firstVisitOn('2027-01-01', [site()])).toBe('2027-01-01');
    expect(firstVisitOn(null, [])).toBeNull();
  });
});

describe('evidence expiry', () => {
  const visit = calendarDate('2027-01-11');

  it('flags expired, expiring before the first visit, and expiring within 30 days of it', () => {
    expect(evidenceFlag(null, today, visit)).toBeNull();
    expect(evidenceFlag('2026-11-28', today, visit)).toBe('expired');
    expect(evidenceFlag('2026-11-29', today, visit)).toBe('expires_before_visit');
    expect(evidenceFlag('2027-01-10', today, visit)).toBe('expires_before_visit');
    expect(evidenceFlag('2027-01-11', today, visit)).toBe('expiring');
    expect(evidenceFlag('2027-02-10', today, visit)).toBe('expiring');
    expect(evidenceFlag('2027-02-11', today, visit)).toBeNull();
    // A readiness check has no visit: measured from today.
    expect(evidenceFlag('2026-12-29', today, null)).toBe('expiring');
    expect(evidenceFlag('2026-12-30', today, null)).toBeNull();
  });

  it('never lets a document that lapses before the first visit pass unflagged', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -400, max: 400 }),
        fc.integer({ min: 0, max: 200 }),
        (offset, lead) => {
          const expires = addDays(today, offset);
          const firstVisit = addDays(today, lead);
          const flag = evidenceFlag(expires, today, firstVisit);
          if (daysBetween(expires, firstVisit) > 0) expect(flag).not.toBeNull();
          if (offset < 0) expect(flag).toBe('expired');
          if (daysBetween(firstVisit, expires) > 30) expect(flag).toBeNull();
        },
      ),
    );
  });
});

describe('what the specialist will ask to see', () => {
  it('is the catalog’s guidance when there is some, else the category’s standard line', () => {
    expect(askToSee({ category: 6, guidance: ' Seal log for 12 months ' }, 'en')).toEqual({
      text: 'Seal log for 12 months',
      fromCatalog: true,
    });
    for (const language of DOCUMENT_LANGUAGES) {
      for (let category = 1; category <= 12; category += 1) {
        const line = askToSee({ category, guidance: null }, language);
        expect(line.fromCatalog).toBe(false);
        expect(line.text.length).toBeGreaterThan(20);
      }
    }
  });
});

describe('open items of the last validation', () => {
  const findingArbitrary = fc.record({
    id: fc.uuid(),
    criterionId: criterionIdArbitrary,
    rating: fc.constantFrom(...FINDING_RATINGS),
    notes: fc.constant('note'),
    siteName: fc.constantFrom<string | null>(null, 'Plant'),
  });

  it('keeps required actions and recommendations unless their latest response was accepted', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(findingArbitrary, { selector: (finding) => finding.id, maxLength: 20 }),
        fc.array(
          fc.record({
            pick: fc.nat(),
            submittedAt: fc
              .integer({ min: 0, max: 1_000_000 })
              .map((seconds) => new Date(Date.UTC(2026, 0, 1) + seconds * 1000).toISOString()),
            decision: fc.constantFrom(null, ...RESPONSE_DECISIONS),
          }),
          { maxLength: 40 },
        ),
        (findings: PreviousFinding[], raw) => {
          const responses: PreviousResponse[] =
            findings.length === 0
              ? []
              : raw.map((entry) => ({
                  findingId: findings[entry.pick % findings.length]?.id ?? '',
                  submittedAt: entry.submittedAt,
                  decision: entry.decision,
                }));
          const open = openItemsOf(findings, responses);
          const openIds = new Set(open.map((item) => item.findingId));
          for (const finding of findings) {
            const own = responses
              .filter((response) => response.findingId === finding.id)
              .sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
            const latest = own.at(-1);
            const shouldBeOpen =
              (finding.rating === 'required_action' || finding.rating === 'recommendation') &&
              latest?.decision !== 'accepted';
            expect(openIds.has(finding.id)).toBe(shouldBeOpen);
          }
        },
      ),
    );
  });

  it('says why an item is open', () => {
    const findings: PreviousFinding[] = [
      { id: 'a', criterionId: '3.4', rating: 'required_action', notes: '', siteName: null },
      { id: 'b', criterionId: '1.2', rating: 'recommendation', notes: '', siteName: null },
      { id: 'c', criterionId: '2.1', rating: 'required_action', notes: '', siteName: null },
      { id: 'd', criterionId: '6.1', rating: 'required_action', notes: '', siteName: null },
    ];
    const responses: PreviousResponse[] = [
      { findingId: 'a', submittedAt: '2026-01-01T00:00:00Z', decision: 'accepted' },
      { findingId: 'a', submittedAt: '2026-02-01T00:00:00Z', decision: 'returned' },
      { findingId: 'c', submittedAt: '2026-01-01T00:00:00Z', decision: null },
      { findingId: 'd', submittedAt: '2026-01-01T00:00:00Z', decision: 'returned' },
      { findingId: 'd', submittedAt: '2026-03-01T00:00:00Z', decision: 'accepted' },
    ];
    expect(openItemsOf(findings, responses).map((item) => [item.criterionId, item.state])).toEqual([
      ['1.2', 'no_response'],
      ['2.1', 'awaiting_decision'],
      ['3.4', 'returned'],
    ]);
  });
});

describe('the package', () => {
  const criteriaArbitrary = fc.uniqueArray(
    fc.record({
      id: criterionIdArbitrary,
      designation: fc.constantFrom(...DESIGNATIONS),
      status: fc.constantFrom(null, ...ANSWER_STATUSES),
      evidence: fc.array(fc.option(fc.integer({ min: -60, max: 120 }), { nil: null }), {
        maxLength: 3,
      }),
    }),
    { selector: (entry) => entry.id, maxLength: 40 },
  );

  it('carries every applicable criterion once, grouped by category in id order, with its answer', () => {
    fc.assert(
      fc.property(
        criteriaArbitrary,
        fc.constantFrom(...DOCUMENT_LANGUAGES),
        (entries, language) => {
          const criteria = entries.map((entry) =>
            criterion({
              id: entry.id,
              category: Number(entry.id.split('.')[0]),
              designation: entry.designation,
              answer:
                entry.status === null
                  ? null
                  : { status: entry.status, narrative: `answer ${entry.id}`, toReconfirm: false },
              evidence: entry.evidence.map((offset, index) => ({
                evidenceId: `${entry.id}-${index}`,
                title: `Doc ${entry.id} ${index}`,
                expiresOn: offset === null ? null : addDays(today, offset),
              })),
            }),
          );
          const built = buildPreparationPackage(input({ language, criteria }));
          const listed = built.categories.flatMap((category) => category.criteria);
          expect(listed.map((entry) => entry.id).sort()).toEqual(
            entries.map((entry) => entry.id).sort(),
          );
          for (const category of built.categories) {
            expect(category.criteria.every((entry) => entry.category === category.category)).toBe(
              true,
            );
          }
          const categoryOrder = built.categories.map((category) => category.category);
          expect(categoryOrder).toEqual([...categoryOrder].sort((a, b) => a - b));
          for (const entry of listed) {
            expect(entry.askToSee).not.toBe('');
          }
          // Every flagged document has a renewal line on the checklist.
          const flagged = built.evidence.filter((document) => document.flag !== null);
          expect(built.checklist.filter((item) => item.kind === 'renew')).toHaveLength(
            flagged.length,
          );
          // Every must without evidence is named on the checklist.
          const bare = listed.filter(
            (entry) => entry.designation === 'must' && entry.evidence.length === 0,
          );
          const missing = built.checklist.find((item) => item.kind === 'missing_evidence');
          expect(missing?.criterionIds ?? []).toEqual(bare.map((entry) => entry.id));
        },
      ),
    );
  });

  it('is a readiness check without a validation: no visit, expiry measured from today', () => {
    const built = buildPreparationPackage(
      input({
        validation: null,
        sites: [],
        criteria: [
          criterion({
            evidence: [{ evidenceId: 'e1', title: 'Seal log', expiresOn: '2026-12-10' }],
          }),
        ],
      }),
    );
    expect(built.kind).toBe('readiness');
    expect(built.firstVisitOn).toBeNull();
    expect(built.evidence[0]?.flag).toBe('expiring');
    expect(built.checklist.some((item) => item.text.includes('Renew “Seal log” soon'))).toBe(true);
  });

  it('lists the open items of the previous validation with the current answer', () => {
    const built = buildPreparationPackage(
      input({
        criteria: [criterion({ id: '3.4', category: 3, answer: null })],
        previous: {
          closedOn: '2023-02-01',
          outcome: 'meets',
          findings: [
            { id: 'f', criterionId: '3.4', rating: 'required_action', notes: 'x', siteName: null },
          ],
          responses: [],
        },
      }),
    );
    expect(built.openItems).toMatchObject([{ criterionId: '3.4', currentStatus: null }]);
    expect(built.checklist.some((item) => item.kind === 'open_items')).toBe(true);
  });

  it('splits contacts by side', () => {
    const built = buildPreparationPackage(
      input({
        participants: [
          { side: 'member', name: 'Pat', title: 'Manager', email: null, phone: null },
          { side: 'cbp', name: 'Sam', title: 'SCSS', email: 'sam@cbp.gov', phone: null },
        ],
      }),
    );
    expect(built.cbpContacts.map((person) => person.name)).toEqual(['Sam']);
    expect(built.memberContacts.map((person) => person.name)).toEqual(['Pat']);
  });
});
