import { randomUUID } from 'node:crypto';
import type {
  ValidationKind,
  ValidationStatus,
} from '../../src/domain/validations/validation-vocabulary.ts';
import type { Db } from '../../src/server/db/database.ts';
import {
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
