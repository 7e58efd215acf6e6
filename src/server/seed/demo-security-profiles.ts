import type { AnswerStatus } from '../../domain/security-profile/profile-vocabulary.ts';
import { addDays, type CalendarDate } from '../../domain/time/calendar-date.ts';
import { demoCsv, demoPdf, postedNoticePng } from './demo-evidence-files.ts';

/**
 * The demo Security Profiles (issue 5): one per profile state a newcomer should see, so the
 * profile editor, the evidence library, the CBP review queue and the annual review show real
 * data on the first start. Like the registry (demo-registry.ts) every date is a number of days
 * before the seeding clock's today, chosen to fit the company's membership timeline:
 *
 * - Gulf Coast Terminal Partners (under review, Security Profile review, specialist assigned):
 *   version 1 submitted by its officer and waiting in the CBP review queue, every must
 *   answered, a few shoulds, one not applicable with its justification; the specialist has
 *   approved the first criteria.
 * - Rio Bravo Customs Brokerage (validated, Tier II): its initial profile, approved by the
 *   specialist the day the registry says the profile was approved. Certified 1,440 days before
 *   the seeding day, its 4th certification anniversary falls 21 days after it (20 when the four
 *   years span no 29 February), so the annual review window (90 days before the anniversary by
 *   default; annual-review.ts `annualReviewTarget`) is open on the seeding day; the cycle is left
 *   for the member to start.
 * - Transportes del Norte Fronterizo (pre-applicant): a draft about half answered, with four
 *   evidence documents linked to criteria, one expiring within 30 days. The company has no
 *   contributor account, so no section is assigned.
 *
 * Answers go to the criteria of the current published catalog that apply to the company's entity
 * types (applicability.ts); criterion ids named here are used only when they apply, so another
 * catalog version still seeds a valid profile.
 */

// ---------------------------------------------------------------------------------------------
// Narratives

/**
 * Plausible answers per MSC category (msc-categories.ts), a sentence or two each; `{site}` is the
 * company's own place. A criterion gets one of its category's narratives, by its position in the
 * category, so neighbouring criteria read differently.
 */
export const DEMO_NARRATIVES: Readonly<Record<number, readonly string[]>> = {
  1: [
    'Our president signed the CTPAT supply chain security statement in January; it is posted at the reception of {site} and on the intranet, and every employee acknowledges it once a year.',
    'A security committee with operations, HR, IT, finance and the CTPAT point of contact meets every month; its minutes and action items are kept in the compliance drive and reviewed by the general manager.',
    'The security program is audited twice a year against a written checklist; findings go to named managers with due dates, and the CTPAT point of contact briefs senior management on the results every quarter.',
  ],
  2: [
    'We documented a supply chain risk assessment in the CTPAT five-step format covering {site}, our trade lanes and business partners; it rates threats such as cargo theft, smuggling and document fraud and names an owner for each mitigation.',
    'The risk assessment is reviewed every January and after any security incident or new trade lane; the last review added camera coverage and updated the risk ratings of our partners.',
    'A written crisis management and business continuity plan covers power and IT outages, hurricanes and the closure of {site}, with call trees and an alternate site; it was tested in a tabletop exercise this spring.',
  ],
  3: [
    'New business partners complete our security questionnaire and are screened against the OFAC, BIS and UN sanctions lists before the first shipment; the results are filed in the partner folder.',
    'We ask every partner for proof of CTPAT or AEO certification and re-verify it every six months; partners without one get an on-site or virtual security review against the MSC.',
    'Gaps found in partner assessments go into a corrective action log with due dates, and each item is closed only with documentary evidence such as photos, revised procedures or training records.',
  ],
  4: [
    'Our written Cybersecurity Policy (IT-SEC-01) covers this requirement; the IT manager owns it, it is reviewed every year and after any incident, and employees acknowledge it when hired.',
    'Managed antivirus and firewalls protect every workstation and server at {site}; patches are applied monthly, and users sign in with individual accounts and multi-factor authentication.',
    'An outside provider scans the network for vulnerabilities every quarter and runs a penetration test every year; findings are tracked to closure in the IT ticket system.',
    'Access follows job duties: the IT manager reviews user rights every quarter and removes access on an employee’s last day, and remote access goes only through the company VPN.',
    'Backups run nightly, are encrypted and tested monthly; IT hardware and media are inventoried and wiped following NIST SP 800-88 before disposal.',
  ],
  5: [
    'Every trailer, container and tractor is inspected at {site} before loading with the CTPAT 7-point and 17-point checklists, signed by the inspector and kept for a year.',
    'Conveyances and empty containers are stored inside the fenced, lit and camera-monitored yard; any sign of tampering or a hidden compartment is reported to the security supervisor before the unit is used.',
    'GPS tracks every load from pickup to the border crossing; an unscheduled stop or route deviation alerts dispatch, who calls the driver and escalates under the incident procedure.',
  ],
  6: [
    'Only ISO 17712 high-security bolt seals are used; they are kept locked at {site}, logged by number when issued, and only two trained supervisors may issue them.',
    'Seals are affixed right after loading using the VVTT method (view, verify, tug, twist), the seal number is written on the bill of lading, and any discrepancy goes to the security manager and is reported to CBP.',
    'Our written seal procedure covers ordering, storage, issuance, affixing, in-transit checks and broken or mismatched seals; it is reviewed every year and posted at every loading door.',
  ],
  7: [
    'The written incident reporting procedure says whom to call at each step, including our SCSS, the port of entry and local law enforcement; the contact list is checked every quarter and posted at {site}.',
    'Every security incident is investigated by the security manager within 24 hours; the report, photos and corrective actions are filed and kept available to CBP and law enforcement.',
    'Cargo documents are checked against the physical count and the order before release; shortages, overages and other discrepancies are recorded and investigated before the shipment moves.',
  ],
  8: [
    'Wood packaging is checked for the ISPM 15 mark and for visible pests, soil or plant material before loading; contaminated units are refused, photographed and reported.',
    'Our written pest contamination procedure covers the inspection of conveyances, containers and packaging at {site}, the cleaning of affected equipment and the training of the staff who check.',
    'Containers and trailers are swept and checked for insects, seeds and soil during the pre-loading inspection, and the findings are recorded on the inspection sheet.',
  ],
  9: [
    'The perimeter of {site} is fenced on every side; fences and gates are inspected weekly, and cargo handling areas are separated from employee and visitor parking.',
    'Lighting covers the gates, yard, loading areas and parking at night, and CCTV records around the clock with 30 days of retention; footage is reviewed after every alarm.',
    'Locks and keys are controlled by the facilities manager with a key log; the alarm system is tested monthly and monitored by a central station.',
  ],
  10: [
    'Employees enter {site} with photo badges matched to their duties; HR issues them, reviews them every quarter, and retrieves and deactivates them when someone leaves.',
    'Visitors and drivers show a government photo ID at the gate, are logged in and out, wear a temporary badge and are escorted in cargo areas.',
    'Guards challenge anyone without a visible badge, check arriving trucks against the appointment list and screen packages and mail before they enter the facility.',
  ],
  11: [
    'Applicants’ employment history and references are verified before hiring, and background checks are run as local law allows; the results are kept in the HR file.',
    'Employees and contractors sign our code of conduct when hired and acknowledge it again every year; staff in sensitive positions are re-checked every three years.',
    'Our written hiring procedure covers application verification, identity and criminal background checks where allowed, and the return of badges, keys and system access at separation.',
  ],
  12: [
    'Every new employee takes security and threat awareness training before starting work, with a refresher every year; attendance and test results are kept by HR.',
    'Staff in shipping, receiving, the mailroom and IT get role-specific training on seal verification, conveyance inspection, internal conspiracies and protecting passwords and computer access.',
    'Training covers how to report suspicious activity and security incidents; a short test after each session and an unannounced drill every year check that it works.',
  ],
};

/** The narrative of the `index`-th applicable criterion of `category` at `site`. */
export function demoNarrative(category: number, index: number, site: string): string {
  const options = DEMO_NARRATIVES[category] ?? DEMO_NARRATIVES[1] ?? [];
  const template = options[index % options.length] ?? '';
  return template.replaceAll('{site}', site);
}

// ---------------------------------------------------------------------------------------------
// The profiles

export interface DemoEvidence {
  /** Stable key: the document's id derives from it (deterministic-id.ts). */
  key: string;
  title: string;
  description: string | null;
  originalFilename: string;
  mediaType: 'application/pdf' | 'image/png' | 'text/csv';
  /** The file, as of the seeding day (dates in it are relative to it, like every demo date). */
  content: (today: CalendarDate) => Buffer;
  uploadedDaysAgo: number;
  /** The demo account (demo-accounts.ts key) that uploaded and linked it. */
  uploadedBy: string;
  /** The last valid day, in days after the seeding day; null: no expiry. */
  expiresInDays: number | null;
  /** Linked to these criteria, each only if it applies to the company. */
  criteria: readonly string[];
}

export interface DemoAnswerOverride {
  status: AnswerStatus;
  narrative: string;
}

export interface DemoSecurityProfile {
  /** The demo organisation key (demo-organisations.ts). */
  organisation: string;
  /** The company's officer (demo-accounts.ts key): starts, answers and submits. */
  officer: string;
  /** Where the company works, for the narratives. */
  site: string;
  /** When the officer started the profile; answers are saved from the next day on. */
  startedDaysAgo: number;
  /** The last day an answer was saved. */
  lastAnswerDaysAgo: number;
  /**
   * Which applicable criteria are answered: `all`; the musts, plus these shoulds (the first two
   * shoulds when none of them applies); or everything in these categories.
   */
  answered:
    | { kind: 'all' }
    | { kind: 'musts'; shoulds: readonly string[] }
    | { kind: 'categories'; categories: readonly number[] };
  /** Answers other than "implemented" with the category's narrative, where they apply. */
  overrides: Readonly<Record<string, DemoAnswerOverride>>;
  /**
   * The one criterion marked not applicable, with its justification. When it does not apply to
   * the company, the last applicable should takes its place, with `fallbackJustification`.
   */
  notApplicable?: { criterionId: string; justification: string; fallbackJustification: string };
  evidence: readonly DemoEvidence[];
  /** Version 1: submitted by the officer that day. */
  submittedDaysAgo?: number;
  /** The specialist's review of version 1. */
  review?: {
    /** The demo account (a CBP specialist) that reviews. */
    reviewer: string;
    reviewedDaysAgo: number;
    /** approve every criterion and the version; or approve the criteria of these categories only. */
    outcome:
      | { kind: 'approved'; decidedDaysAgo: number }
      | { kind: 'in_progress'; categories: readonly number[] };
  };
}

const GULF_COAST = 'member/gulf-coast-terminal-partners';
const RIO_BRAVO = 'member/rio-bravo-customs-brokerage';
const TRANSPORTES = 'member/transportes-del-norte';
const SPECIALIST = 'user/scss-houston';
/** Days the seal supplier's certificate has left on the seeding day: the expiry warning shows. */
const CERTIFICATE_DAYS_LEFT = 18;

export const DEMO_SECURITY_PROFILES: readonly DemoSecurityProfile[] = [
  {
    // Under review (Security Profile review since 41 days ago, demo-registry.ts): the officer
    // submitted version 1 four days before the specialist started the review.
    organisation: GULF_COAST,
    officer: 'user/officer-gulf-coast-terminal-partners',
    site: 'the Houston terminal',
    startedDaysAgo: 66,
    lastAnswerDaysAgo: 47,
    answered: { kind: 'musts', shoulds: ['1.1', '2.4', '4.12'] },
    overrides: {},
    notApplicable: {
      criterionId: '12.6',
      justification:
        'Not applicable: the terminal does not invoice, pay for or finance its customers’ cargo, so none of our staff handle the trade transactions in which trade-based money laundering would show. Our finance team screens the payers of terminal services under its anti-money-laundering procedure.',
      fallbackJustification:
        'Not applicable: the security committee reviewed this criterion in the annual risk assessment; the terminal does not perform the activity it covers.',
    },
    evidence: [
      {
        key: `${GULF_COAST}/evidence/seal-procedure`,
        title: 'Seal verification procedure SOP-SEC-06',
        description: 'Gate and vessel-side seal checks, seal log and discrepancy reporting.',
        originalFilename: 'SOP-SEC-06-seal-verification.pdf',
        mediaType: 'application/pdf',
        content: () =>
          demoPdf('Gulf Coast Terminal Partners LP - SOP-SEC-06 Seal verification', [
            'Scope: every full container entering or leaving the Houston terminal.',
            '1. Gate clerks verify the seal number against the booking and the EDI manifest.',
            '2. View, verify, tug and twist (VVTT) every ISO 17712 seal.',
            '3. Broken, missing or mismatched seals: hold the unit, photograph, call security.',
            '4. Security informs the carrier, CBP and the terminal manager within one hour.',
            '5. The seal log is kept for two years and audited each quarter.',
            'Approved by the Terminal Security Officer. Reviewed every year.',
          ]),
        uploadedDaysAgo: 60,
        uploadedBy: 'user/officer-gulf-coast-terminal-partners',
        expiresInDays: null,
        criteria: ['6.1', '6.2'],
      },
      {
        key: `${GULF_COAST}/evidence/training-roster`,
        title: 'Security awareness training roster',
        description: 'Attendance and test results of this year’s security awareness sessions.',
        originalFilename: 'security-training-roster.csv',
        mediaType: 'text/csv',
        content: (today) =>
          demoCsv(
            ['employee_id', 'department', 'course', 'completed_on', 'score'],
            [
              [
                'GC-1041',
                'Gate operations',
                'Security and threat awareness',
                addDays(today, -70),
                '92',
              ],
              [
                'GC-1057',
                'Gate operations',
                'Security and threat awareness',
                addDays(today, -70),
                '88',
              ],
              ['GC-1102', 'Yard', 'Security and threat awareness', addDays(today, -69), '95'],
              ['GC-1133', 'IT', 'Cybersecurity and passwords', addDays(today, -63), '97'],
              [
                'GC-1150',
                'Maintenance',
                'Reporting suspicious activity',
                addDays(today, -62),
                '90',
              ],
            ],
          ),
        uploadedDaysAgo: 55,
        uploadedBy: 'user/officer-gulf-coast-terminal-partners',
        expiresInDays: null,
        criteria: ['12.1', '12.10'],
      },
    ],
    submittedDaysAgo: 45,
    review: {
      reviewer: SPECIALIST,
      reviewedDaysAgo: 38,
      outcome: { kind: 'in_progress', categories: [1, 2] },
    },
  },
  {
    // Validated (Tier II): its initial profile was approved the day the registry approved the
    // profile (1,460 days ago), before certification (1,440 days ago).
    organisation: RIO_BRAVO,
    officer: 'user/officer-rio-bravo-customs-brokerage',
    site: 'the Laredo office',
    startedDaysAgo: 1525,
    lastAnswerDaysAgo: 1503,
    answered: { kind: 'all' },
    overrides: {
      '4.4': {
        status: 'partially_implemented',
        narrative:
          'Partly: we share threat information with our IT provider and the local customs brokers association; a written procedure for reporting to CISA and CBP is being added to IT-SEC-01.',
      },
      '6.1': {
        status: 'implemented',
        narrative:
          'We do not seal cargo ourselves: our client agreement requires importers and their carriers to follow written ISO 17712 seal procedures, and we check the seal numbers on the entry documents against the bill of lading before filing.',
      },
      '6.2': {
        status: 'implemented',
        narrative:
          'Our client onboarding pack requires ISO 17712 high-security seals on every container; a mismatch between the seal on the bill of lading and the carrier’s manifest is escalated to the importer and reported to CBP.',
      },
    },
    notApplicable: {
      criterionId: '8.1',
      justification:
        'Not applicable: as a customs broker we never take custody of cargo, packaging or conveyances. We pass the ISPM 15 and pest contamination requirements to our importer clients in the client onboarding pack.',
      fallbackJustification:
        'Not applicable: as a customs broker we never take custody of cargo, packaging or conveyances.',
    },
    evidence: [
      {
        key: `${RIO_BRAVO}/evidence/cybersecurity-policy`,
        title: 'Cybersecurity Policy IT-SEC-01',
        description: 'Written cybersecurity policy, reviewed every year.',
        originalFilename: 'IT-SEC-01-cybersecurity-policy.pdf',
        mediaType: 'application/pdf',
        content: () =>
          demoPdf('Rio Bravo Customs Brokerage, LLC - Cybersecurity Policy IT-SEC-01', [
            '1. Individual accounts; multi-factor authentication for e-mail, ACE and remote access.',
            '2. Managed antivirus and firewall on every device; monthly patching.',
            '3. Access by job duties, reviewed quarterly, removed on the last day of work.',
            '4. Nightly encrypted backups, restore tested monthly.',
            '5. Quarterly vulnerability scans; yearly penetration test by an outside firm.',
            '6. Media sanitised per NIST SP 800-88 before disposal.',
            'Owner: IT manager. Reviewed every year and after any incident.',
          ]),
        uploadedDaysAgo: 1512,
        uploadedBy: 'user/officer-rio-bravo-customs-brokerage',
        expiresInDays: null,
        criteria: ['4.1', '4.6'],
      },
    ],
    submittedDaysAgo: 1501,
    review: {
      reviewer: SPECIALIST,
      reviewedDaysAgo: 1470,
      outcome: { kind: 'approved', decidedDaysAgo: 1460 },
    },
  },
  {
    // Pre-applicant (draft application saved 6 days ago): the officer is filling in the profile.
    organisation: TRANSPORTES,
    officer: 'user/officer-transportes-del-norte',
    site: 'the Nuevo Laredo yard',
    startedDaysAgo: 5,
    lastAnswerDaysAgo: 1,
    answered: { kind: 'categories', categories: [1, 2, 3, 6, 7, 8] },
    overrides: {
      '2.4': {
        status: 'not_implemented',
        narrative:
          'Not yet: the business continuity plan is being written with our insurer and will be finished before we submit the application.',
      },
      '3.8': {
        status: 'partially_implemented',
        narrative:
          'Partly: 9 of our 11 subcontracted carriers are CTPAT or OEA certified; the other two have signed our written security agreement and their on-site reviews are scheduled. Every contract forbids double brokering.',
      },
    },
    evidence: [
      {
        key: `${TRANSPORTES}/evidence/seal-procedure`,
        title: 'Procedimiento de control de sellos (seal control procedure)',
        description: 'Compra, resguardo, entrega, colocación VVTT y bitácora de sellos.',
        originalFilename: 'procedimiento-sellos-TNF-SEG-06.pdf',
        mediaType: 'application/pdf',
        content: () =>
          demoPdf('Transportes del Norte Fronterizo - TNF-SEG-06 Control de sellos', [
            '1. Solo sellos de perno ISO 17712 de alta seguridad.',
            '2. Los sellos se guardan bajo llave en el patio de Nuevo Laredo.',
            '3. Solo dos supervisores capacitados entregan sellos; cada numero se registra.',
            '4. Colocacion con el metodo VVTT (ver, verificar, tirar, torcer).',
            '5. Sello roto o numero distinto: detener la unidad y avisar a seguridad.',
            'Revision anual por el comite de seguridad.',
          ]),
        uploadedDaysAgo: 4,
        uploadedBy: 'user/officer-transportes-del-norte',
        expiresInDays: null,
        criteria: ['6.1', '6.2', '6.3'],
      },
      {
        key: `${TRANSPORTES}/evidence/seal-supplier-certificate`,
        title: 'ISO 17712 certificate of our seal supplier',
        description:
          'The supplier’s ISO 17712:2013 (H) test certificate for the bolt seals we buy.',
        originalFilename: 'certificado-ISO-17712-proveedor.pdf',
        mediaType: 'application/pdf',
        content: (today) =>
          demoPdf('Certificate of conformity - ISO 17712:2013 high-security (H)', [
            'Product: bolt seal, model BS-200, issued to Transportes del Norte Fronterizo.',
            'Tested by an ISO/IEC 17025 accredited laboratory: tensile, shear, bending, impact.',
            'Result: classification H (high security); tamper evidence per Annex A.',
            `Date of issue: ${addDays(today, CERTIFICATE_DAYS_LEFT - 365)}. Valid until: ${addDays(today, CERTIFICATE_DAYS_LEFT)}.`,
          ]),
        uploadedDaysAgo: 3,
        uploadedBy: 'user/officer-transportes-del-norte',
        expiresInDays: CERTIFICATE_DAYS_LEFT,
        criteria: ['6.2'],
      },
      {
        key: `${TRANSPORTES}/evidence/posted-security-statement`,
        title: 'Photo: security statement posted at the yard entrance',
        description: null,
        originalFilename: 'declaracion-seguridad-patio.png',
        mediaType: 'image/png',
        content: postedNoticePng,
        uploadedDaysAgo: 3,
        uploadedBy: 'user/officer-transportes-del-norte',
        expiresInDays: null,
        criteria: ['1.1'],
      },
      {
        key: `${TRANSPORTES}/evidence/driver-training`,
        title: 'Driver security training attendance',
        description: 'Capacitación de operadores: sellos, inspección de 17 puntos, reportes.',
        originalFilename: 'capacitacion-operadores.csv',
        mediaType: 'text/csv',
        content: (today) =>
          demoCsv(
            ['operador', 'curso', 'fecha', 'calificacion'],
            [
              [
                'TNF-0231',
                'Control de sellos e inspeccion de 17 puntos',
                addDays(today, -30),
                '94',
              ],
              [
                'TNF-0245',
                'Control de sellos e inspeccion de 17 puntos',
                addDays(today, -30),
                '89',
              ],
              ['TNF-0260', 'Reporte de actividades sospechosas', addDays(today, -23), '91'],
              ['TNF-0277', 'Reporte de actividades sospechosas', addDays(today, -23), '96'],
            ],
          ),
        uploadedDaysAgo: 2,
        uploadedBy: 'user/officer-transportes-del-norte',
        expiresInDays: null,
        criteria: ['12.1', '12.10'],
      },
    ],
  },
];
