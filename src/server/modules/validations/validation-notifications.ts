import type { Role } from '../../../domain/authorization/roles.ts';
import type {
  ValidationKind,
  ValidationMode,
} from '../../../domain/validations/validation-vocabulary.ts';
import type { Db } from '../../db/database.ts';
import type { ServiceContext } from '../../service-context.ts';
import { membersWithRoles, rolesOfUser } from '../identity/users.service.ts';
import { type Language, languageOf } from '../notifications/email-templates.ts';
import { emailTo, notifyFrom } from '../notifications/notifications.service.ts';
import { organisationSummaries } from '../organisations/organisations.service.ts';
import type { SiteRow, ValidationRow } from './validations.repository.ts';

/**
 * Who hears of planning and scheduling (issue 6, items 1 and 2), in the change's transaction:
 * the assigned specialist of an assignment; the member company's officers and admins of the
 * written notice (scheduling, re-scheduling) and of a cancellation after a notice. Texts that
 * depend on the event are in each recipient's language.
 */

const COMPANY_ROLES: readonly Role[] = ['company_officer', 'company_admin'];
const SPECIALIST_ROLES: readonly Role[] = ['scss', 'supervisory_scss'];

const KIND_WORDS: Record<ValidationKind, Record<Language, string>> = {
  initial: { en: 'initial validation', es: 'validación inicial' },
  revalidation: { en: 'revalidation', es: 'revalidación' },
  for_cause: { en: 'for-cause validation', es: 'validación por causa' },
};

const MODE_WORDS: Record<ValidationMode, Record<Language, string>> = {
  in_person: { en: 'in person', es: 'presencial' },
  virtual: { en: 'virtual', es: 'virtual' },
};

export function kindWords(kind: ValidationKind, language: Language): string {
  return KIND_WORDS[kind][language];
}

/** The sites of a written notice, a line each, in the recipient's language. */
function siteLines(sites: readonly SiteRow[], language: Language): string {
  return sites
    .map((site) => {
      const visit = site.visitOn
        ? language === 'es'
          ? `visita el ${site.visitOn}`
          : `visit on ${site.visitOn}`
        : language === 'es'
          ? 'día por acordar'
          : 'day to be agreed';
      const mra = site.cbpVisitRequired
        ? ''
        : language === 'es'
          ? ' (programa socio de un ARM: sin visita de CBP)'
          : ' (MRA partner program: no CBP visit)';
      return `- ${site.name}, ${site.address} (${site.countryCode}): ${visit}${mra}`;
    })
    .join('\n');
}

async function memberName(tx: Db, organisationId: string): Promise<string> {
  return (await organisationSummaries(tx, [organisationId])).get(organisationId)?.legalName ?? '';
}

/** The specialist as a recipient in their CBP office, or null (no longer a specialist there). */
async function specialistRecipient(tx: Db, userId: string, officeId: string | null) {
  const roles = await rolesOfUser(tx, userId);
  const office =
    officeId ?? roles.find((role) => SPECIALIST_ROLES.includes(role.role))?.organisationId;
  if (!office) return null;
  const people = await membersWithRoles(tx, office, SPECIALIST_ROLES);
  const person = people.find((one) => one.userId === userId);
  return person ? { ...person, organisationId: office } : null;
}

/** Tells a specialist that a validation was assigned to them. */
export async function notifyAssigned(
  ctx: ServiceContext,
  tx: Db,
  row: ValidationRow,
  eventId: string | number,
): Promise<void> {
  if (row.specialistUserId === null) return;
  const person = await specialistRecipient(tx, row.specialistUserId, row.officeId);
  if (!person) return;
  const language = languageOf(person.preferredLanguage);
  const link = `/cbp/validations/${row.id}`;
  await notifyFrom(ctx, tx, {
    key: `validation_assigned:${eventId}:${person.userId}`,
    kind: 'validation_assigned',
    params: {
      organisation: await memberName(tx, row.organisationId),
      kind: kindWords(row.kind, language),
      dueOn: row.dueOn,
      link: `${ctx.runtime.publicUrl}${link}`,
    },
    link,
    organisationId: person.organisationId,
    userId: person.userId,
    email: emailTo(person),
  });
}

/** Tells each specialist of an annual plan how many validations it gave them (one message). */
export async function notifyPlanAssigned(
  ctx: ServiceContext,
  tx: Db,
  plan: { key: string; year: number; officeId: string; countBySpecialist: Map<string, number> },
): Promise<void> {
  const officeName = (await organisationSummaries(tx, [plan.officeId])).get(plan.officeId);
  for (const [userId, count] of plan.countBySpecialist) {
    const person = await specialistRecipient(tx, userId, null);
    if (!person) continue;
    const link = `/cbp/validations?year=${plan.year}&specialistId=${userId}`;
    await notifyFrom(ctx, tx, {
      key: `validation_plan_assigned:${plan.key}:${userId}`,
      kind: 'validation_plan_assigned',
      params: {
        number: String(count),
        year: String(plan.year),
        office: officeName?.legalName ?? '',
        link: `${ctx.runtime.publicUrl}${link}`,
      },
      link,
      organisationId: person.organisationId,
      userId,
      email: emailTo(person),
    });
  }
}

/**
 * The written notice to the member company (item 2): kind, dates, mode and sites. Sent again,
 * as a new notice, when the validation is re-scheduled.
 */
export async function notifyScheduled(
  ctx: ServiceContext,
  tx: Db,
  row: ValidationRow,
  sites: readonly SiteRow[],
  options: { eventId: string | number; rescheduled: boolean },
): Promise<void> {
  const organisation = await memberName(tx, row.organisationId);
  const link = `/validations/${row.id}`;
  for (const person of await membersWithRoles(tx, row.organisationId, COMPANY_ROLES)) {
    const language = languageOf(person.preferredLanguage);
    const change = options.rescheduled
      ? language === 'es'
        ? 'reprogramó'
        : 'rescheduled'
      : language === 'es'
        ? 'programó'
        : 'scheduled';
    await notifyFrom(ctx, tx, {
      key: `validation_scheduled:${options.eventId}:${person.userId}`,
      kind: 'validation_scheduled',
      params: {
        organisation,
        change,
        kind: kindWords(row.kind, language),
        mode: MODE_WORDS[row.mode][language],
        startsOn: row.startsOn ?? '',
        endsOn: row.endsOn ?? '',
        noticeSentOn: row.noticeSentOn ?? '',
        sites: siteLines(sites, language),
        link: `${ctx.runtime.publicUrl}${link}`,
      },
      link,
      organisationId: row.organisationId,
      userId: person.userId,
      email: emailTo(person),
    });
  }
}

/**
 * A cancellation: the member company when it had been given notice, and the assigned
 * specialist unless they cancelled it themselves.
 */
export async function notifyCancelled(
  ctx: ServiceContext,
  tx: Db,
  row: ValidationRow,
  options: { eventId: string | number; memberWasNotified: boolean; actorUserId: string | null },
): Promise<void> {
  const organisation = await memberName(tx, row.organisationId);
  const send = async (
    person: { userId: string; email: string; preferredLanguage: string },
    organisationId: string,
    link: string,
  ) => {
    const language = languageOf(person.preferredLanguage);
    await notifyFrom(ctx, tx, {
      key: `validation_cancelled:${options.eventId}:${person.userId}`,
      kind: 'validation_cancelled',
      params: {
        organisation,
        kind: kindWords(row.kind, language),
        reason: row.reason ?? '',
        link: `${ctx.runtime.publicUrl}${link}`,
      },
      link,
      organisationId,
      userId: person.userId,
      email: emailTo(person),
    });
  };
  if (options.memberWasNotified) {
    for (const person of await membersWithRoles(tx, row.organisationId, COMPANY_ROLES)) {
      await send(person, row.organisationId, `/validations/${row.id}`);
    }
  }
  if (row.specialistUserId !== null && row.specialistUserId !== options.actorUserId) {
    const person = await specialistRecipient(tx, row.specialistUserId, row.officeId);
    if (person) {
      await send(person, person.organisationId, `/cbp/validations/${row.id}`);
    }
  }
}
