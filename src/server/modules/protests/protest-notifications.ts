import type { Role } from '../../../domain/authorization/roles.ts';
import type { Db } from '../../db/database.ts';
import type { ServiceContext } from '../../service-context.ts';
import { membersWithRoles } from '../identity/users.service.ts';
import { type Language, languageOf } from '../notifications/email-templates.ts';
import { notifyFrom } from '../notifications/notifications.service.ts';
import { organisationSummaries } from '../organisations/organisations.service.ts';
import type { ProtestRow } from './protests.repository.ts';

/**
 * Who hears of a protest (issue 7, item 6): the people who answer for the filing company
 * (officers and admins) and the person who filed it, once each per event, in the change's
 * transaction. Texts that depend on the event are written in each recipient's language.
 */

const COMPANY_ROLES: readonly Role[] = ['company_officer', 'company_admin'];
const ALL_COMPANY_ROLES: readonly Role[] = [
  'company_officer',
  'company_admin',
  'contributor',
  'consultant',
];

/** Words in the recipient's language. */
export type LocalisedText = (language: Language) => string;

export type ProtestNotice =
  | {
      kind: 'protest_filed';
      /** The audit event of the change: makes each notification's idempotency key. */
      eventId: string | number;
      timeliness: LocalisedText;
      tradeCompliance: LocalisedText;
    }
  | {
      kind: 'protest_status_changed';
      eventId: string | number;
      change: LocalisedText;
      details: LocalisedText;
    };

/** The company's officers and admins, and the filer, once each. */
async function recipients(tx: Db, row: ProtestRow) {
  const company = await membersWithRoles(tx, row.organisationId, COMPANY_ROLES);
  const filer =
    row.filedByUserId === null
      ? []
      : (await membersWithRoles(tx, row.organisationId, ALL_COMPANY_ROLES)).filter(
          (member) => member.userId === row.filedByUserId,
        );
  const seen = new Set<string>();
  return [...company, ...filer].filter((person) => {
    if (seen.has(person.userId)) return false;
    seen.add(person.userId);
    return true;
  });
}

export async function notifyProtestParties(
  ctx: ServiceContext,
  tx: Db,
  row: ProtestRow,
  notice: ProtestNotice,
): Promise<void> {
  const names = await organisationSummaries(tx, [row.organisationId]);
  const link = `/protests/${row.id}`;
  const common = {
    organisation: names.get(row.organisationId)?.legalName ?? '',
    protestNumber: row.protestNumber,
    protestant: row.protestantName,
    filedOn: row.filedOn,
    link: `${ctx.runtime.publicUrl}${link}`,
  };
  for (const person of await recipients(tx, row)) {
    const language = languageOf(person.preferredLanguage);
    const params =
      notice.kind === 'protest_filed'
        ? {
            ...common,
            timeliness: notice.timeliness(language),
            tradeCompliance: notice.tradeCompliance(language),
          }
        : { ...common, change: notice.change(language), details: notice.details(language) };
    await notifyFrom(ctx, tx, {
      key: `${notice.kind}:${notice.eventId}:${person.userId}`,
      kind: notice.kind,
      params,
      link,
      organisationId: row.organisationId,
      userId: person.userId,
      email: { to: person.email, language },
    });
  }
}
