import type { NotificationKind } from '../../../domain/notifications/notification-kinds.ts';

export type Language = 'en' | 'es';

/** A stored language preference as a template language (English unless Spanish). */
export function languageOf(preference: string): Language {
  return preference === 'es' ? 'es' : 'en';
}

interface Template {
  subject: string;
  /** Plain text; `{name}` placeholders are filled from the notification's params. */
  text: string;
}

/**
 * E-mail texts per kind and language. Plain text only: it survives every mail client and
 * carries no tracking. Links are absolute (PUBLIC_URL) and single-use where they grant access.
 */
const TEMPLATES: Record<NotificationKind, Record<Language, Template>> = {
  invitation: {
    en: {
      subject: 'You are invited to {organisation} on OpenCTPAT',
      text: '{inviter} invited you to join {organisation} on OpenCTPAT as {role}.\n\nAccept the invitation (the link works once and expires on {expires}):\n{link}\n\nIf you did not expect this, ignore this e-mail.',
    },
    es: {
      subject: 'Invitación a {organisation} en OpenCTPAT',
      text: '{inviter} le invitó a unirse a {organisation} en OpenCTPAT como {role}.\n\nAcepte la invitación (el enlace funciona una sola vez y vence el {expires}):\n{link}\n\nSi no esperaba este mensaje, ignórelo.',
    },
  },
  password_reset: {
    en: {
      subject: 'Reset your OpenCTPAT password',
      text: 'Someone asked to reset the password of your OpenCTPAT account.\n\nChoose a new password (the link works once and expires on {expires}):\n{link}\n\nIf it was not you, ignore this e-mail: your password stays as it is.',
    },
    es: {
      subject: 'Restablezca su contraseña de OpenCTPAT',
      text: 'Alguien pidió restablecer la contraseña de su cuenta de OpenCTPAT.\n\nElija una contraseña nueva (el enlace funciona una sola vez y vence el {expires}):\n{link}\n\nSi no fue usted, ignore este mensaje: su contraseña no cambia.',
    },
  },
  email_change: {
    en: {
      subject: 'Confirm your new e-mail address for OpenCTPAT',
      text: 'Confirm that this is the new e-mail address of your OpenCTPAT account (the link works once and expires on {expires}):\n{link}',
    },
    es: {
      subject: 'Confirme su nueva dirección de correo para OpenCTPAT',
      text: 'Confirme que esta es la nueva dirección de correo de su cuenta de OpenCTPAT (el enlace funciona una sola vez y vence el {expires}):\n{link}',
    },
  },
  email_changed: {
    en: {
      subject: 'Your OpenCTPAT e-mail address was changed',
      text: 'The e-mail address of your OpenCTPAT account is now {newEmail}. If you did not do this, contact your organisation administrator at once.',
    },
    es: {
      subject: 'Se cambió su dirección de correo de OpenCTPAT',
      text: 'La dirección de correo de su cuenta de OpenCTPAT ahora es {newEmail}. Si no fue usted, avise de inmediato al administrador de su organización.',
    },
  },
  new_sign_in: {
    en: {
      subject: 'New sign-in to your OpenCTPAT account',
      text: 'Your account was signed in to on {time} from {address} ({device}). If it was not you, change your password and sign out of every session.',
    },
    es: {
      subject: 'Nuevo inicio de sesión en su cuenta de OpenCTPAT',
      text: 'Se inició sesión en su cuenta el {time} desde {address} ({device}). Si no fue usted, cambie su contraseña y cierre todas las sesiones.',
    },
  },
  mfa_enrolled: {
    en: {
      subject: 'Two-step verification is on',
      text: 'Two-step verification was turned on for your OpenCTPAT account on {time}. If it was not you, contact your organisation administrator at once.',
    },
    es: {
      subject: 'La verificación en dos pasos está activada',
      text: 'Se activó la verificación en dos pasos de su cuenta de OpenCTPAT el {time}. Si no fue usted, avise de inmediato al administrador de su organización.',
    },
  },
  mfa_disabled: {
    en: {
      subject: 'Two-step verification was turned off',
      text: 'Two-step verification was turned off for your OpenCTPAT account on {time}. If it was not you, change your password at once.',
    },
    es: {
      subject: 'Se desactivó la verificación en dos pasos',
      text: 'Se desactivó la verificación en dos pasos de su cuenta de OpenCTPAT el {time}. Si no fue usted, cambie su contraseña de inmediato.',
    },
  },
  recovery_codes_regenerated: {
    en: {
      subject: 'New recovery codes',
      text: 'New recovery codes were made for your OpenCTPAT account on {time}; the old ones no longer work.',
    },
    es: {
      subject: 'Nuevos códigos de recuperación',
      text: 'Se generaron nuevos códigos de recuperación para su cuenta de OpenCTPAT el {time}; los anteriores ya no sirven.',
    },
  },
  recovery_code_used: {
    en: {
      subject: 'A recovery code was used',
      text: 'A recovery code was used to sign in to your OpenCTPAT account on {time}. {remaining} codes are left.',
    },
    es: {
      subject: 'Se usó un código de recuperación',
      text: 'Se usó un código de recuperación para iniciar sesión en su cuenta de OpenCTPAT el {time}. Quedan {remaining} códigos.',
    },
  },
  membership_role_changed: {
    en: {
      subject: 'Your role in {organisation} changed',
      text: 'Your role in {organisation} on OpenCTPAT is now {role}.',
    },
    es: {
      subject: 'Cambió su función en {organisation}',
      text: 'Su función en {organisation} en OpenCTPAT ahora es {role}.',
    },
  },
  account_locked: {
    en: {
      subject: 'Your OpenCTPAT account is locked for a while',
      text: 'After several wrong passwords your account is locked until {until}. If it was not you, reset your password.',
    },
    es: {
      subject: 'Su cuenta de OpenCTPAT está bloqueada por un tiempo',
      text: 'Tras varias contraseñas incorrectas su cuenta queda bloqueada hasta el {until}. Si no fue usted, restablezca su contraseña.',
    },
  },
  password_changed: {
    en: {
      subject: 'Your OpenCTPAT password was changed',
      text: 'The password of your OpenCTPAT account was changed on {time}. If it was not you, reset your password at once.',
    },
    es: {
      subject: 'Se cambió su contraseña de OpenCTPAT',
      text: 'La contraseña de su cuenta de OpenCTPAT se cambió el {time}. Si no fue usted, restablézcala de inmediato.',
    },
  },
};

function fill(template: string, params: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

export function renderEmail(
  kind: NotificationKind,
  language: Language,
  params: Readonly<Record<string, string>>,
): { subject: string; text: string } {
  const template = TEMPLATES[kind][language];
  return { subject: fill(template.subject, params), text: fill(template.text, params) };
}
