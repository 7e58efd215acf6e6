import type { Role } from '../../../domain/authorization/roles.ts';
import type { NotificationKind } from '../../../domain/notifications/notification-kinds.ts';
import type { ValidationOutcome } from '../../../domain/validations/validation-vocabulary.ts';
import type { Db } from '../../db/database.ts';
import { membersWithRoles, rolesOfUser } from '../identity/users.service.ts';
import { type Language, languageOf } from '../notifications/email-templates.ts';
import type { NoticeContext } from '../notifications/notice-context.ts';
import { notify } from '../notifications/notifications.service.ts';
import { organisationSummaries } from '../organisations/organisations.service.ts';

/**
 * Who hears of the member's responses, the specialist's decisions, the closing and the
 * reminders (issue 6, items 6 and 7), in the change's transaction, once per person and event
 * (notification keys). Usable from a request and from the hourly job alike.
 *
 * - the member company: its officers and administrators (they answer for the company);
 * - the specialist the validation is assigned to;
 * - the supervisory specialists of the validation's office (the suspension decision).
 */

const COMPANY_ROLES: readonly Role[] = ['company_officer', 'company_admin'];
const SPECIALIST_ROLES: readonly Role[] = ['scss', 'supervisory_scss'];
const SUPERVISOR_ROLES: readonly Role[] = ['supervisory_scss'];

/** The validation as the notices need it. */
export interface NoticeValidation {
  id: string;
  organisationId: string;
  specialistUserId: string | null;
  officeId: string | null;
}

interface Recipient {
  userId: string;
  email: string;
  preferredLanguage: string;
  organisationId: string;
  link: string;
}

export type Audience = 'member_company' | 'specialist' | 'supervisors';

async function recipientsOf(
  tx: Db,
  audience: Audience,
  validation: NoticeValidation,
): Promise<Recipient[]> {
  const people = async (organisationId: string, roles: readonly Role[], link: string) =>
    (await membersWithRoles(tx, organisationId, roles)).map((person) => ({
      userId: person.userId,
      email: person.email,
      preferredLanguage: person.preferredLanguage,
      organisationId,
      link,
    }));
  const cbpLink = `/cbp/validations/${validation.id}`;
  switch (audience) {
    case 'member_company':
      return people(validation.organisationId, COMPANY_ROLES, `/validations/${validation.id}`);
    case 'specialist': {
      const specialist = validation.specialistUserId;
      if (specialist === null) return [];
      // The office the specialist works from: the validation's, else the one holding the role.
      const office =
        validation.officeId ??
        (await rolesOfUser(tx, specialist)).find((one) => SPECIALIST_ROLES.includes(one.role))
          ?.organisationId ??
        null;
      if (office === null) return [];
      return (await people(office, SPECIALIST_ROLES, cbpLink)).filter(
        (person) => person.userId === specialist,
      );
    }
    case 'supervisors':
      return validation.officeId === null
        ? []
        : people(validation.officeId, SUPERVISOR_ROLES, cbpLink);
  }
}

const OUTCOME_WORDS: Record<Language, Record<ValidationOutcome, string>> = {
  en: {
    meets: 'validated, meets the criteria (Tier II)',
    exceeds: 'validated, exceeds the criteria (Tier III)',
    suspension: 'closed on the path to suspension (the supervisory specialists decide it)',
  },
  es: {
    meets: 'validada, cumple los criterios (nivel II)',
    exceeds: 'validada, supera los criterios (nivel III)',
    suspension:
      'cerrada con recomendación de suspensión (la deciden los especialistas supervisores)',
  },
};

export function outcomeWord(language: Language, outcome: ValidationOutcome): string {
  return OUTCOME_WORDS[language][outcome];
}

export interface ValidationNotice {
  kind: NotificationKind;
  /** Unique per event: with the person's id, the notification's idempotency key. */
  key: string;
  audiences: readonly Audience[];
  params: (language: Language) => Record<string, string>;
}

/** Sends a notice to its audiences, once per person; returns how many were handed to notify(). */
export async function sendValidationNotice(
  options: NoticeContext,
  tx: Db,
  validation: NoticeValidation,
  notice: ValidationNotice,
): Promise<number> {
  const names = await organisationSummaries(tx, [validation.organisationId]);
  const organisation = names.get(validation.organisationId)?.legalName ?? '';
  const seen = new Set<string>();
  let sent = 0;
  for (const audience of notice.audiences) {
    for (const person of await recipientsOf(tx, audience, validation)) {
      if (seen.has(person.userId)) continue;
      seen.add(person.userId);
      const language = languageOf(person.preferredLanguage);
      await notify(
        tx,
        { now: options.now, smtpConfigured: options.smtpConfigured },
        {
          key: `${notice.key}:${person.userId}`,
          kind: notice.kind,
          params: {
            organisation,
            link: `${options.publicUrl}${person.link}`,
            ...notice.params(language),
          },
          link: person.link,
          organisationId: person.organisationId,
          userId: person.userId,
          email: { to: person.email, language },
        },
      );
      sent += 1;
    }
  }
  return sent;
}
