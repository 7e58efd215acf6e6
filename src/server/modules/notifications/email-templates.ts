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
  // A connected SVI partner's status changed (svi-partner-notifications.ts). SVI shares status
  // only: {organisation} and {date}, never the reason CBP gave the member.
  svi_partner_suspended: {
    en: {
      subject: 'SVI partner suspended: {organisation}',
      text: 'The CTPAT membership of {organisation}, a partner connected to your company through status verification (SVI), was suspended on {date}. See its current status in OpenCTPAT under Status verification.',
    },
    es: {
      subject: 'Socio SVI suspendido: {organisation}',
      text: 'La membresía de CTPAT de {organisation}, socio conectado con su empresa mediante la verificación de estatus (SVI), se suspendió el {date}. Consulte su estatus actual en OpenCTPAT, en Verificación de estatus.',
    },
  },
  svi_partner_reinstated: {
    en: {
      subject: 'SVI partner reinstated: {organisation}',
      text: 'The CTPAT membership of {organisation}, a partner connected to your company through status verification (SVI), was reinstated on {date}. See its current status in OpenCTPAT under Status verification.',
    },
    es: {
      subject: 'Socio SVI restablecido: {organisation}',
      text: 'La membresía de CTPAT de {organisation}, socio conectado con su empresa mediante la verificación de estatus (SVI), se restableció el {date}. Consulte su estatus actual en OpenCTPAT, en Verificación de estatus.',
    },
  },
  svi_partner_removed: {
    en: {
      subject: 'SVI partner removed from CTPAT: {organisation}',
      text: '{organisation}, a partner connected to your company through status verification (SVI), was removed from CTPAT on {date}.',
    },
    es: {
      subject: 'Socio SVI dado de baja de CTPAT: {organisation}',
      text: '{organisation}, socio conectado con su empresa mediante la verificación de estatus (SVI), fue dado de baja de CTPAT el {date}.',
    },
  },
  svi_partner_withdrew: {
    en: {
      subject: 'SVI partner withdrew from CTPAT: {organisation}',
      text: '{organisation}, a partner connected to your company through status verification (SVI), withdrew from CTPAT on {date}.',
    },
    es: {
      subject: 'Socio SVI retirado de CTPAT: {organisation}',
      text: '{organisation}, socio conectado con su empresa mediante la verificación de estatus (SVI), se retiró de CTPAT el {date}.',
    },
  },
  // CTPAT membership lifecycle (membership-transitions.ts). {organisation} is the member
  // company, {date} the business date of the transition, {reason} the reason given.
  membership_application_submitted: {
    en: {
      subject: 'CTPAT application submitted: {organisation}',
      text: 'The CTPAT application of {organisation} was submitted on {date}, and the partner agreement accepted by a company officer. CBP aims to certify or reject an application within 90 days (6 U.S.C. 964(c)).',
    },
    es: {
      subject: 'Solicitud de CTPAT presentada: {organisation}',
      text: 'La solicitud de CTPAT de {organisation} se presentó el {date} y un directivo de la empresa aceptó el acuerdo de socio. CBP procura certificar o rechazar una solicitud en un plazo de 90 días (6 U.S.C. 964(c)).',
    },
  },
  membership_specialist_assigned: {
    en: {
      subject: 'CTPAT specialist assigned: {organisation}',
      text: 'On {date} a CBP supply chain security specialist was assigned to the CTPAT application of {organisation}.',
    },
    es: {
      subject: 'Especialista de CTPAT asignado: {organisation}',
      text: 'El {date} se asignó un especialista de seguridad de la cadena de suministro de CBP a la solicitud de CTPAT de {organisation}.',
    },
  },
  membership_profile_review_started: {
    en: {
      subject: 'CTPAT Security Profile review started: {organisation}',
      text: 'On {date} CBP started reviewing the Security Profile of {organisation}.',
    },
    es: {
      subject: 'Comenzó la revisión del Perfil de Seguridad de CTPAT: {organisation}',
      text: 'El {date} CBP comenzó a revisar el Perfil de Seguridad de {organisation}.',
    },
  },
  membership_profile_approved: {
    en: {
      subject: 'CTPAT Security Profile approved: {organisation}',
      text: 'On {date} CBP approved the Security Profile of {organisation}; vetting follows.',
    },
    es: {
      subject: 'Perfil de Seguridad de CTPAT aprobado: {organisation}',
      text: 'El {date} CBP aprobó el Perfil de Seguridad de {organisation}; sigue la verificación de antecedentes.',
    },
  },
  membership_certified: {
    en: {
      subject: 'CTPAT certified (Tier I): {organisation}',
      text: '{organisation} was certified as a CTPAT partner (Tier I) on {date}. The first validation is due within one year of certification (6 U.S.C. 965).',
    },
    es: {
      subject: 'Certificación CTPAT (Nivel I): {organisation}',
      text: '{organisation} fue certificada como socio de CTPAT (Nivel I) el {date}. La primera validación debe hacerse dentro del año siguiente a la certificación (6 U.S.C. 965).',
    },
  },
  membership_rejected: {
    en: {
      subject: 'CTPAT application rejected: {organisation}',
      text: 'The CTPAT application of {organisation} was rejected on {date}.\n\nReason: {reason}',
    },
    es: {
      subject: 'Solicitud de CTPAT rechazada: {organisation}',
      text: 'La solicitud de CTPAT de {organisation} fue rechazada el {date}.\n\nMotivo: {reason}',
    },
  },
  membership_validated: {
    en: {
      subject: 'CTPAT validation recorded (Tier II): {organisation}',
      text: 'On {date} CBP recorded a validation of {organisation} that meets the minimum security criteria: the member is Tier II.',
    },
    es: {
      subject: 'Validación de CTPAT registrada (Nivel II): {organisation}',
      text: 'El {date} CBP registró una validación de {organisation} que cumple los criterios mínimos de seguridad: el socio es de Nivel II.',
    },
  },
  membership_validated_exceeds: {
    en: {
      subject: 'CTPAT validation recorded (Tier III): {organisation}',
      text: 'On {date} CBP recorded a validation of {organisation} that exceeds the minimum security criteria: the member is Tier III.',
    },
    es: {
      subject: 'Validación de CTPAT registrada (Nivel III): {organisation}',
      text: 'El {date} CBP registró una validación de {organisation} que supera los criterios mínimos de seguridad: el socio es de Nivel III.',
    },
  },
  membership_suspended: {
    en: {
      subject: 'CTPAT membership suspended: {organisation}',
      text: 'The CTPAT membership of {organisation} was suspended on {date}; its benefits are withheld while the suspension lasts.\n\nReason: {reason}',
    },
    es: {
      subject: 'Membresía de CTPAT suspendida: {organisation}',
      text: 'La membresía de CTPAT de {organisation} se suspendió el {date}; sus beneficios quedan retenidos mientras dure la suspensión.\n\nMotivo: {reason}',
    },
  },
  membership_suspension_response_received: {
    en: {
      subject: 'Response to a CTPAT suspension received: {organisation}',
      text: 'On {date} {organisation} recorded its response to the suspension of its CTPAT membership, with evidence, for CBP to decide.',
    },
    es: {
      subject: 'Respuesta a una suspensión de CTPAT recibida: {organisation}',
      text: 'El {date} {organisation} registró su respuesta a la suspensión de su membresía de CTPAT, con pruebas, para que CBP decida.',
    },
  },
  membership_reinstated: {
    en: {
      subject: 'CTPAT membership reinstated: {organisation}',
      text: 'The CTPAT membership of {organisation} was reinstated on {date} to the tier it held.\n\nReason: {reason}',
    },
    es: {
      subject: 'Membresía de CTPAT restablecida: {organisation}',
      text: 'La membresía de CTPAT de {organisation} se restableció el {date} al nivel que tenía.\n\nMotivo: {reason}',
    },
  },
  membership_removed: {
    en: {
      subject: 'Removed from CTPAT: {organisation}',
      text: '{organisation} was removed from CTPAT on {date}.\n\nReason: {reason}',
    },
    es: {
      subject: 'Expulsión de CTPAT: {organisation}',
      text: '{organisation} fue dada de baja de CTPAT el {date}.\n\nMotivo: {reason}',
    },
  },
  membership_removed_unanswered_suspension: {
    en: {
      subject: 'Removed from CTPAT for an unanswered suspension: {organisation}',
      text: '{organisation} was removed from CTPAT on {date} because it did not answer its suspension in time. It may not apply again until the re-application bar ends (shown in its membership file).',
    },
    es: {
      subject: 'Baja de CTPAT por una suspensión sin respuesta: {organisation}',
      text: '{organisation} fue dada de baja de CTPAT el {date} porque no respondió a tiempo a su suspensión. No puede volver a solicitar hasta que termine el plazo de espera (indicado en su expediente de membresía).',
    },
  },
  membership_withdrawn: {
    en: {
      subject: 'Withdrawn from CTPAT: {organisation}',
      text: '{organisation} withdrew from CTPAT on {date}.\n\nReason: {reason}',
    },
    es: {
      subject: 'Retiro de CTPAT: {organisation}',
      text: '{organisation} se retiró de CTPAT el {date}.\n\nMotivo: {reason}',
    },
  },
  membership_new_application_started: {
    en: {
      subject: 'New CTPAT application started: {organisation}',
      text: 'On {date} a company officer of {organisation} started a new CTPAT application. Complete the profile and the application, then submit it.',
    },
    es: {
      subject: 'Nueva solicitud de CTPAT iniciada: {organisation}',
      text: 'El {date} un directivo de {organisation} inició una nueva solicitud de CTPAT. Complete el perfil y la solicitud y luego preséntela.',
    },
  },
  // The 3PL pilot (pilot.service.ts): {category} and {outcome} are in the recipient's
  // language, {details} says what follows or why the request was refused.
  pilot_request_decided: {
    en: {
      subject: '3PL pilot request {outcome}: {organisation}',
      text: 'CBP {outcome} the request of {organisation} to join the CTPAT 3PL pilot as a {category} third-party logistics provider (P.L. 118-98; 90 FR 52690).\n\n{details}\n\n{link}',
    },
    es: {
      subject: 'Decisión sobre la solicitud al piloto 3PL: {organisation}',
      text: 'CBP ha {outcome} la solicitud de {organisation} para participar en el piloto 3PL de CTPAT como proveedor de logística {category} (P.L. 118-98; 90 FR 52690).\n\n{details}\n\n{link}',
    },
  },
  // Status Verification Interface (status-verification.service.ts). {partner} is the other
  // company; the status confirmation says nothing but the company's status (ctpat-program.md §3.7).
  svi_connection_requested: {
    en: {
      subject: 'SVI connection request from {partner}',
      text: '{partner} asked to connect with your company in the CTPAT Status Verification Interface (SVI). If you accept, each company sees the other’s current CTPAT status and tier.\n\nAccept or decline the request:\n{link}',
    },
    es: {
      subject: 'Solicitud de conexión SVI de {partner}',
      text: '{partner} pidió conectarse con su empresa en la Interfaz de Verificación de Estatus (SVI) de CTPAT. Si la acepta, cada empresa verá el estatus y el nivel actuales de CTPAT de la otra.\n\nAcepte o rechace la solicitud:\n{link}',
    },
  },
  svi_connection_accepted: {
    en: {
      subject: '{partner} accepted your SVI connection request',
      text: '{partner} accepted your company’s connection request in the CTPAT Status Verification Interface (SVI). You now see its current CTPAT status and tier:\n{link}',
    },
    es: {
      subject: '{partner} aceptó su solicitud de conexión SVI',
      text: '{partner} aceptó la solicitud de conexión de su empresa en la Interfaz de Verificación de Estatus (SVI) de CTPAT. Ahora ve su estatus y nivel actuales de CTPAT:\n{link}',
    },
  },
  // Evidence library (evidence-reminders.ts): {expiresOn} is the document's last valid day,
  // {daysLeft} the days until then (0 on the day and after).
  evidence_expiring: {
    en: {
      subject: 'Evidence expiring on {expiresOn}: {title}',
      text: 'The evidence document “{title}” in the library of {organisation} is valid until {expiresOn} (days left: {daysLeft}).\n\nExpired evidence is one of the commonest reasons a Security Profile is returned. Upload the renewed document, link it to the same criteria and delete or update this one:\n{link}',
    },
    es: {
      subject: 'Evidencia que vence el {expiresOn}: {title}',
      text: 'El documento de evidencia «{title}» de la biblioteca de {organisation} es válido hasta el {expiresOn} (días restantes: {daysLeft}).\n\nLa evidencia vencida es uno de los motivos más frecuentes por los que se devuelve un perfil de seguridad. Suba el documento renovado, vincúlelo a los mismos criterios y elimine o actualice este:\n{link}',
    },
  },
  svi_status_confirmation: {
    en: {
      subject: 'CTPAT status confirmation: {company}',
      text: 'Dear {recipientName},\n\nAt the request of {company}, OpenCTPAT confirms its status in the Customs Trade Partnership Against Terrorism (CTPAT):\n\nCompany: {company}\nStatus: {status}\nIn this status since: {since}\nAs of: {asOf} (UTC)\n\nThis confirmation reflects the status at the time above; the status may change afterwards.',
    },
    es: {
      subject: 'Confirmación de estatus CTPAT: {company}',
      text: 'Estimado/a {recipientName}:\n\nA solicitud de {company}, OpenCTPAT confirma su estatus en la Alianza Aduanas-Comercio contra el Terrorismo (CTPAT):\n\nEmpresa: {company}\nEstatus: {status}\nEn este estatus desde: {since}\nA fecha de: {asOf} (UTC)\n\nEsta confirmación refleja el estatus en el momento indicado; el estatus puede cambiar después.',
    },
  },
  // Security Profile (security-profile.service.ts): {section} is the MSC category's name as
  // CBP publishes it (English), {category} its number.
  profile_section_assigned: {
    en: {
      subject: 'Security Profile section {category} assigned to you: {organisation}',
      text: '{assignedBy} assigned you section {category}, {section}, of the CTPAT Security Profile of {organisation}. Answer its criteria (status, narrative, responsible person):\n{link}',
    },
    es: {
      subject: 'Se le asignó la sección {category} del perfil de seguridad: {organisation}',
      text: '{assignedBy} le asignó la sección {category}, {section}, del perfil de seguridad CTPAT de {organisation}. Responda a sus criterios (estado, descripción, persona responsable):\n{link}',
    },
  },
  // Annual review (annual-review-reminders.ts): {anniversary} closes the window that opened on
  // {windowOpens}; {daysLeft} counts to the anniversary.
  annual_review_due: {
    en: {
      subject: 'Annual Security Profile review due by {anniversary}: {organisation}',
      text: 'The annual review window of the CTPAT Security Profile of {organisation} opened on {windowOpens} and closes on the anniversary, {anniversary} (days left: {daysLeft}).\n\nStart the review from last year’s approved profile, confirm or update every answer, and have the company officer submit it before the window closes. Only changes made inside the window count:\n{link}',
    },
    es: {
      subject: 'Revisión anual del perfil de seguridad antes del {anniversary}: {organisation}',
      text: 'El período de revisión anual del perfil de seguridad CTPAT de {organisation} se abrió el {windowOpens} y se cierra en el aniversario, el {anniversary} (días restantes: {daysLeft}).\n\nInicie la revisión a partir del perfil aprobado el año pasado, confirme o actualice cada respuesta y pida al funcionario de la empresa que la envíe antes del cierre. Solo cuentan los cambios hechos dentro del período:\n{link}',
    },
  },
  // Security Profile rounds (profile-review.service.ts): {number} is the version's round.
  profile_submitted: {
    en: {
      subject: 'Security Profile submitted for CBP review: {organisation}',
      text: 'Version {number} of the CTPAT Security Profile of {organisation} was submitted on {date} and waits for the review of a CBP supply chain security specialist.\n\nRead the submitted version:\n{link}',
    },
    es: {
      subject: 'Perfil de seguridad enviado para revisión de CBP: {organisation}',
      text: 'La versión {number} del perfil de seguridad CTPAT de {organisation} se envió el {date} y espera la revisión de un especialista en seguridad de la cadena de suministro de CBP.\n\nConsulte la versión enviada:\n{link}',
    },
  },
  profile_returned: {
    en: {
      subject: 'Security Profile returned by CBP: {organisation}',
      text: 'CBP returned version {number} of the CTPAT Security Profile of {organisation} on {date}. Read the specialist’s comments on each returned criterion, update the answers and submit the profile again:\n{link}',
    },
    es: {
      subject: 'CBP devolvió el perfil de seguridad: {organisation}',
      text: 'CBP devolvió la versión {number} del perfil de seguridad CTPAT de {organisation} el {date}. Lea los comentarios del especialista en cada criterio devuelto, actualice las respuestas y envíe el perfil de nuevo:\n{link}',
    },
  },
  profile_approved: {
    en: {
      subject: 'Security Profile approved by CBP: {organisation}',
      text: 'CBP approved version {number} of the CTPAT Security Profile of {organisation} on {date}.\n\nRead the approved version:\n{link}',
    },
    es: {
      subject: 'CBP aprobó el perfil de seguridad: {organisation}',
      text: 'CBP aprobó la versión {number} del perfil de seguridad CTPAT de {organisation} el {date}.\n\nConsulte la versión aprobada:\n{link}',
    },
  },
  // Protests (protests.service.ts; protest-notifications.ts): {timeliness} and
  // {tradeCompliance} are sentences in the recipient's language; {change} says what changed
  // and {details} what follows from it (may be empty).
  protest_filed: {
    en: {
      subject: 'Protest {protestNumber} filed: {protestant}',
      text: 'Protest {protestNumber} for {protestant} was filed on {filedOn} by {organisation}.\n\n{timeliness}\n{tradeCompliance}\n\nFollow its status, its deadlines and CBP’s decision:\n{link}',
    },
    es: {
      subject: 'Protesta {protestNumber} presentada: {protestant}',
      text: 'La protesta {protestNumber} de {protestant} fue presentada el {filedOn} por {organisation}.\n\n{timeliness}\n{tradeCompliance}\n\nSiga su estado, sus plazos y la decisión de CBP:\n{link}',
    },
  },
  protest_status_changed: {
    en: {
      subject: 'Protest {protestNumber}: {change}',
      text: 'Protest {protestNumber} for {protestant}: {change}.\n\n{details}\n\nOpen the protest:\n{link}',
    },
    es: {
      subject: 'Protesta {protestNumber}: {change}',
      text: 'Protesta {protestNumber} de {protestant}: {change}.\n\n{details}\n\nAbra la protesta:\n{link}',
    },
  },
  // CBP's decision (protest-review-notices.ts): {decision} and {court} are in the recipient's
  // language; {court} names the last day to go to the Court of International Trade, or is empty.
  protest_decided: {
    en: {
      subject: 'Protest {protestNumber} decided: {decision}',
      text: 'CBP decided protest {protestNumber} for {protestant} on {decidedOn}: {decision}.\n\n{court}\n\nRead the decision and the denial notice:\n{link}',
    },
    es: {
      subject: 'Decisión sobre la protesta {protestNumber}: {decision}',
      text: 'CBP decidió la protesta {protestNumber} de {protestant} el {decidedOn}: {decision}.\n\n{court}\n\nConsulte la decisión y la notificación de denegación:\n{link}',
    },
  },
  // A deadline of the protestant's is near (protest-deemed-denials.ts): {deadline} names it in
  // the recipient's language.
  protest_deadline_reminder: {
    en: {
      subject: 'Protest {protestNumber}: {deadline} on {due}',
      text: 'Protest {protestNumber} for {protestant}: {deadline} on {due} (days left: {daysLeft}).\n\n{details}\n\nOpen the protest:\n{link}',
    },
    es: {
      subject: 'Protesta {protestNumber}: {deadline} el {due}',
      text: 'Protesta {protestNumber} de {protestant}: {deadline} el {due} (días restantes: {daysLeft}).\n\n{details}\n\nAbra la protesta:\n{link}',
    },
  },
  // Validation reports (validation-report.service.ts): {member} is the member company,
  // {outcome} the recommended outcome and {due} the responses' due date, in the recipient's
  // language; {note} is the supervisor's reason for a return.
  validation_report_submitted: {
    en: {
      subject: 'Validation report to approve: {member}',
      text: '{author} submitted the validation report of {member} for approval. Recommended outcome: {outcome}.\n\nReview it (the author cannot approve their own report):\n{link}',
    },
    es: {
      subject: 'Informe de validación por aprobar: {member}',
      text: '{author} envió para aprobación el informe de validación de {member}. Resultado recomendado: {outcome}.\n\nRevíselo (el autor no puede aprobar su propio informe):\n{link}',
    },
  },
  validation_report_returned: {
    en: {
      subject: 'Validation report returned: {member}',
      text: '{approver} returned the validation report of {member} to fieldwork:\n\n{note}\n\nOpen the work program:\n{link}',
    },
    es: {
      subject: 'Informe de validación devuelto: {member}',
      text: '{approver} devolvió a trabajo de campo el informe de validación de {member}:\n\n{note}\n\nAbra el programa de trabajo:\n{link}',
    },
  },
  validation_report_issued: {
    en: {
      subject: 'CTPAT validation report issued: {member}',
      text: 'CBP issued the validation report of {member} on {issuedOn}. Recommended outcome: {outcome}. {due}\n\nRead the report and download it:\n{link}',
    },
    es: {
      subject: 'Informe de validación CTPAT emitido: {member}',
      text: 'CBP emitió el informe de validación de {member} el {issuedOn}. Resultado recomendado: {outcome}. {due}\n\nLea el informe y descárguelo:\n{link}',
    },
  },
  // Planning and scheduling of validations (validation-notifications.ts): {kind} and {mode} are
  // in the recipient's language, {change} says scheduled or rescheduled, {sites} is one line
  // per site.
  validation_assigned: {
    en: {
      subject: 'Validation assigned to you: {organisation}',
      text: 'The {kind} of {organisation} (due {dueOn}) is assigned to you.\n\nSchedule it with at least the minimum written notice:\n{link}',
    },
    es: {
      subject: 'Validación asignada a usted: {organisation}',
      text: 'Se le asignó la {kind} de {organisation} (vence el {dueOn}).\n\nPrográmela con al menos el aviso escrito mínimo:\n{link}',
    },
  },
  validation_plan_assigned: {
    en: {
      subject: 'Validation plan {year}: {number} validations assigned to you',
      text: 'The {year} validation plan of {office} assigns you {number} validations.\n\nSee them and schedule each:\n{link}',
    },
    es: {
      subject: 'Plan de validaciones {year}: {number} validaciones asignadas a usted',
      text: 'El plan de validaciones {year} de {office} le asigna {number} validaciones.\n\nConsúltelas y programe cada una:\n{link}',
    },
  },
  validation_scheduled: {
    en: {
      subject: 'CTPAT {kind} {change}: {organisation}, {startsOn} to {endsOn}',
      text: 'Written notice of {noticeSentOn}: CBP {change} the CTPAT {kind} of {organisation} from {startsOn} to {endsOn} ({mode}).\n\nSites:\n{sites}\n\nSee the agenda, the participants and the preparation package:\n{link}',
    },
    es: {
      subject: 'CTPAT: CBP {change} la {kind} de {organisation}, del {startsOn} al {endsOn}',
      text: 'Aviso escrito del {noticeSentOn}: CBP {change} la {kind} CTPAT de {organisation} del {startsOn} al {endsOn} ({mode}).\n\nSitios:\n{sites}\n\nConsulte la agenda, los participantes y el paquete de preparación:\n{link}',
    },
  },
  validation_cancelled: {
    en: {
      subject: 'CTPAT {kind} cancelled: {organisation}',
      text: 'CBP cancelled the CTPAT {kind} of {organisation}:\n\n{reason}\n\nOpen the validation:\n{link}',
    },
    es: {
      subject: 'CTPAT: {kind} cancelada: {organisation}',
      text: 'CBP canceló la {kind} CTPAT de {organisation}:\n\n{reason}\n\nAbra la validación:\n{link}',
    },
  },
  // Responses to a validation report (validation-responses.service.ts, validation-outcome.service.ts,
  // validation-reminders.ts). {criterion} is the criterion's number in the MSC catalog.
  validation_response_submitted: {
    en: {
      subject: 'Validation response to review: {organisation}, criterion {criterion}',
      text: '{organisation} answered the required action on criterion {criterion} of its validation report on {date}, with a corrective plan to be done by {targetOn}.\n\nAccept or return the response:\n{link}',
    },
    es: {
      subject: 'Respuesta de validación por revisar: {organisation}, criterio {criterion}',
      text: '{organisation} respondió el {date} a la acción requerida del criterio {criterion} de su informe de validación, con un plan correctivo que estará cumplido el {targetOn}.\n\nAcepte o devuelva la respuesta:\n{link}',
    },
  },
  validation_response_accepted: {
    en: {
      subject: 'CBP accepted your response on criterion {criterion}: {organisation}',
      text: 'CBP accepted on {date} the response of {organisation} to the required action on criterion {criterion} of its validation report.\n\nFollow the validation:\n{link}',
    },
    es: {
      subject: 'CBP aceptó su respuesta sobre el criterio {criterion}: {organisation}',
      text: 'CBP aceptó el {date} la respuesta de {organisation} a la acción requerida del criterio {criterion} de su informe de validación.\n\nSiga la validación:\n{link}',
    },
  },
  validation_response_returned: {
    en: {
      subject: 'CBP returned your response on criterion {criterion}: {organisation}',
      text: 'CBP returned on {date} the response of {organisation} to the required action on criterion {criterion} of its validation report:\n\n{note}\n\nAnswer it again:\n{link}',
    },
    es: {
      subject: 'CBP devolvió su respuesta sobre el criterio {criterion}: {organisation}',
      text: 'CBP devolvió el {date} la respuesta de {organisation} a la acción requerida del criterio {criterion} de su informe de validación:\n\n{note}\n\nRespóndala de nuevo:\n{link}',
    },
  },
  validation_closed: {
    en: {
      subject: 'Validation closed: {organisation}',
      text: 'The CTPAT validation of {organisation} closed on {date}: {outcome}.\nNext revalidation due by: {nextRevalidation}\n\nRead the validation:\n{link}',
    },
    es: {
      subject: 'Validación cerrada: {organisation}',
      text: 'La validación CTPAT de {organisation} se cerró el {date}: {outcome}.\nPróxima revalidación a más tardar el: {nextRevalidation}\n\nConsulte la validación:\n{link}',
    },
  },
  validation_suspension_decision_due: {
    en: {
      subject: 'Decide the suspension: validation of {organisation} closed on the suspension path',
      text: 'The approved report of the CTPAT validation of {organisation} recommends suspension, and the validation closed on {date}. The suspension is not applied automatically: a supervisory specialist decides it in the member file.\n\nThe validation:\n{link}\n\nThe member file:\n{memberLink}',
    },
    es: {
      subject:
        'Decida la suspensión: la validación de {organisation} se cerró con recomendación de suspensión',
      text: 'El informe aprobado de la validación CTPAT de {organisation} recomienda la suspensión, y la validación se cerró el {date}. La suspensión no se aplica automáticamente: la decide un especialista supervisor en el expediente del miembro.\n\nLa validación:\n{link}\n\nEl expediente del miembro:\n{memberLink}',
    },
  },
  validation_responses_due: {
    en: {
      subject: 'Validation required actions due by {due}: {organisation}',
      text: '{organisation} has {open} required action(s) of its CTPAT validation report to answer by {due} (days left: {daysLeft}). Required actions left unanswered after that day put the membership at risk of suspension.\n\nAnswer them with a corrective plan, a date and evidence:\n{link}',
    },
    es: {
      subject: 'Acciones requeridas de la validación a más tardar el {due}: {organisation}',
      text: '{organisation} tiene {open} acción(es) requerida(s) de su informe de validación CTPAT por responder a más tardar el {due} (días restantes: {daysLeft}). Las acciones requeridas sin respuesta después de ese día ponen la membresía en riesgo de suspensión.\n\nRespóndalas con un plan correctivo, una fecha y evidencia:\n{link}',
    },
  },
  validation_responses_overdue: {
    en: {
      subject: 'Validation responses overdue: {organisation}',
      text: '{organisation} did not answer {open} required action(s) of its CTPAT validation report by {due}. The member now shows a suspension risk in the CBP work queue.\n\nThe validation:\n{link}',
    },
    es: {
      subject: 'Respuestas de validación vencidas: {organisation}',
      text: '{organisation} no respondió {open} acción(es) requerida(s) de su informe de validación CTPAT a más tardar el {due}. El miembro aparece ahora con riesgo de suspensión en la cola de trabajo de CBP.\n\nLa validación:\n{link}',
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
