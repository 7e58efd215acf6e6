import type { DocumentLanguage } from './validation-vocabulary.ts';

/**
 * The standard words of the validation preparation package (issue 6, item 3; COAC benefit 1:
 * "a standard set of user-friendly validation/revalidation preparation documents"), in English
 * and Spanish. The same words for every member and every specialist: only the member's data
 * changes. The package's structure and rules are preparation-package.ts; the document's own
 * headings and labels are the server's (validation-package-labels.ts).
 */

export type PreparationStepId =
  | 'notice'
  | 'member_preparation'
  | 'profile_review'
  | 'site_visits'
  | 'report'
  | 'member_response'
  | 'closing';

export interface StepText {
  title: string;
  what: string;
}

export interface PreparationText {
  steps: Readonly<Record<PreparationStepId, StepText>>;
  duration: {
    atLeastBeforeVisit: (days: number, foreign: boolean) => string;
    noticePeriod: (days: number) => string;
    beforeVisits: string;
    perSite: (days: number, sites: number) => string;
    afterVisits: (days: number) => string;
    afterReport: (days: number) => string;
    afterResponses: (days: number) => string;
    provisional: string;
  };
  /** What the specialist usually asks to see, per MSC category (1–12), when the catalog has no guidance. */
  askToSee: Readonly<Record<number, string>>;
  /** Documents every member prepares, whatever its profile. */
  standardChecklist: readonly string[];
  checklist: {
    openItems: string;
    category: (categoryName: string, askToSee: string) => string;
    renewExpired: (title: string, expiresOn: string) => string;
    renewBeforeVisit: (title: string, expiresOn: string) => string;
    renewExpiring: (title: string, expiresOn: string) => string;
    mustsWithoutEvidence: (count: number) => string;
  };
}

const EN: PreparationText = {
  steps: {
    notice: {
      title: 'Written notice',
      what: 'CBP’s Supply Chain Security Specialist (SCSS) schedules the validation, sends written notice and names the sites to visit and the documents to prepare.',
    },
    member_preparation: {
      title: 'Member preparation',
      what: 'The company reviews its Security Profile, brings answers and evidence up to date, and checks for itself that what the profile says is in place (the self-check worksheet of this package).',
    },
    profile_review: {
      title: 'Pre-validation profile review',
      what: 'The specialist reviews the Security Profile and the linked evidence before the visits and may ask for documents in advance.',
    },
    site_visits: {
      title: 'Site visits',
      what: 'CBP and the company go through each site on the agenda, in person or by video: they observe the practices and interview the people who carry them out. A foreign site covered by an MRA partner program needs no CBP foreign visit.',
    },
    report: {
      title: 'Validation report',
      what: 'CBP sends the validation report: required actions (a must-criterion not met), recommendations (a should-criterion not met) and best practices (exceeding the criteria).',
    },
    member_response: {
      title: 'Member response',
      what: 'The company answers each required action in writing with a corrective plan, evidence and a date.',
    },
    closing: {
      title: 'Closing',
      what: 'The specialist accepts or returns each response. The validation closes as validated (Tier II), validated exceeding the criteria (Tier III, importers and exporters) or on the path to suspension.',
    },
  },
  duration: {
    atLeastBeforeVisit: (days, foreign) =>
      foreign
        ? `At least ${days} days before the first visit (a CBP foreign visit is planned)`
        : `At least ${days} days before the first visit`,
    noticePeriod: (days) => `During the notice period (${days} days or more)`,
    beforeVisits: 'In the weeks before the first visit',
    perSite: (days, sites) =>
      `About ${days} day per site: ${sites} ${sites === 1 ? 'site' : 'sites'} on the agenda`,
    afterVisits: (days) => `About ${days} days after the visits`,
    afterReport: (days) => `Within ${days} days of the report`,
    afterResponses: (days) => `About ${days} days after the last response`,
    provisional: 'provisional',
  },
  askToSee: {
    1: 'The signed statement of support from senior management, who is responsible for the security program, and how the program is reviewed.',
    2: 'The latest supply chain risk assessment (the five steps), the map of how cargo moves, and when it was last reviewed.',
    3: 'How business partners are screened and monitored: the procedure, completed questionnaires, and proof of their CTPAT or MRA status.',
    4: 'Cybersecurity policies, access and password rules, backups and recovery, and records of incidents and of their handling.',
    5: 'The conveyance and instruments of international traffic inspection procedure, the checklists used and completed inspection records.',
    6: 'The seal policy, ISO 17712 certificates of the seals used, the seal log and the checks of the seal inventory.',
    7: 'The written procedures for cargo handling and shipping documents, and records of how discrepancies were reported and resolved.',
    8: 'How pest contamination is prevented: the procedure, wood packaging material (ISPM 15) records and inspection records.',
    9: 'A plan of each site, fences, gates, lighting, locks and cameras, and how long recordings are kept.',
    10: 'Badge and visitor logs, who may enter which area, and how keys and access cards are controlled.',
    11: 'Hiring and background check procedures, and what happens when someone leaves the company.',
    12: 'Training materials, attendance records, and how staff are trained to recognise and report threats.',
  },
  standardChecklist: [
    'This package, with the self-check worksheet filled in',
    'The current Security Profile and any changes made since it was last submitted',
    'An organisation chart naming the people responsible for supply chain security',
    'A plan of each site on the agenda (buildings, gates, cargo areas, cameras)',
    'The list of business partners with their CTPAT or MRA status',
    'Records of the company’s own review of its security program since the last validation',
  ],
  checklist: {
    openItems: 'Responses and evidence for the open items of the last validation',
    category: (categoryName, askToSee) => `${categoryName}: ${askToSee}`,
    renewExpired: (title, expiresOn) => `Renew “${title}”: expired on ${expiresOn}`,
    renewBeforeVisit: (title, expiresOn) =>
      `Renew “${title}”: expires on ${expiresOn}, before the first visit`,
    renewExpiring: (title, expiresOn) => `Renew “${title}” soon: expires on ${expiresOn}`,
    mustsWithoutEvidence: (count) =>
      count === 1
        ? 'Evidence for the must-criterion that has none linked'
        : `Evidence for the ${count} must-criteria that have none linked`,
  },
};

const ES: PreparationText = {
  steps: {
    notice: {
      title: 'Aviso por escrito',
      what: 'El Especialista en Seguridad de la Cadena de Suministro (SCSS) de CBP programa la validación, envía el aviso por escrito e indica los sitios que visitará y los documentos que hay que preparar.',
    },
    member_preparation: {
      title: 'Preparación del miembro',
      what: 'La empresa revisa su Perfil de Seguridad, actualiza respuestas y evidencias, y comprueba por sí misma que lo que dice el perfil está implementado (la hoja de autoevaluación de este paquete).',
    },
    profile_review: {
      title: 'Revisión del perfil antes de la validación',
      what: 'El especialista revisa el Perfil de Seguridad y las evidencias vinculadas antes de las visitas y puede pedir documentos por adelantado.',
    },
    site_visits: {
      title: 'Visitas a los sitios',
      what: 'CBP y la empresa recorren cada sitio de la agenda, en persona o por video: observan las prácticas y entrevistan a quienes las realizan. Un sitio extranjero cubierto por un programa asociado de un ARM no necesita visita de CBP en el extranjero.',
    },
    report: {
      title: 'Informe de validación',
      what: 'CBP envía el informe de validación: acciones requeridas (un criterio obligatorio no cumplido), recomendaciones (un criterio recomendado no cumplido) y mejores prácticas (que superan los criterios).',
    },
    member_response: {
      title: 'Respuesta del miembro',
      what: 'La empresa responde por escrito a cada acción requerida con un plan correctivo, evidencias y una fecha.',
    },
    closing: {
      title: 'Cierre',
      what: 'El especialista acepta o devuelve cada respuesta. La validación se cierra como validada (Nivel II), validada superando los criterios (Nivel III, importadores y exportadores) o en camino a la suspensión.',
    },
  },
  duration: {
    atLeastBeforeVisit: (days, foreign) =>
      foreign
        ? `Al menos ${days} días antes de la primera visita (hay prevista una visita de CBP en el extranjero)`
        : `Al menos ${days} días antes de la primera visita`,
    noticePeriod: (days) => `Durante el periodo de aviso (${days} días o más)`,
    beforeVisits: 'En las semanas previas a la primera visita',
    perSite: (days, sites) =>
      `Alrededor de ${days} día por sitio: ${sites} ${sites === 1 ? 'sitio' : 'sitios'} en la agenda`,
    afterVisits: (days) => `Alrededor de ${days} días después de las visitas`,
    afterReport: (days) => `Dentro de ${days} días desde el informe`,
    afterResponses: (days) => `Alrededor de ${days} días después de la última respuesta`,
    provisional: 'provisional',
  },
  askToSee: {
    1: 'La declaración de apoyo firmada por la alta dirección, quién es responsable del programa de seguridad y cómo se revisa el programa.',
    2: 'La evaluación de riesgos de la cadena de suministro más reciente (los cinco pasos), el mapa del movimiento de la carga y cuándo se revisó por última vez.',
    3: 'Cómo se seleccionan y supervisan los socios comerciales: el procedimiento, los cuestionarios completados y la prueba de su estado en CTPAT o en un programa de un ARM.',
    4: 'Las políticas de ciberseguridad, las reglas de acceso y contraseñas, las copias de seguridad y la recuperación, y los registros de incidentes y su atención.',
    5: 'El procedimiento de inspección de medios de transporte e instrumentos de tráfico internacional, las listas de verificación usadas y los registros de inspecciones hechas.',
    6: 'La política de sellos, los certificados ISO 17712 de los sellos usados, la bitácora de sellos y las revisiones del inventario de sellos.',
    7: 'Los procedimientos escritos de manejo de carga y de documentos de embarque, y los registros de cómo se reportaron y resolvieron las discrepancias.',
    8: 'Cómo se evita la contaminación por plagas: el procedimiento, los registros del embalaje de madera (NIMF 15) y los registros de inspección.',
    9: 'Un plano de cada sitio, las cercas, los accesos, la iluminación, las cerraduras y las cámaras, y cuánto tiempo se guardan las grabaciones.',
    10: 'Los registros de gafetes y de visitantes, quién puede entrar a cada área y cómo se controlan las llaves y las tarjetas de acceso.',
    11: 'Los procedimientos de contratación y de verificación de antecedentes, y qué se hace cuando alguien deja la empresa.',
    12: 'Los materiales de capacitación, los registros de asistencia y cómo se capacita al personal para reconocer y reportar amenazas.',
  },
  standardChecklist: [
    'Este paquete, con la hoja de autoevaluación completada',
    'El Perfil de Seguridad vigente y los cambios hechos desde su último envío',
    'Un organigrama con las personas responsables de la seguridad de la cadena de suministro',
    'Un plano de cada sitio de la agenda (edificios, accesos, áreas de carga, cámaras)',
    'La lista de socios comerciales con su estado en CTPAT o en un programa de un ARM',
    'Los registros de la revisión propia del programa de seguridad desde la última validación',
  ],
  checklist: {
    openItems: 'Respuestas y evidencias de los puntos abiertos de la última validación',
    category: (categoryName, askToSee) => `${categoryName}: ${askToSee}`,
    renewExpired: (title, expiresOn) => `Renovar «${title}»: venció el ${expiresOn}`,
    renewBeforeVisit: (title, expiresOn) =>
      `Renovar «${title}»: vence el ${expiresOn}, antes de la primera visita`,
    renewExpiring: (title, expiresOn) => `Renovar pronto «${title}»: vence el ${expiresOn}`,
    mustsWithoutEvidence: (count) =>
      count === 1
        ? 'Evidencias para el criterio obligatorio que no tiene ninguna vinculada'
        : `Evidencias para los ${count} criterios obligatorios que no tienen ninguna vinculada`,
  },
};

export const PREPARATION_TEXT: Readonly<Record<DocumentLanguage, PreparationText>> = {
  en: EN,
  es: ES,
};
