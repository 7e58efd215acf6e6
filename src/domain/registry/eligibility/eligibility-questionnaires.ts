import type { EntityType } from '../../organisations/entity-types.ts';

/**
 * Eligibility questionnaires per CTPAT entity type, as data. Source:
 * ../shared/domain/ctpat-program.md §2 (the common requirements and the per-type table, each
 * with the CBP or secondary page it cites). Each question is answered yes/no; the answer
 * equal to `proceedAnswer` lets the applicant go on, the other blocks submission and shows
 * `blockingReason`. Questions whose requirement the document marks UNVERIFIED carry
 * `provisional: true` (they still block, but must be confirmed before being relied on).
 */

export interface LocalisedText {
  readonly en: string;
  readonly es: string;
}

export interface EligibilityQuestion {
  /** Stable id, unique across all questionnaires; the same id is always the same question. */
  readonly id: string;
  readonly text: LocalisedText;
  /** The answer that lets the applicant proceed. */
  readonly proceedAnswer: boolean;
  /** Shown when the answer is the other value. */
  readonly blockingReason: LocalisedText;
  /** URL the requirement comes from (as cited by ctpat-program.md §2). */
  readonly source: string;
  /** The domain reference marks the requirement UNVERIFIED. */
  readonly provisional: boolean;
}

const CBP_GUIDELINES =
  'https://www.cbp.gov/border-security/ports-entry/cargo-security/ctpat/security-guidelines';
const SRC = {
  common: `${CBP_GUIDELINES}/air-freight-ocean-transport-nvocc`,
  importers: `${CBP_GUIDELINES}/importers`,
  exporters: 'https://www.cbp.gov/border-security/ports-entry/cargo-security/Exporters',
  brokers: `${CBP_GUIDELINES}/customs-brokers`,
  consolidators: `${CBP_GUIDELINES}/air-freight-ocean-transport-nvocc`,
  highway:
    'https://cbp.gov/border-security/ports-entry/cargo-security/ctpat/security-guidelines/highway-carriers',
  longHaul:
    'https://maracaibocomercioexterior.blogspot.com/2024/09/mexican-long-haul-highway-carriers.html',
  rail: `${CBP_GUIDELINES}/rail-carriers`,
  sea: 'https://hcwonglogistics.blogspot.com/2012/07/c-tpat-for-sea-carriers.html',
  air: 'http://training.v-trust.com/Services/CSR/CTPAT.aspx',
  mpto: 'https://cbp.gov/border-security/ports-entry/cargo-security/ctpat/security-guidelines/marine-port-authority-terminal-operators',
  manufacturers: `${CBP_GUIDELINES}/foreign-manufacturers`,
  thirdParty: `${CBP_GUIDELINES}/third-party-logistics-providers`,
} as const;

function question(
  id: string,
  text: LocalisedText,
  blockingReason: LocalisedText,
  source: string,
  options: { proceedAnswer?: boolean; provisional?: boolean } = {},
): EligibilityQuestion {
  return {
    id,
    text,
    proceedAnswer: options.proceedAnswer ?? true,
    blockingReason,
    source,
    provisional: options.provisional ?? false,
  };
}

// ---------------------------------------------------------------------------------------------
// Common to every entity type (ctpat-program.md §2, "Requirements common to all current CBP
// eligibility pages").

const COMMON_QUESTIONS: readonly EligibilityQuestion[] = [
  question(
    'common.company_officer_designated',
    {
      en: 'Has the company designated a company officer as its primary cargo-security officer for CTPAT?',
      es: '¿La empresa ha designado a un directivo de la empresa como su responsable principal de seguridad de la carga ante CTPAT?',
    },
    {
      en: 'CTPAT requires a company officer designated as the primary cargo-security officer.',
      es: 'CTPAT exige que un directivo de la empresa sea designado como responsable principal de seguridad de la carga.',
    },
    SRC.common,
  ),
  question(
    'common.partner_agreement_signed_by_officer',
    {
      en: 'Will a company officer sign the "CTPAT-Partner Agreement to Voluntarily Participate" in the Portal?',
      es: '¿Un directivo de la empresa firmará en el Portal el "Acuerdo de Participación Voluntaria del Socio CTPAT"?',
    },
    {
      en: 'The partner agreement must be signed by a company officer; it cannot be signed by anyone else (for example a consultant).',
      es: 'El acuerdo de socio debe firmarlo un directivo de la empresa; no puede firmarlo otra persona (por ejemplo, un consultor).',
    },
    SRC.common,
  ),
  question(
    'common.unpaid_cbp_debt',
    {
      en: 'Does the company owe CBP any unpaid debt for which all remedies are exhausted or final?',
      es: '¿La empresa tiene alguna deuda sin pagar con CBP respecto de la cual se hayan agotado todos los recursos o que sea definitiva?',
    },
    {
      en: 'A company with unpaid CBP debt for which remedies are exhausted or final is not eligible (checked at application and at each annual renewal).',
      es: 'Una empresa con deudas sin pagar con CBP cuyos recursos se hayan agotado o que sean definitivas no es elegible (se verifica en la solicitud y en cada renovación anual).',
    },
    SRC.common,
    { proceedAnswer: false },
  ),
  question(
    'common.security_profile_to_follow',
    {
      en: 'Will the company complete a supply chain Security Profile in the Portal showing how it meets the Minimum Security Criteria for its entity type?',
      es: '¿La empresa completará en el Portal un Perfil de Seguridad de su cadena de suministro que demuestre cómo cumple los Criterios Mínimos de Seguridad de su tipo de entidad?',
    },
    {
      en: 'Every applicant must complete a Security Profile showing how it meets the Minimum Security Criteria.',
      es: 'Todo solicitante debe completar un Perfil de Seguridad que demuestre cómo cumple los Criterios Mínimos de Seguridad.',
    },
    SRC.common,
  ),
];

// ---------------------------------------------------------------------------------------------
// Shared building blocks

function staffedOffice(id: string, where: LocalisedText, source: string): EligibilityQuestion {
  return question(
    id,
    {
      en: `Does the company have a staffed business office in ${where.en}?`,
      es: `¿La empresa tiene una oficina de negocios con personal en ${where.es}?`,
    },
    {
      en: `This entity type requires a staffed business office in ${where.en}.`,
      es: `Este tipo de entidad exige una oficina de negocios con personal en ${where.es}.`,
    },
    source,
  );
}

const US: LocalisedText = { en: 'the United States', es: 'los Estados Unidos' };

// ---------------------------------------------------------------------------------------------
// Per entity type (ctpat-program.md §2 table)

const IMPORTER: readonly EligibilityQuestion[] = [
  question(
    'importer.imported_past_12_months',
    {
      en: 'Has the company imported goods into the United States within the past 12 months?',
      es: '¿La empresa ha importado mercancías a los Estados Unidos en los últimos 12 meses?',
    },
    {
      en: 'Only active importers (an import into the United States within the past 12 months) are eligible.',
      es: 'Solo son elegibles los importadores activos (con una importación a los Estados Unidos en los últimos 12 meses).',
    },
    SRC.importers,
  ),
  staffedOffice(
    'importer.staffed_office_us_or_canada',
    { en: 'the United States or Canada', es: 'los Estados Unidos o Canadá' },
    SRC.importers,
  ),
  question(
    'importer.active_ior_number',
    {
      en: 'Does the company have an active importer of record number (SSN, IRS EIN or CBP-assigned importer ID)?',
      es: '¿La empresa tiene un número de importador registrado (Importer of Record) activo (SSN, EIN del IRS o número de importador asignado por CBP)?',
    },
    {
      en: 'An active importer of record number is required.',
      es: 'Se requiere un número de importador registrado (Importer of Record) activo.',
    },
    SRC.importers,
  ),
  question(
    'importer.continuous_import_bond',
    {
      en: 'Does the company hold a valid continuous import bond registered with CBP?',
      es: '¿La empresa cuenta con una fianza continua de importación vigente registrada ante CBP?',
    },
    {
      en: 'A valid continuous import bond registered with CBP is required.',
      es: 'Se requiere una fianza continua de importación vigente registrada ante CBP.',
    },
    SRC.importers,
  ),
];

const EXPORTER: readonly EligibilityQuestion[] = [
  question(
    'exporter.principal_party_in_interest',
    {
      en: 'Is the company the principal party in interest with the power to control the export (as defined in the Export Administration Regulations)?',
      es: '¿La empresa es la parte principal interesada con facultad para controlar la exportación (según la definición de las Export Administration Regulations)?',
    },
    {
      en: 'Only the principal party in interest that controls the export (EAR definition) is eligible as an exporter.',
      es: 'Solo la parte principal interesada que controla la exportación (definición de las EAR) es elegible como exportador.',
    },
    SRC.exporters,
  ),
  question(
    'exporter.active_us_exporter',
    {
      en: 'Is the company an active U.S. exporter?',
      es: '¿La empresa es un exportador activo de los Estados Unidos?',
    },
    {
      en: 'Only active U.S. exporters are eligible.',
      es: 'Solo son elegibles los exportadores activos de los Estados Unidos.',
    },
    SRC.exporters,
  ),
  staffedOffice('exporter.staffed_office_us', US, SRC.exporters),
  question(
    'exporter.ein_or_duns',
    {
      en: 'Can the company document an EIN or a D-U-N-S number?',
      es: '¿La empresa puede acreditar un EIN o un número D-U-N-S?',
    },
    {
      en: 'A documentable EIN or D-U-N-S number is required.',
      es: 'Se requiere un EIN o un número D-U-N-S que pueda acreditarse.',
    },
    SRC.exporters,
  ),
  question(
    'exporter.documented_export_security_program',
    {
      en: 'Does the company have a documented export security program with a main point of contact and an alternate?',
      es: '¿La empresa tiene un programa documentado de seguridad de exportaciones con un contacto principal y un suplente?',
    },
    {
      en: 'A documented export security program with a main point of contact (and an alternate) is required.',
      es: 'Se requiere un programa documentado de seguridad de exportaciones con un contacto principal (y un suplente).',
    },
    SRC.exporters,
  ),
  question(
    'exporter.export_reporting_compliance_12_months',
    {
      en: 'Has the company had acceptable export-reporting compliance over the latest 12 months?',
      es: '¿La empresa ha tenido un cumplimiento aceptable en la declaración de exportaciones durante los últimos 12 meses?',
    },
    {
      en: 'Acceptable export-reporting compliance over the latest 12 months is required.',
      es: 'Se requiere un cumplimiento aceptable en la declaración de exportaciones durante los últimos 12 meses.',
    },
    SRC.exporters,
  ),
  question(
    'exporter.good_standing_with_agencies',
    {
      en: 'Is the company in good standing with the Departments of Commerce, State, Treasury and Defense, the Nuclear Regulatory Commission and the DEA?',
      es: '¿La empresa está en regla ante los Departamentos de Comercio, Estado, Tesoro y Defensa, la Comisión Reguladora Nuclear y la DEA?',
    },
    {
      en: 'Exporters must be in good standing with Commerce, State, Treasury, NRC, DEA and DoD.',
      es: 'Los exportadores deben estar en regla ante Comercio, Estado, Tesoro, NRC, DEA y el Departamento de Defensa.',
    },
    SRC.exporters,
  ),
];

const CUSTOMS_BROKER: readonly EligibilityQuestion[] = [
  question(
    'customs_broker.active_licensed_broker',
    {
      en: 'Has the company been active as a licensed U.S. customs broker within the past year?',
      es: '¿La empresa ha operado como agente aduanal autorizado de los Estados Unidos en el último año?',
    },
    {
      en: 'Only licensed U.S. customs brokers active within the past year are eligible.',
      es: 'Solo son elegibles los agentes aduanales autorizados de los Estados Unidos que hayan operado en el último año.',
    },
    SRC.brokers,
  ),
  staffedOffice('customs_broker.staffed_office_us', US, SRC.brokers),
  question(
    'customs_broker.licence_and_filer_code',
    {
      en: 'Does the company have an active broker licence number (5 digits) and filer code (3 characters)?',
      es: '¿La empresa tiene un número de licencia de agente aduanal activo (5 dígitos) y un código de declarante (filer code, 3 caracteres)?',
    },
    {
      en: 'An active broker licence number and filer code are required.',
      es: 'Se requieren un número de licencia de agente aduanal activo y un código de declarante (filer code).',
    },
    SRC.brokers,
  ),
];

const CONSOLIDATOR: readonly EligibilityQuestion[] = [
  question(
    'consolidator.active_in_role',
    {
      en: 'Is the company active as an air freight consolidator, ocean transportation intermediary (OTI) or NVOCC?',
      es: '¿La empresa opera activamente como consolidador de carga aérea, intermediario de transporte marítimo (OTI) o NVOCC?',
    },
    {
      en: 'Only companies active as an air freight consolidator, OTI or NVOCC are eligible as consolidators.',
      es: 'Solo son elegibles como consolidadores las empresas que operan activamente como consolidador de carga aérea, OTI o NVOCC.',
    },
    SRC.consolidators,
  ),
  staffedOffice('consolidator.staffed_office_us', US, SRC.consolidators),
  question(
    'consolidator.fmc_or_iata_number_if_applicable',
    {
      en: 'If its role requires one, does the company hold an FMC organization number or an IATA organization number? (Answer yes if neither applies.)',
      es: 'Si su actividad lo requiere, ¿la empresa cuenta con un número de organización de la FMC o un número de organización de IATA? (Responda sí si ninguno aplica.)',
    },
    {
      en: 'Where applicable, an FMC or IATA organization number is required.',
      es: 'Cuando aplique, se requiere un número de organización de la FMC o de IATA.',
    },
    SRC.consolidators,
  ),
  question(
    'consolidator.carrier_or_custodial_bond',
    {
      en: 'Does the company hold a continuous international carrier bond and/or a type 2 custodial bond?',
      es: '¿La empresa cuenta con una fianza continua de transportista internacional o una fianza de custodia tipo 2?',
    },
    {
      en: 'A continuous international carrier bond and/or a type 2 custodial bond is required.',
      es: 'Se requiere una fianza continua de transportista internacional o una fianza de custodia tipo 2.',
    },
    SRC.consolidators,
  ),
];

const HIGHWAY_ACTA_AND_RFC = question(
  'highway_carrier.acta_constitutiva_and_rfc',
  {
    en: 'If the company is incorporated in Mexico, can it provide its Acta Constitutiva (if applicable) and its RFC (12 characters for a persona moral, 13 for a persona física)? (Answer yes if it is not a Mexican company.)',
    es: 'Si la empresa está constituida en México, ¿puede presentar su Acta Constitutiva (si aplica) y su RFC (12 caracteres para persona moral, 13 para persona física)? (Responda sí si no es una empresa mexicana.)',
  },
  {
    en: 'Mexican companies must provide their Acta Constitutiva (if applicable) and RFC.',
    es: 'Las empresas mexicanas deben presentar su Acta Constitutiva (si aplica) y su RFC.',
  },
  SRC.highway,
);

const HIGHWAY_OFFICE = staffedOffice(
  'highway_carrier.staffed_office_us_mexico_or_canada',
  { en: 'the United States, Mexico or Canada', es: 'los Estados Unidos, México o Canadá' },
  SRC.highway,
);

const HIGHWAY_SCAC_AND_DOT = question(
  'highway_carrier.scac_and_usdot_number',
  {
    en: 'Does the company have an active SCAC (4 letters) and U.S. DOT number?',
    es: '¿La empresa tiene un código SCAC activo (4 letras) y un número U.S. DOT?',
  },
  {
    en: 'Highway carriers need an active SCAC and U.S. DOT number.',
    es: 'Los transportistas de autotransporte necesitan un código SCAC activo y un número U.S. DOT.',
  },
  SRC.highway,
);

const HIGHWAY_CARRIER_US_MEXICO: readonly EligibilityQuestion[] = [
  question(
    'highway_carrier_us_mexico.active_border_crossing',
    {
      en: 'Is the company an active highway carrier crossing the U.S.–Mexico border?',
      es: '¿La empresa es un transportista de autotransporte activo que cruza la frontera entre los Estados Unidos y México?',
    },
    {
      en: 'Only active highway carriers crossing the U.S.–Mexico border are eligible as U.S.–Mexico highway carriers.',
      es: 'Solo son elegibles como transportistas de la frontera México–Estados Unidos los transportistas activos que la cruzan.',
    },
    SRC.highway,
  ),
  HIGHWAY_ACTA_AND_RFC,
  HIGHWAY_OFFICE,
  HIGHWAY_SCAC_AND_DOT,
];

const HIGHWAY_CARRIER_US_CANADA: readonly EligibilityQuestion[] = [
  question(
    'highway_carrier_us_canada.active_border_crossing',
    {
      en: 'Is the company an active highway carrier crossing the U.S.–Canada border?',
      es: '¿La empresa es un transportista de autotransporte activo que cruza la frontera entre los Estados Unidos y Canadá?',
    },
    {
      en: 'Only active highway carriers crossing the U.S.–Canada border are eligible as U.S.–Canada highway carriers.',
      es: 'Solo son elegibles como transportistas de la frontera Canadá–Estados Unidos los transportistas activos que la cruzan.',
    },
    SRC.highway,
  ),
  question(
    'highway_carrier_us_canada.also_crosses_us_mexico_border',
    {
      en: 'Does the company also cross the U.S.–Mexico border?',
      es: '¿La empresa también cruza la frontera entre los Estados Unidos y México?',
    },
    {
      en: 'A carrier crossing both borders applies as a U.S.–Mexico highway carrier.',
      es: 'Un transportista que cruza ambas fronteras debe solicitar como transportista de la frontera México–Estados Unidos.',
    },
    SRC.highway,
    { proceedAnswer: false },
  ),
  HIGHWAY_ACTA_AND_RFC,
  HIGHWAY_OFFICE,
  HIGHWAY_SCAC_AND_DOT,
];

const MEXICAN_LONG_HAUL_CARRIER: readonly EligibilityQuestion[] = [
  question(
    'mexican_long_haul_carrier.active_us_bound_cargo_in_mexico',
    {
      en: 'Is the company an active highway carrier in Mexico moving cargo bound for the United States?',
      es: '¿La empresa es un transportista de autotransporte activo en México que mueve carga con destino a los Estados Unidos?',
    },
    {
      en: 'Only active highway carriers in Mexico moving U.S.-bound cargo are eligible as Mexican long-haul carriers.',
      es: 'Solo son elegibles como transportistas mexicanos de largo recorrido los transportistas activos en México que mueven carga con destino a los Estados Unidos.',
    },
    SRC.longHaul,
  ),
  question(
    'mexican_long_haul_carrier.crosses_us_border',
    {
      en: 'Do the company’s trucks cross the U.S. border?',
      es: '¿Los camiones de la empresa cruzan la frontera con los Estados Unidos?',
    },
    {
      en: 'Mexican long-haul carriers do not cross the U.S. border; a carrier that crosses it applies as a U.S.–Mexico highway carrier.',
      es: 'Los transportistas mexicanos de largo recorrido no cruzan la frontera con los Estados Unidos; un transportista que la cruza debe solicitar como transportista de la frontera México–Estados Unidos.',
    },
    SRC.longHaul,
    { proceedAnswer: false },
  ),
  question(
    'mexican_long_haul_carrier.sct_number',
    {
      en: "Does the company have an SCT number from Mexico's Ministry of Communications and Transportation?",
      es: '¿La empresa cuenta con un número de permiso de la SCT (Secretaría de Comunicaciones y Transportes)?',
    },
    {
      en: 'An SCT number is required.',
      es: 'Se requiere un número de permiso de la SCT.',
    },
    SRC.longHaul,
  ),
  question(
    'mexican_long_haul_carrier.acta_constitutiva_and_rfc',
    {
      en: 'Can the company provide its Acta Constitutiva (if applicable) and its RFC?',
      es: '¿La empresa puede presentar su Acta Constitutiva (si aplica) y su RFC?',
    },
    {
      en: 'The Acta Constitutiva (if applicable) and the RFC are required.',
      es: 'Se requieren el Acta Constitutiva (si aplica) y el RFC.',
    },
    SRC.longHaul,
  ),
];

const RAIL_CARRIER: readonly EligibilityQuestion[] = [
  question(
    'rail_carrier.active_from_canada_or_mexico',
    {
      en: 'Has the company moved rail shipments from Canada or Mexico into the United States within the past year?',
      es: '¿La empresa ha transportado por ferrocarril envíos desde Canadá o México hacia los Estados Unidos en el último año?',
    },
    {
      en: 'Only rail carriers active within the past year moving shipments from Canada or Mexico are eligible.',
      es: 'Solo son elegibles los transportistas ferroviarios que en el último año hayan transportado envíos desde Canadá o México.',
    },
    SRC.rail,
  ),
  staffedOffice(
    'rail_carrier.staffed_office_us_canada_or_mexico',
    { en: 'the United States, Canada or Mexico', es: 'los Estados Unidos, Canadá o México' },
    SRC.rail,
  ),
  question(
    'rail_carrier.nmfta_scac',
    {
      en: 'Does the company have a SCAC issued by the NMFTA?',
      es: '¿La empresa tiene un código SCAC emitido por la NMFTA?',
    },
    {
      en: 'An NMFTA-issued SCAC is required.',
      es: 'Se requiere un código SCAC emitido por la NMFTA.',
    },
    SRC.rail,
  ),
  question(
    'rail_carrier.common_carrier_bond',
    {
      en: 'Does the company hold a valid common-carrier bond with CBP?',
      es: '¿La empresa cuenta con una fianza de transportista público vigente ante CBP?',
    },
    {
      en: 'A valid common-carrier bond with CBP is required.',
      es: 'Se requiere una fianza de transportista público vigente ante CBP.',
    },
    SRC.rail,
  ),
];

/**
 * ctpat-program.md §2 marks the sea-carrier row "Partly UNVERIFIED": the ISPS / MTSA items
 * come from the cited page; the rest are background knowledge, hence provisional.
 */
const SEA_CARRIER: readonly EligibilityQuestion[] = [
  question(
    'sea_carrier.isps_mtsa_compliant',
    {
      en: 'Does the company comply with the ISPS Code / MTSA?',
      es: '¿La empresa cumple con el Código PBIP (ISPS) / la MTSA?',
    },
    {
      en: 'ISPS Code / MTSA compliance is a prerequisite for sea carriers.',
      es: 'El cumplimiento del Código PBIP (ISPS) / la MTSA es requisito previo para los transportistas marítimos.',
    },
    SRC.sea,
  ),
  question(
    'sea_carrier.only_isps_compliant_vessels',
    {
      en: 'Does the company use only ISPS-compliant vessels?',
      es: '¿La empresa utiliza únicamente buques que cumplen el Código PBIP (ISPS)?',
    },
    {
      en: 'Members may use only ISPS-compliant vessels.',
      es: 'Los socios solo pueden utilizar buques que cumplan el Código PBIP (ISPS).',
    },
    SRC.sea,
  ),
  question(
    'sea_carrier.active_carrier_to_us_ports',
    {
      en: 'Is the company an active sea carrier calling at U.S. ports?',
      es: '¿La empresa es un transportista marítimo activo con escalas en puertos de los Estados Unidos?',
    },
    {
      en: 'Only active sea carriers to U.S. ports are eligible.',
      es: 'Solo son elegibles los transportistas marítimos activos hacia puertos de los Estados Unidos.',
    },
    SRC.sea,
    { provisional: true },
  ),
  question(
    'sea_carrier.scac',
    {
      en: 'Does the company have an active SCAC?',
      es: '¿La empresa tiene un código SCAC activo?',
    },
    {
      en: 'An active SCAC is required.',
      es: 'Se requiere un código SCAC activo.',
    },
    SRC.sea,
    { provisional: true },
  ),
  question(
    'sea_carrier.continuous_international_carrier_bond',
    {
      en: 'Does the company hold a continuous international carrier bond?',
      es: '¿La empresa cuenta con una fianza continua de transportista internacional?',
    },
    {
      en: 'A continuous international carrier bond is required.',
      es: 'Se requiere una fianza continua de transportista internacional.',
    },
    SRC.sea,
    { provisional: true },
  ),
  question(
    'sea_carrier.office_us',
    {
      en: 'Does the company have an office in the United States?',
      es: '¿La empresa tiene una oficina en los Estados Unidos?',
    },
    {
      en: 'An office in the United States is required.',
      es: 'Se requiere una oficina en los Estados Unidos.',
    },
    SRC.sea,
    { provisional: true },
  ),
];

const AIR_CARRIER: readonly EligibilityQuestion[] = [
  question(
    'air_carrier.active_cargo_to_us',
    {
      en: 'Has the company carried air cargo to the United States within the past year?',
      es: '¿La empresa ha transportado carga aérea hacia los Estados Unidos en el último año?',
    },
    {
      en: 'Only air carriers that moved cargo to the United States within the past year are eligible.',
      es: 'Solo son elegibles las aerolíneas que transportaron carga hacia los Estados Unidos en el último año.',
    },
    SRC.air,
  ),
  question(
    'air_carrier.iata_code_registered',
    {
      en: 'Does the company have an active IATA airline code registered with CBP?',
      es: '¿La empresa tiene un código de aerolínea IATA activo registrado ante CBP?',
    },
    {
      en: 'An active IATA airline code registered with CBP is required.',
      es: 'Se requiere un código de aerolínea IATA activo registrado ante CBP.',
    },
    SRC.air,
  ),
  question(
    'air_carrier.continuous_international_carrier_bond',
    {
      en: 'Does the company hold a continuous international carrier bond?',
      es: '¿La empresa cuenta con una fianza continua de transportista internacional?',
    },
    {
      en: 'A continuous international carrier bond is required.',
      es: 'Se requiere una fianza continua de transportista internacional.',
    },
    SRC.air,
  ),
];

const MPTO_US: readonly EligibilityQuestion[] = [
  question(
    'marine_port_terminal_operator_us.active_handling_foreign_vessels',
    {
      en: 'Is the company an active U.S. marine port authority or terminal operator handling vessels arriving from abroad?',
      es: '¿La empresa es una autoridad portuaria u operador de terminal marítima activo en los Estados Unidos que atiende buques procedentes del extranjero?',
    },
    {
      en: 'Only active U.S. port authorities or terminal operators handling vessels from abroad are eligible.',
      es: 'Solo son elegibles las autoridades portuarias u operadores de terminal activos en los Estados Unidos que atienden buques procedentes del extranjero.',
    },
    SRC.mpto,
  ),
  staffedOffice('marine_port_terminal_operator_us.staffed_office_us', US, SRC.mpto),
  question(
    'marine_port_terminal_operator_us.fmc_mto_number',
    {
      en: 'Does the company have an active FMC Marine Terminal Operator number (6 digits)?',
      es: '¿La empresa tiene un número de Operador de Terminal Marítima de la FMC activo (6 dígitos)?',
    },
    {
      en: 'An active FMC Marine Terminal Operator number is required.',
      es: 'Se requiere un número de Operador de Terminal Marítima de la FMC activo.',
    },
    SRC.mpto,
  ),
];

/**
 * "Same, except it must be an active MPTO abroad invited by CBP, handling U.S.-bound vessels."
 * Documented choice (as in identifier-kinds.ts): the U.S. office and FMC number are not asked
 * of a foreign-based operator.
 */
const MPTO_FOREIGN: readonly EligibilityQuestion[] = [
  question(
    'marine_port_terminal_operator_foreign.active_handling_us_bound_vessels',
    {
      en: 'Is the company an active marine port authority or terminal operator outside the United States handling vessels bound for the United States?',
      es: '¿La empresa es una autoridad portuaria u operador de terminal marítima activo fuera de los Estados Unidos que atiende buques con destino a los Estados Unidos?',
    },
    {
      en: 'Only active foreign port authorities or terminal operators handling U.S.-bound vessels are eligible.',
      es: 'Solo son elegibles las autoridades portuarias u operadores de terminal extranjeros activos que atienden buques con destino a los Estados Unidos.',
    },
    SRC.mpto,
  ),
  question(
    'marine_port_terminal_operator_foreign.invited_by_cbp',
    {
      en: 'Has the company been invited by CBP to apply?',
      es: '¿CBP ha invitado a la empresa a presentar su solicitud?',
    },
    {
      en: 'Foreign-based port authorities and terminal operators may apply only by CBP invitation.',
      es: 'Las autoridades portuarias y operadores de terminal con sede en el extranjero solo pueden solicitar por invitación de CBP.',
    },
    SRC.mpto,
  ),
];

const FOREIGN_MANUFACTURER: readonly EligibilityQuestion[] = [
  question(
    'foreign_manufacturer.active_manufacturer',
    {
      en: 'Is the company an active manufacturer of goods exported to the United States?',
      es: '¿La empresa es un fabricante activo de mercancías que se exportan a los Estados Unidos?',
    },
    {
      en: 'Only active manufacturers are eligible as foreign manufacturers.',
      es: 'Solo son elegibles como fabricantes extranjeros los fabricantes activos.',
    },
    SRC.manufacturers,
  ),
  question(
    'foreign_manufacturer.incorporated_in_mexico_or_canada_or_invited',
    {
      en: 'Is the company incorporated in Mexico or Canada, or has it been invited by CBP to apply?',
      es: '¿La empresa está constituida en México o en Canadá, o ha sido invitada por CBP a presentar su solicitud?',
    },
    {
      en: 'Foreign manufacturers must be incorporated in Mexico or Canada; others may apply only by CBP invitation.',
      es: 'Los fabricantes extranjeros deben estar constituidos en México o en Canadá; los demás solo pueden solicitar por invitación de CBP.',
    },
    SRC.manufacturers,
  ),
  question(
    'foreign_manufacturer.certificate_of_incorporation',
    {
      en: 'Can the company provide its certificate of incorporation on request?',
      es: '¿La empresa puede presentar su acta o certificado de constitución cuando se le solicite?',
    },
    {
      en: 'The certificate of incorporation must be available on request.',
      es: 'El acta o certificado de constitución debe poder presentarse cuando se solicite.',
    },
    SRC.manufacturers,
  ),
  question(
    'foreign_manufacturer.active_mid',
    {
      en: 'Does the company have an active CBP manufacturer identification code (MID) built from the name and address where the goods originate?',
      es: '¿La empresa tiene un código de identificación de fabricante (MID) de CBP activo, formado con el nombre y la dirección donde se originan las mercancías?',
    },
    {
      en: 'An active MID for the place where the goods originate is required.',
      es: 'Se requiere un MID activo correspondiente al lugar de origen de las mercancías.',
    },
    SRC.manufacturers,
  ),
  question(
    'foreign_manufacturer.acta_constitutiva_and_rfc',
    {
      en: 'If the company is incorporated in Mexico, can it provide its Acta Constitutiva and RFC? (Answer yes if it is not a Mexican company.)',
      es: 'Si la empresa está constituida en México, ¿puede presentar su Acta Constitutiva y su RFC? (Responda sí si no es una empresa mexicana.)',
    },
    {
      en: 'Mexican manufacturers must provide their Acta Constitutiva and RFC.',
      es: 'Los fabricantes mexicanos deben presentar su Acta Constitutiva y su RFC.',
    },
    SRC.manufacturers,
  ),
];

/** Legacy rule (since 1 Jan 2009); the 3PL pilot (§2.1) is a separate flag. */
const THIRD_PARTY_LOGISTICS_PROVIDER: readonly EligibilityQuestion[] = [
  question(
    'third_party_logistics_provider.handles_international_cargo',
    {
      en: 'Does the company directly handle or manage cargo somewhere between the point of stuffing and the first U.S. port of arrival?',
      es: '¿La empresa maneja o gestiona directamente la carga en algún punto entre su consolidación (llenado del contenedor) y el primer puerto de llegada a los Estados Unidos?',
    },
    {
      en: '3PLs must directly handle or manage cargo between stuffing and the first U.S. port; domestic-only firms are excluded.',
      es: 'Los 3PL deben manejar o gestionar directamente la carga entre el llenado y el primer puerto de los Estados Unidos; las empresas solo nacionales quedan excluidas.',
    },
    SRC.thirdParty,
  ),
  question(
    'third_party_logistics_provider.own_assets',
    {
      en: 'Does the company use its own transportation, consolidation and/or warehousing assets?',
      es: '¿La empresa utiliza sus propios activos de transporte, consolidación o almacenamiento?',
    },
    {
      en: 'Non-asset-based 3PLs (desks, computers and expertise only) are excluded under the standing rule; they may ask to join the 3PL pilot instead.',
      es: 'Los 3PL sin activos propios (solo escritorios, computadoras y experiencia) quedan excluidos según la regla vigente; pueden solicitar participar en el programa piloto de 3PL.',
    },
    SRC.thirdParty,
  ),
  question(
    'third_party_logistics_provider.subcontracts_beyond_second_party',
    {
      en: 'Does the company subcontract work beyond a second party to companies that are not CTPAT members?',
      es: '¿La empresa subcontrata servicios más allá de un segundo nivel con empresas que no son socias de CTPAT?',
    },
    {
      en: 'Subcontracting beyond a second party is allowed only to CTPAT members (no "double brokering").',
      es: 'La subcontratación más allá de un segundo nivel solo se permite con socios de CTPAT (no se permite la doble intermediación o "double brokering").',
    },
    SRC.thirdParty,
    { proceedAnswer: false },
  ),
  question(
    'third_party_logistics_provider.licensed_or_bonded',
    {
      en: 'Is the company licensed or bonded by the FMC, TSA, CBP or DOT?',
      es: '¿La empresa cuenta con licencia o fianza de la FMC, la TSA, CBP o el DOT?',
    },
    {
      en: 'A licence or bond from the FMC, TSA, CBP or DOT is required.',
      es: 'Se requiere una licencia o fianza de la FMC, la TSA, CBP o el DOT.',
    },
    SRC.thirdParty,
  ),
  staffedOffice('third_party_logistics_provider.staffed_office_us', US, SRC.thirdParty),
];

function withCommon(questions: readonly EligibilityQuestion[]): readonly EligibilityQuestion[] {
  return [...questions, ...COMMON_QUESTIONS];
}

/** The full questionnaire per entity type: its own questions, then the common ones. */
export const ELIGIBILITY_QUESTIONNAIRES: {
  readonly [T in EntityType]: readonly EligibilityQuestion[];
} = {
  importer: withCommon(IMPORTER),
  exporter: withCommon(EXPORTER),
  customs_broker: withCommon(CUSTOMS_BROKER),
  consolidator: withCommon(CONSOLIDATOR),
  highway_carrier_us_canada: withCommon(HIGHWAY_CARRIER_US_CANADA),
  highway_carrier_us_mexico: withCommon(HIGHWAY_CARRIER_US_MEXICO),
  mexican_long_haul_carrier: withCommon(MEXICAN_LONG_HAUL_CARRIER),
  rail_carrier: withCommon(RAIL_CARRIER),
  sea_carrier: withCommon(SEA_CARRIER),
  air_carrier: withCommon(AIR_CARRIER),
  marine_port_terminal_operator_us: withCommon(MPTO_US),
  marine_port_terminal_operator_foreign: withCommon(MPTO_FOREIGN),
  foreign_manufacturer: withCommon(FOREIGN_MANUFACTURER),
  third_party_logistics_provider: withCommon(THIRD_PARTY_LOGISTICS_PROVIDER),
};

/** The common questions every entity type's questionnaire ends with. */
export const COMMON_ELIGIBILITY_QUESTIONS: readonly EligibilityQuestion[] = COMMON_QUESTIONS;

export function eligibilityQuestionnaire(entityType: EntityType): readonly EligibilityQuestion[] {
  return ELIGIBILITY_QUESTIONNAIRES[entityType];
}
