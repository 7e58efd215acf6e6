import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type {
  FindingRating,
  ValidationActivity,
  ValidationKind,
  ValidationOutcome,
  ValidationStatus,
} from '../../src/domain/validations/validation-vocabulary.ts';
import type { Db } from '../../src/server/db/database.ts';
import {
  validationFindings,
  validationHours,
  validationParticipants,
  validationSites,
  validations,
} from '../../src/server/modules/validations/validations.tables.ts';

/**
 * Validations straight in the database, for tests about one step (findings, responses,
 * documents, metrics) that should not walk planning and scheduling first (their own tests do).
 * The member's membership is the test's business (certified-member.factory.ts).
 */
export interface ValidationSpec {
  organisationId: string;
  at: Date;
  status?: ValidationStatus;
  kind?: ValidationKind;
  officeId?: string | null;
  specialistUserId?: string | null;
  dueOn?: string;
  startsOn?: string | null;
  endsOn?: string | null;
  noticeSentOn?: string | null;
  /** Sites to add (a domestic one by default when the validation is past planning). */
  sites?: { name: string; countryCode: string; visitOn?: string | null }[];
}

export async function insertValidation(db: Db, spec: ValidationSpec): Promise<{ id: string }> {
  const id = randomUUID();
  const status = spec.status ?? 'planned';
  const dueOn = spec.dueOn ?? spec.at.toISOString().slice(0, 10);
  await db.insert(validations).values({
    id,
    organisationId: spec.organisationId,
    kind: spec.kind ?? 'revalidation',
    status,
    officeId: spec.officeId ?? null,
    specialistUserId: spec.specialistUserId ?? null,
    planYear: Number(dueOn.slice(0, 4)),
    dueOn,
    noticeSentOn: spec.noticeSentOn ?? null,
    startsOn: spec.startsOn ?? null,
    endsOn: spec.endsOn ?? null,
    createdAt: spec.at,
    updatedAt: spec.at,
  });
  const sites =
    spec.sites ??
    (status === 'planned'
      ? []
      : [{ name: 'Headquarters', countryCode: 'US', visitOn: spec.startsOn ?? null }]);
  for (const [position, site] of sites.entries()) {
    await db.insert(validationSites).values({
      id: randomUUID(),
      validationId: id,
      position,
      name: site.name,
      address: `${position + 1} Test Street`,
      countryCode: site.countryCode,
      location: site.countryCode === 'US' ? 'domestic' : 'foreign',
      visitOn: site.visitOn ?? null,
    });
  }
  if (status !== 'planned') {
    await db.insert(validationParticipants).values({
      id: randomUUID(),
      validationId: id,
      position: 0,
      side: 'member',
      name: 'Pat Member',
      title: 'Security manager',
      email: 'pat@example.com',
    });
  }
  return { id };
}

/**
 * The report of a validation issued on `reportIssuedOn` (status report_issued), or also closed
 * on `closedOn` with `outcome` (status closed); either day may be null. For metrics tests.
 */
export async function setValidationReport(
  db: Db,
  validationId: string,
  report: {
    reportIssuedOn: string | null;
    closedOn?: string | null;
    outcome?: ValidationOutcome;
  },
): Promise<void> {
  const closedOn = report.closedOn ?? null;
  const closed = closedOn !== null || report.outcome !== undefined;
  await db
    .update(validations)
    .set({
      status: closed ? 'closed' : 'report_issued',
      reportIssuedOn: report.reportIssuedOn,
      closedOn,
      outcome: closed ? (report.outcome ?? 'meets') : null,
    })
    .where(eq(validations.id, validationId));
}

/** Findings of the standard work program, one per criterion, for the whole validation. */
export async function insertFindings(
  db: Db,
  spec: {
    validationId: string;
    at: Date;
    findings: readonly { criterionId: string; rating: FindingRating; siteId?: string | null }[];
  },
): Promise<void> {
  if (spec.findings.length === 0) {
    return;
  }
  await db.insert(validationFindings).values(
    spec.findings.map((finding) => ({
      id: randomUUID(),
      validationId: spec.validationId,
      criterionId: finding.criterionId,
      siteId: finding.siteId ?? null,
      rating: finding.rating,
      recordedAt: spec.at,
      updatedAt: spec.at,
    })),
  );
}

/** Staff hours on a validation, in minutes per activity. */
export async function insertHours(
  db: Db,
  spec: {
    validationId: string;
    userId: string;
    at: Date;
    workedOn: string;
    hours: readonly { activity: ValidationActivity; minutes: number }[];
  },
): Promise<void> {
  if (spec.hours.length === 0) {
    return;
  }
  await db.insert(validationHours).values(
    spec.hours.map((entry) => ({
      id: randomUUID(),
      validationId: spec.validationId,
      userId: spec.userId,
      activity: entry.activity,
      workedOn: spec.workedOn,
      minutes: entry.minutes,
      recordedAt: spec.at,
    })),
  );
}
