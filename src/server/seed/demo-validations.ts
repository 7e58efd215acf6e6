import type {
  FindingRating,
  ParticipantSide,
  ValidationActivity,
} from '../../domain/validations/validation-vocabulary.ts';
import type { AgendaItem } from '../modules/validations/validations.tables.ts';

/**
 * The demo validations (issue 6), so the planning view, a member's validation page with its
 * preparation package, the work program, the report and the consistency metrics show real data
 * on the first start. Each fits its company's registry timeline (demo-registry.ts), and its
 * dates are read from the stored membership, never the other way round:
 *
 * - Great Lakes Home Goods (certified, Tier I; the first validation is due a year after
 *   certification, 6 U.S.C. 965(a)): its initial validation, planned by the supervisory
 *   specialist with the Houston specialist assigned, then scheduled by her with the written
 *   notice sent 62 days before the visit: a distribution center near Chicago, and a Mexican
 *   supplier certified in Mexico's OEA (an MRA partner program, so no CBP foreign visit,
 *   ctpat-program.md §6). The visit is three weeks after the seeding day, so the member can
 *   generate its preparation package from its validation page.
 * - Harborview Apparel Group (Tier III): the revalidation the registry records as "exceeds"
 *   560 days before the seeding day (`record_validation_exceeds`), worked through the standard
 *   work program: every applicable criterion rated (mostly compliant, three recommendations,
 *   four best practices, no required action), staff hours per activity, the report written by
 *   the Houston specialist and approved by the supervisory specialist on the day the registry
 *   recorded the outcome, which closed it (nothing for the member to answer). Its dates run
 *   back from the membership's `last_validated_on`.
 * - Rio Bravo Customs Brokerage is left without a validation: a browser journey plans its
 *   revalidation from the due list.
 *
 * Criterion ids named here get their rating only when they apply to the member in the current
 * catalog with a designation that allows it (work-program.ts `checkRating`); every other
 * applicable criterion is rated compliant, so another catalog version still seeds a report the
 * app could have written.
 */

export const OFFICE_SPECIALIST = 'user/scss-houston';
export const SUPERVISOR = 'user/supervisor-houston';

export interface DemoSite {
  name: string;
  address: string;
  countryCode: string;
  /** An MRA partner program (mra-programs.ts id) the foreign site's operator is certified in. */
  mraProgramId: string | null;
  /** Days after the validation's first day the site is visited; null: no CBP visit. */
  visitDay: number | null;
  agenda: AgendaItem[];
}

export interface DemoParticipant {
  side: ParticipantSide;
  name: string;
  title: string;
  email: string | null;
  phone: string | null;
}

// ---------------------------------------------------------------------------------------------
// Great Lakes Home Goods: the initial validation, scheduled

export const GREAT_LAKES = 'member/great-lakes-home-goods';

/** Days before the seeding day: planned, then scheduled with the notice. */
export const GREAT_LAKES_PLANNED_DAYS_AGO = 60;
export const GREAT_LAKES_NOTICE_DAYS_AGO = 40;
/** Days after the seeding day of the first (and only) day of the visit. */
export const GREAT_LAKES_STARTS_IN_DAYS = 22;

export const GREAT_LAKES_SITES: readonly DemoSite[] = [
  {
    name: 'Elk Grove Village distribution center',
    address: '2250 Busse Road, Elk Grove Village, IL 60007',
    countryCode: 'US',
    mraProgramId: null,
    visitDay: 0,
    agenda: [
      { time: '09:00', topic: 'Opening meeting and introductions' },
      { time: '09:30', topic: 'Security Profile walk-through with the CTPAT team' },
      {
        time: '10:45',
        topic: 'Container receiving: 7-point inspection and seal verification (VVTT)',
      },
      { time: '13:00', topic: 'Access controls, visitor log and camera review' },
      { time: '14:00', topic: 'Business partner screening, including the OEA supplier in Jalisco' },
      { time: '15:00', topic: 'Cybersecurity interview with the IT manager' },
      { time: '16:00', topic: 'Closing meeting' },
    ],
  },
  {
    name: 'Cerámica y Textiles de Jalisco (supplier)',
    address: 'Carretera a Chapala km 14.5, Tlaquepaque, Jalisco 45640',
    countryCode: 'MX',
    mraProgramId: 'mx-oea',
    visitDay: null,
    agenda: [],
  },
];

export const GREAT_LAKES_PARTICIPANTS: readonly DemoParticipant[] = [
  {
    side: 'cbp',
    name: 'Angela Moreno',
    title: 'Supply Chain Security Specialist, CBP CTPAT Field Office, Houston',
    email: 'scss@cbp.example.gov',
    phone: '+1 713 555 0150',
  },
  {
    side: 'member',
    name: 'Dana Whitfield',
    title: 'Vice President, Trade Compliance (CTPAT point of contact)',
    email: 'officer@greatlakes.example.com',
    phone: '+1 312 555 0101',
  },
  {
    side: 'member',
    name: 'Marcus Bell',
    title: 'Logistics and Security Manager',
    email: 'admin@greatlakes.example.com',
    phone: '+1 312 555 0102',
  },
  {
    side: 'member',
    name: 'Luis Ortega',
    title: 'Distribution center security supervisor',
    email: null,
    phone: '+1 847 555 0117',
  },
];

// ---------------------------------------------------------------------------------------------
// Harborview Apparel Group: the revalidation, closed

export const HARBORVIEW = 'member/harborview-apparel-group';

/**
 * The steps of the revalidation, in days before the day it closed (the registry's
 * `last_validated_on`, when the supervisory specialist approved the report).
 */
export const HARBORVIEW_DAYS_BEFORE_CLOSING = {
  planned: 140,
  noticeSent: 120,
  starts: 50,
  ends: 47,
  reportDrafted: 35,
  reportSubmitted: 30,
} as const;

export const HARBORVIEW_SITES: readonly DemoSite[] = [
  {
    name: 'Carson distribution center',
    address: '2100 East Carson Street, Carson, CA 90810',
    countryCode: 'US',
    mraProgramId: null,
    visitDay: 0,
    agenda: [
      { time: '08:30', topic: 'Opening meeting' },
      { time: '09:00', topic: 'Receiving dock: container inspection and seal checks' },
      { time: '11:00', topic: 'Perimeter, lighting and camera coverage walk' },
      { time: '13:30', topic: 'Driver pickup log, badges and visitor control' },
      { time: '15:00', topic: 'Closing meeting' },
    ],
  },
  {
    name: 'Saigon Garment Works (contract manufacturer)',
    address: 'Lot B4, Tan Thuan Export Processing Zone, District 7, Ho Chi Minh City',
    countryCode: 'VN',
    mraProgramId: null,
    visitDay: 2,
    agenda: [
      { time: '08:00', topic: 'Factory security overview with the compliance manager' },
      { time: '09:30', topic: 'Container stuffing and sealing observed' },
      { time: '11:00', topic: 'Personnel screening and training records' },
      { time: '14:00', topic: 'Closing meeting' },
    ],
  },
];

export const HARBORVIEW_PARTICIPANTS: readonly DemoParticipant[] = [
  {
    side: 'cbp',
    name: 'Angela Moreno',
    title: 'Supply Chain Security Specialist, CBP CTPAT Field Office, Houston',
    email: 'scss@cbp.example.gov',
    phone: '+1 713 555 0150',
  },
  {
    side: 'member',
    name: 'Naomi Feldman',
    title: 'Vice President, Global Trade (CTPAT point of contact)',
    email: 'officer@harborview.example.com',
    phone: '+1 213 555 0191',
  },
  {
    side: 'member',
    name: 'Diego Ramírez',
    title: 'Distribution center security manager',
    email: null,
    phone: '+1 310 555 0174',
  },
  {
    side: 'member',
    name: 'Nguyễn Thị Lan',
    title: 'Compliance manager, Saigon Garment Works',
    email: null,
    phone: '+84 28 5555 0142',
  },
];

/** What the specialist saw, per MSC category, for a criterion rated compliant. */
export const EVIDENCE_SEEN_BY_CATEGORY: Readonly<Record<number, string>> = {
  1: 'Signed management support statement, CTPAT team charter and meeting minutes.',
  2: 'Annual risk assessment with the map of the Asian and Central American trade lanes.',
  3: 'Screening files of ten sampled suppliers and carriers.',
  4: 'Cybersecurity policy, patch reports and the summary of the last penetration test.',
  5: 'Inspection checklists of twenty sampled inbound containers.',
  6: 'Seal log, inventory reconciliation and the seal supplier’s ISO 17712 certificate.',
  7: 'Shipping documents and the discrepancy log of sampled shipments.',
  8: 'Pest contamination procedure and inspection records.',
  9: 'Site walk: fencing, gates, lighting and camera coverage.',
  10: 'Badge issuance records, visitor log and driver pickup log.',
  11: 'Hiring screening procedure and sampled personnel files.',
  12: 'Training records and attendance sheets of the past year.',
};

export const COMPLIANT_NOTE = 'Practice matches the written procedure; no gap found.';

export interface DemoFinding {
  criterionId: string;
  rating: Exclude<FindingRating, 'compliant' | 'required_action'>;
  notes: string;
  evidenceSeen: string;
}

/** Findings that are not a plain "compliant", for the whole validation. */
export const HARBORVIEW_FINDINGS: readonly DemoFinding[] = [
  {
    criterionId: '3.4',
    rating: 'best_practice',
    notes:
      'Partner screening scores CTPAT and AEO status and asks every factory for proof; most tier-one factories are certified.',
    evidenceSeen: 'Partner scoring sheet and certificates on file for 42 factories.',
  },
  {
    criterionId: '3.9',
    rating: 'best_practice',
    notes:
      'Every factory has a social compliance audit each year, and remediation is tracked to closure.',
    evidenceSeen: 'Audit schedule, supplier code of conduct and the remediation tracker.',
  },
  {
    criterionId: '6.7',
    rating: 'best_practice',
    notes:
      'VVTT seal checks are recorded with photos in the receiving app for every container; exceptions escalate on their own.',
    evidenceSeen: 'Receiving app records of the sampled containers.',
  },
  {
    criterionId: '12.1',
    rating: 'best_practice',
    notes: 'Role-based security awareness training with quarterly drills, tracked per employee.',
    evidenceSeen: 'Training matrix and drill reports.',
  },
  {
    criterionId: '5.14',
    rating: 'recommendation',
    notes:
      'Carriers track the ocean leg but not the drayage from the port: extend tracking to the last leg.',
    evidenceSeen: 'Carrier tracking reports of sampled shipments.',
  },
  {
    criterionId: '7.29',
    rating: 'recommendation',
    notes:
      'Seal numbers arrive only on the paper bill of lading: ask the factories to send them electronically before departure.',
    evidenceSeen: 'Bills of lading and advance shipping notices of sampled shipments.',
  },
  {
    criterionId: '9.14',
    rating: 'recommendation',
    notes: 'Two dock cameras stopped recording last quarter unnoticed: add failure alerts.',
    evidenceSeen: 'Camera maintenance log.',
  },
];

/** Findings recorded at one site (`site` is the index in HARBORVIEW_SITES), all compliant. */
export const HARBORVIEW_SITE_FINDINGS: ReadonlyArray<{
  site: number;
  criterionId: string;
  notes: string;
  evidenceSeen: string;
}> = [
  {
    site: 0,
    criterionId: '5.3',
    notes: 'The 7-point inspection was done right on two inbound containers at dock 4.',
    evidenceSeen: 'Inspection observed; checklists signed.',
  },
  {
    site: 0,
    criterionId: '10.4',
    notes: 'The driver pickup log was complete for the day.',
    evidenceSeen: 'Pickup log of the day of the visit.',
  },
  {
    site: 1,
    criterionId: '7.4',
    notes: 'The security lead supervised the stuffing of a 40-foot container.',
    evidenceSeen: 'Stuffing observed.',
  },
  {
    site: 1,
    criterionId: '6.2',
    notes: 'An ISO 17712 high-security seal was affixed right after stuffing and photographed.',
    evidenceSeen: 'Sealing observed; seal photo sent to the importer.',
  },
];

/** Staff hours of the specialist, in days before closing. */
export const HARBORVIEW_HOURS: ReadonlyArray<{
  activity: ValidationActivity;
  daysBeforeClosing: number;
  minutes: number;
  note: string;
}> = [
  {
    activity: 'planning',
    daysBeforeClosing: 122,
    minutes: 120,
    note: 'Dates, sites and the notice letter',
  },
  {
    activity: 'document_review',
    daysBeforeClosing: 80,
    minutes: 300,
    note: 'Risk assessment and partner screening files',
  },
  {
    activity: 'document_review',
    daysBeforeClosing: 79,
    minutes: 180,
    note: 'Cybersecurity and seal procedures',
  },
  {
    activity: 'site_visit',
    daysBeforeClosing: 50,
    minutes: 450,
    note: 'Carson distribution center',
  },
  {
    activity: 'travel',
    daysBeforeClosing: 49,
    minutes: 900,
    note: 'Los Angeles to Ho Chi Minh City',
  },
  {
    activity: 'site_visit',
    daysBeforeClosing: 48,
    minutes: 420,
    note: 'Saigon Garment Works',
  },
  { activity: 'travel', daysBeforeClosing: 47, minutes: 960, note: 'Return to Houston' },
  {
    activity: 'report_writing',
    daysBeforeClosing: 36,
    minutes: 240,
    note: 'Findings and summary',
  },
  {
    activity: 'report_writing',
    daysBeforeClosing: 35,
    minutes: 120,
    note: 'Recommended outcome',
  },
  {
    activity: 'follow_up',
    daysBeforeClosing: 2,
    minutes: 60,
    note: 'Call with the member about the recommendations',
  },
];

export const HARBORVIEW_REPORT_SUMMARY =
  'Revalidation report HOU-VR-0932. Harborview Apparel Group meets every must-criterion of the Minimum Security Criteria for importers and exceeds several: partner screening that weighs AEO and CTPAT status, social compliance audits of every factory, photo-recorded seal verification and role-based security training. Three recommendations concern tracking of the last leg, electronic transmission of seal numbers and camera failure alerts. No required action. Recommended outcome: exceeds (Tier III).';
