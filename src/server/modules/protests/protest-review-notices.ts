import type { Role } from '../../../domain/authorization/roles.ts';
import type { ProtestClockView } from '../../../domain/protests/protest-api.schema.ts';
import type { ProtestDecisionKind } from '../../../domain/protests/protest-vocabulary.ts';
import type { Db } from '../../db/database.ts';
import { membersWithRoles } from '../identity/users.service.ts';
import { type Language, languageOf } from '../notifications/email-templates.ts';
import type { NoticeContext } from '../notifications/notice-context.ts';
import { notify } from '../notifications/notifications.service.ts';
import type { ProtestRow } from './protests.repository.ts';

/**
 * What the filer company hears of CBP's review (issue 7, items 5 and 6): a decision (or deemed
 * denial) with the court deadline, and reminders before the protestant's deadlines. Sent to the
 * company's officers and admins and to the person who filed, once each, in the change's
 * transaction; usable from a request and from the hourly job alike (no service context needed).
 * Status changes without a deadline (assignment, further review) go through the filing side's
 * `notifyProtestParties` (protest-notifications.ts).
 */

const COMPANY_ROLES: readonly Role[] = ['company_officer', 'company_admin'];
const ANY_COMPANY_ROLE: readonly Role[] = [...COMPANY_ROLES, 'contributor', 'consultant'];

async function recipients(tx: Db, row: ProtestRow) {
  const people = await membersWithRoles(tx, row.organisationId, ANY_COMPANY_ROLE);
  return people.filter(
    (person) => COMPANY_ROLES.includes(person.role) || person.userId === row.filedByUserId,
  );
}

const DECISION_WORDS: Record<Language, Record<ProtestDecisionKind, string>> = {
  en: {
    allowed: 'allowed',
    allowed_in_part: 'allowed in part',
    denied: 'denied',
    denied_in_part: 'denied in part',
    deemed_denied: 'deemed denied (not decided within the time the law allows)',
  },
  es: {
    allowed: 'admitida',
    allowed_in_part: 'admitida en parte',
    denied: 'denegada',
    denied_in_part: 'denegada en parte',
    deemed_denied: 'denegada por ministerio de la ley (no se decidió en el plazo legal)',
  },
};

export function decisionWord(language: Language, kind: ProtestDecisionKind): string {
  return DECISION_WORDS[language][kind];
}

function courtSentence(language: Language, court: ProtestClockView | null): string {
  if (court === null) {
    return '';
  }
  const moved = court.rolled
    ? language === 'es'
      ? ` (los 180 días terminan el ${court.nominal}, día inhábil)`
      : ` (the 180 days end on ${court.nominal}, a day the court is closed)`
    : '';
  return language === 'es'
    ? `Para impugnar la denegación, inicie una acción civil ante el Tribunal de Comercio Internacional de los Estados Unidos a más tardar el ${court.effective}${moved} (28 U.S.C. 2636(a); 19 CFR 174.31).`
    : `To contest the denial, begin a civil action in the U.S. Court of International Trade by ${court.effective}${moved} (28 U.S.C. 2636(a); 19 CFR 174.31).`;
}

async function send(
  options: NoticeContext,
  tx: Db,
  row: ProtestRow,
  notice: {
    kind: 'protest_decided' | 'protest_deadline_reminder' | 'protest_status_changed';
    key: string;
    params: (language: Language) => Record<string, string>;
  },
): Promise<number> {
  const link = `/protests/${row.id}`;
  let sent = 0;
  for (const person of await recipients(tx, row)) {
    const language = languageOf(person.preferredLanguage);
    await notify(
      tx,
      { now: options.now, smtpConfigured: options.smtpConfigured },
      {
        key: `${notice.key}:${person.userId}`,
        kind: notice.kind,
        params: {
          protestNumber: row.protestNumber,
          protestant: row.protestantName,
          link: `${options.publicUrl}${link}`,
          ...notice.params(language),
        },
        link,
        organisationId: row.organisationId,
        userId: person.userId,
        email: { to: person.email, language },
      },
    );
    sent += 1;
  }
  return sent;
}

/** The decision (a reviewer's or a deemed denial), once per protest: a protest is decided once. */
export function notifyProtestDecided(
  options: NoticeContext,
  tx: Db,
  row: ProtestRow,
  court: ProtestClockView | null,
): Promise<number> {
  const decision = row.decision;
  if (decision === null || row.decidedOn === null) {
    throw new Error(`protest ${row.id} has no decision to notify`);
  }
  return send(options, tx, row, {
    kind: 'protest_decided',
    key: `protest_decided:${row.id}`,
    params: (language) => ({
      decision: decisionWord(language, decision),
      decidedOn: row.decidedOn ?? '',
      court: courtSentence(language, court),
    }),
  });
}

export type ProtestReminder =
  | { deadline: 'court'; threshold: 30 | 7; clock: ProtestClockView }
  | { deadline: 'accelerated_disposition'; clock: ProtestClockView }
  /** The last day to amend the protest (19 U.S.C. 1514(c)(1); protest-filing-reminders.ts). */
  | { deadline: 'amendment'; threshold: 30 | 7; clock: ProtestClockView }
  /** The filing window of these entries closes (19 U.S.C. 1514(c)(3)). */
  | {
      deadline: 'filing_window';
      threshold: 30 | 7;
      clock: ProtestClockView;
      entryNumbers: readonly string[];
    };

const REMINDER_TEXTS: Record<
  Language,
  Record<ProtestReminder['deadline'], { deadline: string; details: string }>
> = {
  en: {
    court: {
      deadline: 'last day to contest the denial in the Court of International Trade',
      details:
        'After this day the decision on the protest is final (28 U.S.C. 2636(a); 19 CFR 174.31).',
    },
    accelerated_disposition: {
      deadline: 'CBP’s 30 days after your request for accelerated disposition end',
      details:
        'Unless CBP allows or denies the protest today, it is deemed denied today (19 U.S.C. 1515(b)) and the 180 days to go to the Court of International Trade start.',
    },
    amendment: {
      deadline: 'last day to amend the protest',
      details:
        'Until this day new decisions and objections can be added by amending the protest; after it the time to file closes and no amendment is accepted (19 U.S.C. 1514(c)(1); 19 CFR 174.14).',
    },
    filing_window: {
      deadline: 'last day to protest the entries',
      details:
        'After this day the decisions on these entries can no longer be protested (19 U.S.C. 1514(c)(3)). Entries:',
    },
  },
  es: {
    court: {
      deadline: 'último día para impugnar la denegación ante el Tribunal de Comercio Internacional',
      details:
        'Después de ese día la decisión sobre la protesta queda firme (28 U.S.C. 2636(a); 19 CFR 174.31).',
    },
    accelerated_disposition: {
      deadline: 'terminan los 30 días de CBP tras su solicitud de resolución acelerada',
      details:
        'Si CBP no admite ni deniega la protesta hoy, se considera denegada hoy (19 U.S.C. 1515(b)) y empiezan los 180 días para acudir al Tribunal de Comercio Internacional.',
    },
    amendment: {
      deadline: 'último día para modificar la protesta',
      details:
        'Hasta ese día pueden añadirse decisiones y objeciones modificando la protesta; después se cierra el plazo de presentación y no se admiten modificaciones (19 U.S.C. 1514(c)(1); 19 CFR 174.14).',
    },
    filing_window: {
      deadline: 'último día para protestar las entradas',
      details:
        'Después de ese día las decisiones sobre estas entradas ya no pueden protestarse (19 U.S.C. 1514(c)(3)). Entradas:',
    },
  },
};

/** A reminder before a deadline, idempotent by (protest, deadline, day, threshold, person). */
export function notifyProtestReminder(
  options: NoticeContext,
  tx: Db,
  row: ProtestRow,
  reminder: ProtestReminder,
): Promise<number> {
  const threshold = 'threshold' in reminder ? reminder.threshold : 0;
  const entries =
    reminder.deadline === 'filing_window' ? ` ${reminder.entryNumbers.join(', ')}.` : '';
  return send(options, tx, row, {
    kind: 'protest_deadline_reminder',
    key: `protest_deadline:${row.id}:${reminder.deadline}:${reminder.clock.effective}:${threshold}`,
    params: (language) => ({
      deadline: REMINDER_TEXTS[language][reminder.deadline].deadline,
      details: `${REMINDER_TEXTS[language][reminder.deadline].details}${entries}`,
      due: reminder.clock.effective,
      daysLeft: String(Math.max(0, reminder.clock.daysLeft)),
    }),
  });
}

/**
 * A change of status made by the hourly job (a set-aside request considered denied), to the
 * same people as `notifyProtestParties`, once per `key` and person.
 */
export function notifyProtestChangedByJob(
  options: NoticeContext,
  tx: Db,
  row: ProtestRow,
  notice: {
    key: string;
    change: (language: Language) => string;
    details: (language: Language) => string;
  },
): Promise<number> {
  return send(options, tx, row, {
    kind: 'protest_status_changed',
    key: notice.key,
    params: (language) => ({
      filedOn: row.filedOn,
      change: notice.change(language),
      details: notice.details(language),
    }),
  });
}
