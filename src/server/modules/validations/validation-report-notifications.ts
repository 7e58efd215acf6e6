import type { Role } from '../../../domain/authorization/roles.ts';
import type { ValidationOutcome } from '../../../domain/validations/validation-vocabulary.ts';
import type { Db } from '../../db/database.ts';
import type { ServiceContext } from '../../service-context.ts';
import { membersWithRoles } from '../identity/users.service.ts';
import { type Language, languageOf } from '../notifications/email-templates.ts';
import { notifyFrom } from '../notifications/notifications.service.ts';
import { organisationSummaries } from '../organisations/organisations.service.ts';
import { VALIDATION_REPORT_LABELS } from './validation-report-labels.ts';
import type { ValidationRow } from './validations.repository.ts';

/**
 * Who hears of a validation report (issue 6, item 5), in the change's transaction, once per
 * person and event (the audit event's id makes the idempotency key):
 * - submitted: the supervisory specialists of the validation's CBP office (not the author);
 * - returned: the author, with the supervisor's note;
 * - issued: the member company's officers and admins.
 */

const SUPERVISORS: readonly Role[] = ['supervisory_scss'];
const COMPANY_ROLES: readonly Role[] = ['company_officer', 'company_admin'];

function outcomeIn(language: Language, outcome: ValidationOutcome | null): string {
  return outcome ? VALIDATION_REPORT_LABELS[language].outcomes[outcome] : '';
}

async function memberName(tx: Db, row: ValidationRow): Promise<string> {
  return (
    (await organisationSummaries(tx, [row.organisationId])).get(row.organisationId)?.legalName ?? ''
  );
}

export async function notifyReportSubmitted(
  ctx: ServiceContext,
  tx: Db,
  row: ValidationRow,
  event: { id: string; authorName: string },
): Promise<void> {
  if (row.officeId === null) return;
  const member = await memberName(tx, row);
  const link = `/cbp/validations/${row.id}/work-program`;
  for (const person of await membersWithRoles(tx, row.officeId, SUPERVISORS)) {
    if (person.userId === row.reportAuthorUserId) continue;
    const language = languageOf(person.preferredLanguage);
    await notifyFrom(ctx, tx, {
      key: `validation_report_submitted:${event.id}:${person.userId}`,
      kind: 'validation_report_submitted',
      params: {
        member,
        author: event.authorName,
        outcome: outcomeIn(language, row.recommendedOutcome),
        link: `${ctx.runtime.publicUrl}${link}`,
      },
      link,
      organisationId: row.officeId,
      userId: person.userId,
      email: { to: person.email, language },
    });
  }
}

export async function notifyReportReturned(
  ctx: ServiceContext,
  tx: Db,
  row: ValidationRow,
  event: { id: string; approverName: string; note: string; authorUserId: string | null },
): Promise<void> {
  if (event.authorUserId === null || row.officeId === null) return;
  const member = await memberName(tx, row);
  const link = `/cbp/validations/${row.id}/work-program`;
  const author = (await membersWithRoles(tx, row.officeId, ['scss', 'supervisory_scss'])).find(
    (person) => person.userId === event.authorUserId,
  );
  if (!author) return;
  await notifyFrom(ctx, tx, {
    key: `validation_report_returned:${event.id}:${author.userId}`,
    kind: 'validation_report_returned',
    params: {
      member,
      approver: event.approverName,
      note: event.note,
      link: `${ctx.runtime.publicUrl}${link}`,
    },
    link,
    organisationId: row.officeId,
    userId: author.userId,
    email: { to: author.email, language: languageOf(author.preferredLanguage) },
  });
}

const DUE_TEXT: Record<Language, (due: string) => string> = {
  en: (due) => `Answer each required action with a corrective plan by ${due}.`,
  es: (due) => `Responda a cada acción requerida con un plan correctivo a más tardar el ${due}.`,
};

export async function notifyReportIssued(
  ctx: ServiceContext,
  tx: Db,
  row: ValidationRow,
  event: { id: string },
): Promise<void> {
  const member = await memberName(tx, row);
  const link = `/validations/${row.id}`;
  for (const person of await membersWithRoles(tx, row.organisationId, COMPANY_ROLES)) {
    const language = languageOf(person.preferredLanguage);
    await notifyFrom(ctx, tx, {
      key: `validation_report_issued:${event.id}:${person.userId}`,
      kind: 'validation_report_issued',
      params: {
        member,
        issuedOn: row.reportIssuedOn ?? '',
        outcome: outcomeIn(language, row.recommendedOutcome),
        due: row.responsesDueOn ? DUE_TEXT[language](row.responsesDueOn) : '',
        link: `${ctx.runtime.publicUrl}${link}`,
      },
      link,
      organisationId: row.organisationId,
      userId: person.userId,
      email: { to: person.email, language },
    });
  }
}
