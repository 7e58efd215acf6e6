import type { EntityType } from '../../domain/organisations/entity-types.ts';
import type { IdentifierKind } from '../../domain/registry/identifiers/identifier-kinds.ts';
import type { MembershipTransition } from '../../domain/registry/lifecycle/membership-transitions.ts';
import type { TradeComplianceStatus } from '../../domain/registry/trade-compliance/trade-compliance-vocabulary.ts';

/**
 * The demo data set's CTPAT registry: one membership per lifecycle state a newcomer should see
 * (issue 4, item 5), so the CBP queue, the member files and their clocks are alive on the first
 * start. Each membership is a timeline of the transitions that led to its state, dated in days
 * before the seeding clock's today, so the clocks (certification target, first validation,
 * revalidation, suspension response) always show meaningful days left.
 *
 * The timelines are replayed through the domain state machine (demo-membership-timeline.ts),
 * so every stored state and history row is one the app itself could have written.
 *
 * Left without a membership on purpose: Cascadia Outdoor Supply (the registry browser journey
 * applies for it from scratch), Maple Leaf Freightways and Heartland & Southern Railway (the SVI
 * journey makes them members), Atlas Air Consolidators and Blue Ridge Logistics (companies that
 * have not applied; Blue Ridge, the 3PL, gets no pilot request: the pilot's end date is not
 * configured by default, so no request can be taken).
 */

const OFFICE_SPECIALIST = 'user/scss-houston';
const SUPERVISOR = 'user/supervisor-houston';
const PROGRAM_MANAGER = 'user/program-manager';

export interface DemoTimelineStep {
  transition: MembershipTransition;
  /** How many days before the seeding clock's today the step was made. */
  daysAgo: number;
  /** The demo account (demo-accounts.ts key) that made it; its role is the actor's role. */
  actor: string;
  reason?: string;
  /** References of the documents a validation or a response rests on. */
  evidence?: string[];
}

export interface DemoMembership {
  /** The demo organisation key (demo-organisations.ts). */
  organisation: string;
  /** When the company saved its first draft application (the pre-applicant state began). */
  draftSavedDaysAgo: number;
  /** Identifiers as a person would type them; stored in the validators' canonical form. */
  entityTypes: ReadonlyArray<{
    entityType: EntityType;
    identifiers: ReadonlyArray<{ kind: IdentifierKind; value: string }>;
  }>;
  /** The specialist the supervisor assigns (assign_specialist). */
  specialist?: string;
  steps: readonly DemoTimelineStep[];
}

/** The review steps every certified member went through (officer submits, CBP reviews). */
function reviewedAndCertified(
  officer: string,
  days: {
    submitted: number;
    assigned: number;
    reviewed: number;
    approved: number;
    certified: number;
  },
): DemoTimelineStep[] {
  return [
    { transition: 'submit_application', daysAgo: days.submitted, actor: officer },
    { transition: 'assign_specialist', daysAgo: days.assigned, actor: SUPERVISOR },
    { transition: 'start_profile_review', daysAgo: days.reviewed, actor: OFFICE_SPECIALIST },
    { transition: 'approve_profile', daysAgo: days.approved, actor: OFFICE_SPECIALIST },
    { transition: 'certify', daysAgo: days.certified, actor: OFFICE_SPECIALIST },
  ];
}

export const DEMO_MEMBERSHIPS: readonly DemoMembership[] = [
  {
    // Certified (Tier I): the first validation is due within a year of certification. Its demo
    // officer, admin and contributor can start the company's Security Profile.
    organisation: 'member/great-lakes-home-goods',
    draftSavedDaysAgo: 170,
    entityTypes: [
      {
        entityType: 'importer',
        identifiers: [{ kind: 'importer_of_record_number', value: '36-2817465AD' }],
      },
    ],
    specialist: OFFICE_SPECIALIST,
    steps: reviewedAndCertified('user/officer-great-lakes', {
      submitted: 160,
      assigned: 155,
      reviewed: 150,
      approved: 125,
      certified: 110,
    }),
  },
  {
    // Pre-applicant: a saved draft its (Spanish-speaking) officer can still edit and submit.
    organisation: 'member/transportes-del-norte',
    draftSavedDaysAgo: 6,
    entityTypes: [
      {
        entityType: 'highway_carrier_us_mexico',
        identifiers: [
          { kind: 'scac', value: 'TDNF' },
          { kind: 'usdot_number', value: '2817364' },
          { kind: 'mexican_rfc', value: 'TNF980315K8A' },
        ],
      },
    ],
    steps: [],
  },
  {
    // Applicant: submitted, not yet assigned: first in the supervisor's queue.
    organisation: 'member/autotransportes-bajio',
    draftSavedDaysAgo: 20,
    entityTypes: [
      {
        entityType: 'mexican_long_haul_carrier',
        identifiers: [
          { kind: 'sct_permit_number', value: 'TPAF-1107-2384' },
          { kind: 'mexican_rfc', value: 'ABA870612R49' },
        ],
      },
    ],
    steps: [
      {
        transition: 'submit_application',
        daysAgo: 12,
        actor: 'user/officer-autotransportes-bajio',
      },
    ],
  },
  {
    // Under review, specialist assigned.
    organisation: 'member/pacific-crescent-lines',
    draftSavedDaysAgo: 40,
    entityTypes: [{ entityType: 'sea_carrier', identifiers: [{ kind: 'scac', value: 'PCLN' }] }],
    specialist: OFFICE_SPECIALIST,
    steps: [
      {
        transition: 'submit_application',
        daysAgo: 30,
        actor: 'user/officer-pacific-crescent-lines',
      },
      { transition: 'assign_specialist', daysAgo: 21, actor: SUPERVISOR },
    ],
  },
  {
    // Under review, Security Profile review.
    organisation: 'member/gulf-coast-terminal-partners',
    draftSavedDaysAgo: 70,
    entityTypes: [
      {
        entityType: 'marine_port_terminal_operator_us',
        identifiers: [{ kind: 'fmc_marine_terminal_operator_number', value: '024615' }],
      },
    ],
    specialist: OFFICE_SPECIALIST,
    steps: [
      {
        transition: 'submit_application',
        daysAgo: 58,
        actor: 'user/officer-gulf-coast-terminal-partners',
      },
      { transition: 'assign_specialist', daysAgo: 52, actor: SUPERVISOR },
      { transition: 'start_profile_review', daysAgo: 41, actor: OFFICE_SPECIALIST },
    ],
  },
  {
    // Under review, vetting: the 90-day certification target is a few days away.
    organisation: 'member/manufacturas-electronicas-juarez',
    draftSavedDaysAgo: 95,
    entityTypes: [
      {
        entityType: 'foreign_manufacturer',
        identifiers: [
          { kind: 'manufacturer_identification_code', value: 'MXMANELE1450CIU' },
          { kind: 'mexican_rfc', value: 'MEJ950120Q7A' },
        ],
      },
    ],
    specialist: OFFICE_SPECIALIST,
    steps: [
      {
        transition: 'submit_application',
        daysAgo: 82,
        actor: 'user/officer-manufacturas-electronicas-juarez',
      },
      { transition: 'assign_specialist', daysAgo: 78, actor: SUPERVISOR },
      { transition: 'start_profile_review', daysAgo: 70, actor: OFFICE_SPECIALIST },
      { transition: 'approve_profile', daysAgo: 18, actor: OFFICE_SPECIALIST },
    ],
  },
  {
    // Validated (Tier II): revalidation falls due within the year. Great Lakes' customs broker,
    // connected with it through SVI.
    organisation: 'member/rio-bravo-customs-brokerage',
    draftSavedDaysAgo: 1530,
    entityTypes: [
      {
        entityType: 'customs_broker',
        identifiers: [
          { kind: 'customs_broker_licence_number', value: '27384' },
          { kind: 'entry_filer_code', value: 'R7B' },
        ],
      },
    ],
    specialist: OFFICE_SPECIALIST,
    steps: [
      ...reviewedAndCertified('user/officer-rio-bravo-customs-brokerage', {
        submitted: 1500,
        assigned: 1495,
        reviewed: 1490,
        approved: 1460,
        certified: 1440,
      }),
      {
        transition: 'record_validation_meets',
        daysAgo: 1120,
        actor: SUPERVISOR,
        evidence: ['Validation report HOU-VR-0417'],
      },
    ],
  },
  {
    // Validated, exceeds (Tier III): Tier II at its first validation, Tier III at its
    // revalidation. Holds Trade Compliance status (DEMO_TRADE_COMPLIANCE).
    organisation: 'member/harborview-apparel-group',
    draftSavedDaysAgo: 2450,
    entityTypes: [
      {
        entityType: 'importer',
        identifiers: [{ kind: 'importer_of_record_number', value: '95-3164820AA' }],
      },
    ],
    specialist: OFFICE_SPECIALIST,
    steps: [
      ...reviewedAndCertified('user/officer-harborview-apparel-group', {
        submitted: 2420,
        assigned: 2415,
        reviewed: 2410,
        approved: 2385,
        certified: 2370,
      }),
      {
        transition: 'record_validation_meets',
        daysAgo: 2010,
        actor: SUPERVISOR,
        evidence: ['Validation report HOU-VR-0188'],
      },
      {
        transition: 'record_validation_exceeds',
        daysAgo: 560,
        actor: SUPERVISOR,
        evidence: ['Revalidation report HOU-VR-0932'],
      },
    ],
  },
  {
    // Suspended, unanswered: the 90-day response clock runs from the suspension letter.
    organisation: 'member/ontario-precision-castings',
    draftSavedDaysAgo: 420,
    entityTypes: [
      {
        entityType: 'foreign_manufacturer',
        identifiers: [{ kind: 'manufacturer_identification_code', value: 'XOONTPRE3400WIN' }],
      },
    ],
    specialist: OFFICE_SPECIALIST,
    steps: [
      ...reviewedAndCertified('user/officer-ontario-precision-castings', {
        submitted: 400,
        assigned: 396,
        reviewed: 390,
        approved: 365,
        certified: 350,
      }),
      {
        transition: 'suspend',
        daysAgo: 25,
        actor: SUPERVISOR,
        reason:
          'Seals on two outbound shipments from the Windsor plant were found tampered with; the seal control procedures must be reviewed.',
      },
    ],
  },
  {
    // Withdrawn at the member's request after certification.
    organisation: 'member/skyway-cargo-airlines',
    draftSavedDaysAgo: 300,
    entityTypes: [
      { entityType: 'air_carrier', identifiers: [{ kind: 'iata_airline_code', value: 'K9' }] },
    ],
    specialist: OFFICE_SPECIALIST,
    steps: [
      ...reviewedAndCertified('user/officer-skyway-cargo-airlines', {
        submitted: 285,
        assigned: 280,
        reviewed: 274,
        approved: 250,
        certified: 236,
      }),
      {
        transition: 'withdraw',
        daysAgo: 45,
        actor: 'user/officer-skyway-cargo-airlines',
        reason:
          'Skyway sold its international cargo operations and no longer carries freight to the United States.',
      },
    ],
  },
];

/** Members taking part in SVI (consent given by their officer) and the connections between them. */
export const DEMO_SVI_PARTICIPANTS: ReadonlyArray<{
  organisation: string;
  joinedDaysAgo: number;
  joinedBy: string;
}> = [
  {
    organisation: 'member/great-lakes-home-goods',
    joinedDaysAgo: 100,
    joinedBy: 'user/officer-great-lakes',
  },
  {
    organisation: 'member/rio-bravo-customs-brokerage',
    joinedDaysAgo: 400,
    joinedBy: 'user/officer-rio-bravo-customs-brokerage',
  },
];

export const DEMO_SVI_CONNECTIONS: ReadonlyArray<{
  key: string;
  requester: string;
  requestedBy: string;
  requestedDaysAgo: number;
  recipient: string;
  acceptedBy: string;
  acceptedDaysAgo: number;
}> = [
  {
    // The importer verifies its customs broker's status.
    key: 'svi/great-lakes-to-rio-bravo',
    requester: 'member/great-lakes-home-goods',
    requestedBy: 'user/officer-great-lakes',
    requestedDaysAgo: 95,
    recipient: 'member/rio-bravo-customs-brokerage',
    acceptedBy: 'user/officer-rio-bravo-customs-brokerage',
    acceptedDaysAgo: 94,
  },
];

/**
 * Trade Compliance status (issue 7 reads it for the protest indicator). Only a CTPAT Security
 * importer at Tier II or III is eligible (trade-compliance-protests-exams.md §1.2).
 */
export const DEMO_TRADE_COMPLIANCE: ReadonlyArray<{
  organisation: string;
  status: TradeComplianceStatus;
  sinceDaysAgo: number;
  reason: string;
  changedBy: string;
}> = [
  {
    organisation: 'member/harborview-apparel-group',
    status: 'active',
    sinceDaysAgo: 500,
    reason: 'Accepted into CTPAT Trade Compliance after review of the importer self-assessment.',
    changedBy: PROGRAM_MANAGER,
  },
];
