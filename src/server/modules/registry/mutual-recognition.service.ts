import { randomUUID } from 'node:crypto';
import { actorOrganisationId, hasPermission } from '../../../domain/authorization/permissions.ts';
import { AppError, type FieldIssue, notFound } from '../../../domain/errors/error-codes.ts';
import { partnerCountryMatchesProgram } from '../../../domain/registry/mutual-recognition/eu-member-states.ts';
import type {
  CreateMraProgramBody,
  MraProgramList,
  MraProgramView,
  PartnerCertificationList,
  PartnerCertificationView,
  RecordPartnerCertificationBody,
  UpdateMraProgramBody,
} from '../../../domain/registry/mutual-recognition/mutual-recognition.schema.ts';
import {
  type CalendarDate,
  calendarDate,
  isBefore,
  todayFromClock,
} from '../../../domain/time/calendar-date.ts';
import type { Db } from '../../db/database.ts';
import { auditOrigin, type ServiceContext } from '../../service-context.ts';
import { appendAuditEvent } from '../audit/audit.service.ts';
import {
  findMraProgram,
  findMraPrograms,
  findPartnerCertification,
  findPartnerCertifications,
  findProgramNamed,
  insertMraProgram,
  insertPartnerCertification,
  liveCertificationExists,
  lockMraPrograms,
  lockPartnerCertificationsOf,
  type MraProgramRow,
  markPartnerCertificationRemoved,
  type PartnerCertificationRow,
  updateMraProgram,
} from './mutual-recognition.repository.ts';

/**
 * Mutual recognition (issue 4, item 9): the MRA partner programs (reference data seeded from
 * mra-programs.ts by reference-data.ts, then maintained by an administrator) and the foreign
 * AEO certifications a member records for its business partners (evidence for partner vetting).
 */

function programView(row: MraProgramRow): MraProgramView {
  return {
    id: row.id,
    countryCode: row.countryCode,
    countryName: row.countryName,
    programName: row.programName,
    signedMonth: row.signedMonth,
    signedOn: row.signedOn,
    sources: row.sources,
    provisional: row.provisional,
    note: row.note,
    active: row.active,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The program as the audit trail records it ("code" fields would be redacted as secrets). */
function auditProgram(program: Omit<MraProgramView, 'updatedAt' | 'id'>) {
  return {
    country: program.countryCode,
    countryName: program.countryName,
    programName: program.programName,
    signedMonth: program.signedMonth,
    signedOn: program.signedOn,
    sources: program.sources,
    provisional: program.provisional,
    note: program.note,
    active: program.active,
  };
}

function userIdOf(ctx: ServiceContext): string | null {
  return ctx.actor.kind === 'user' ? ctx.actor.userId : null;
}

/** Every program, in force or not: anyone signed in may read them (`mra:read`). */
export async function listMraPrograms(ctx: ServiceContext): Promise<MraProgramList> {
  const rows = await findMraPrograms(ctx.db);
  return { items: rows.map(programView) };
}

async function assertNameFree(
  tx: Db,
  program: { countryCode: string; programName: string },
  exceptId?: string,
): Promise<void> {
  const clash = await findProgramNamed(tx, program.countryCode, program.programName, exceptId);
  if (clash) {
    throw new AppError(
      'CONFLICT',
      `${program.countryCode} already has a program named ${clash.programName} (${clash.id})`,
      { path: 'body.programName' },
    );
  }
}

export async function createMraProgram(
  ctx: ServiceContext,
  body: CreateMraProgramBody,
): Promise<MraProgramView> {
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await lockMraPrograms(tx);
    if (await findMraProgram(tx, body.id)) {
      throw new AppError('CONFLICT', `A program with the id ${body.id} already exists`, {
        path: 'body.id',
      });
    }
    await assertNameFree(tx, body);
    await insertMraProgram(tx, {
      ...body,
      sources: [...body.sources],
      createdAt: now,
      updatedAt: now,
      updatedByUserId: userIdOf(ctx),
    });
    await appendAuditEvent(tx, auditOrigin(ctx), {
      action: 'mra_program.created',
      targetType: 'mra_program',
      targetId: body.id,
      organisationId: null,
      before: null,
      after: auditProgram(body),
    });
  });
  return getProgramView(ctx.db, body.id);
}

/** Changes a program's content or takes it out of force (`active: false`); the id stays. */
export async function updateMraProgramById(
  ctx: ServiceContext,
  programId: string,
  body: UpdateMraProgramBody,
): Promise<MraProgramView> {
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await lockMraPrograms(tx);
    const existing = await findMraProgram(tx, programId, { forUpdate: true });
    if (!existing) {
      throw notFound('MRA program');
    }
    await assertNameFree(tx, body, programId);
    await updateMraProgram(tx, programId, {
      ...body,
      sources: [...body.sources],
      updatedAt: now,
      updatedByUserId: userIdOf(ctx),
    });
    await appendAuditEvent(tx, auditOrigin(ctx), {
      action: 'mra_program.updated',
      targetType: 'mra_program',
      targetId: programId,
      organisationId: null,
      before: auditProgram(programView(existing)),
      after: auditProgram(body),
    });
  });
  return getProgramView(ctx.db, programId);
}

async function getProgramView(db: Db, id: string): Promise<MraProgramView> {
  const row = await findMraProgram(db, id);
  if (!row) {
    throw notFound('MRA program');
  }
  return programView(row);
}

// ---------------------------------------------------------------------------------------------
// Partner AEO certifications (tenant-owned)

/** The tenant (check 3): the member company the actor acts for. */
function ownOrganisation(ctx: ServiceContext): string {
  const own = actorOrganisationId(ctx.actor);
  if (own === null) {
    throw new AppError(
      'FORBIDDEN',
      "Act for a member company to record its partners' certifications",
    );
  }
  return own;
}

function certificationView(
  row: PartnerCertificationRow,
  programs: ReadonlyMap<string, MraProgramRow>,
  today: CalendarDate,
): PartnerCertificationView {
  const program = programs.get(row.mraProgramId);
  return {
    id: row.id,
    mraProgramId: row.mraProgramId,
    programName: program?.programName ?? '',
    programCountryName: program?.countryName ?? '',
    partnerName: row.partnerName,
    partnerCountryCode: row.partnerCountryCode,
    certificationNumber: row.certificationNumber,
    validUntil: row.validUntil,
    expired: row.validUntil !== null && isBefore(calendarDate(row.validUntil), today),
    recordedAt: row.recordedAt.toISOString(),
    recordedByUserId: row.recordedByUserId,
  };
}

async function programsById(db: Db): Promise<Map<string, MraProgramRow>> {
  return new Map((await findMraPrograms(db)).map((row) => [row.id, row]));
}

/** The company's partners' certifications, by partner name. */
export async function listPartnerCertifications(
  ctx: ServiceContext,
): Promise<PartnerCertificationList> {
  const organisationId = ownOrganisation(ctx);
  const [rows, programs] = await Promise.all([
    findPartnerCertifications(ctx.db, organisationId),
    programsById(ctx.db),
  ]);
  const today = todayFromClock(ctx.clock);
  return { items: rows.map((row) => certificationView(row, programs, today)) };
}

function invalid(issues: FieldIssue[]): AppError {
  return new AppError('VALIDATION_FAILED', 'The request is not valid', { issues });
}

/**
 * Records that a foreign partner holds an AEO certification under an MRA program in force: the
 * partner's country must be the program's (any EU member state for the EU program), and the
 * certification must not have lapsed already.
 */
export async function recordPartnerCertification(
  ctx: ServiceContext,
  body: RecordPartnerCertificationBody,
): Promise<PartnerCertificationView> {
  const organisationId = ownOrganisation(ctx);
  const today = todayFromClock(ctx.clock);
  const now = ctx.clock.now();
  const id = randomUUID();
  await ctx.db.transaction(async (tx) => {
    await lockPartnerCertificationsOf(tx, organisationId);
    const program = await findMraProgram(tx, body.mraProgramId);
    const issues: FieldIssue[] = [];
    if (!program) {
      issues.push({ path: 'body.mraProgramId', message: 'is not a known MRA partner program' });
    } else if (!program.active) {
      issues.push({
        path: 'body.mraProgramId',
        message: `${program.programName} (${program.countryName}) is no longer in force`,
      });
    } else if (!partnerCountryMatchesProgram(program.countryCode, body.partnerCountryCode)) {
      issues.push({
        path: 'body.partnerCountryCode',
        message:
          program.countryCode === 'EU'
            ? `must be a member state of the European Union for ${program.programName} (${program.countryName})`
            : `must be ${program.countryCode}: ${program.programName} certifies companies in ${program.countryName}`,
      });
    }
    if (body.validUntil !== null && isBefore(calendarDate(body.validUntil), today)) {
      issues.push({
        path: 'body.validUntil',
        message: `is in the past (${body.validUntil}): the certification has lapsed`,
      });
    }
    if (issues.length > 0) {
      throw invalid(issues);
    }
    if (
      await liveCertificationExists(tx, organisationId, body.mraProgramId, body.certificationNumber)
    ) {
      throw new AppError(
        'CONFLICT',
        `Certification ${body.certificationNumber} under this program is already recorded`,
        { path: 'body.certificationNumber' },
      );
    }
    await insertPartnerCertification(tx, {
      id,
      organisationId,
      mraProgramId: body.mraProgramId,
      partnerName: body.partnerName,
      partnerCountryCode: body.partnerCountryCode,
      certificationNumber: body.certificationNumber,
      validUntil: body.validUntil,
      recordedByUserId: userIdOf(ctx),
      recordedAt: now,
    });
    await appendAuditEvent(tx, auditOrigin(ctx), {
      action: 'partner_aeo_certification.recorded',
      targetType: 'partner_aeo_certification',
      targetId: id,
      organisationId,
      before: null,
      after: {
        mraProgramId: body.mraProgramId,
        partnerName: body.partnerName,
        partnerCountry: body.partnerCountryCode,
        certificationNumber: body.certificationNumber,
        validUntil: body.validUntil,
      },
    });
  });
  const [row, programs] = await Promise.all([
    findPartnerCertification(ctx.db, organisationId, id),
    programsById(ctx.db),
  ]);
  if (!row) {
    throw notFound('Partner certification');
  }
  return certificationView(row, programs, today);
}

/** Removes a record (kept, marked removed); another company's record answers 404. */
export async function removePartnerCertification(
  ctx: ServiceContext,
  certificationId: string,
): Promise<void> {
  if (!hasPermission(ctx.actor, 'partner_certifications:manage')) {
    throw notFound('Partner certification');
  }
  const organisationId = ownOrganisation(ctx);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const row = await findPartnerCertification(tx, organisationId, certificationId);
    if (!row) {
      throw notFound('Partner certification');
    }
    await markPartnerCertificationRemoved(tx, certificationId, {
      removedByUserId: userIdOf(ctx),
      removedAt: now,
    });
    await appendAuditEvent(tx, auditOrigin(ctx), {
      action: 'partner_aeo_certification.removed',
      targetType: 'partner_aeo_certification',
      targetId: certificationId,
      organisationId,
      before: {
        mraProgramId: row.mraProgramId,
        partnerName: row.partnerName,
        certificationNumber: row.certificationNumber,
      },
      after: { removedAt: now.toISOString() },
    });
  });
}
