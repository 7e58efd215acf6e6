import type { FieldIssue } from '../../errors/error-codes.ts';
import type { EntityType } from '../../organisations/entity-types.ts';
import { validateCbpEntryNumber, validateEntryFilerCode } from './cbp-entry-number.ts';
import { validateCustomsBrokerLicenceNumber } from './customs-broker-licence-number.ts';
import { validateDunsNumber } from './duns-number.ts';
import {
  validateFmcMarineTerminalOperatorNumber,
  validateFmcOrganisationNumber,
} from './fmc-numbers.ts';
import { validateIataAirlineCode, validateIataOrganisationNumber } from './iata-codes.ts';
import type { IdentifierResult, IdentifierValidator } from './identifier-result.ts';
import { validateEin, validateImporterOfRecordNumber } from './importer-of-record-number.ts';
import { validateManufacturerIdentificationCode } from './manufacturer-identification-code.ts';
import { validateMexicanRfc } from './mexican-rfc.ts';
import { validateScac } from './scac.ts';
import { validateSctPermitNumber } from './sct-permit-number.ts';
import { validateUsdotNumber } from './usdot-number.ts';

/**
 * The closed list of identifier kinds, the dispatcher, and which kinds each CTPAT entity type
 * must or may give.
 */
export const IDENTIFIER_KINDS = [
  'importer_of_record_number',
  'ein',
  'duns_number',
  'scac',
  'usdot_number',
  'fmc_organisation_number',
  'fmc_marine_terminal_operator_number',
  'iata_airline_code',
  'iata_organisation_number',
  'customs_broker_licence_number',
  'entry_filer_code',
  'manufacturer_identification_code',
  'mexican_rfc',
  'sct_permit_number',
  // Not an entity identifier (no entity type accepts it): entries and protests use it.
  'cbp_entry_number',
] as const;

export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

export function isIdentifierKind(value: unknown): value is IdentifierKind {
  return typeof value === 'string' && (IDENTIFIER_KINDS as readonly string[]).includes(value);
}

const VALIDATORS: { readonly [K in IdentifierKind]: IdentifierValidator } = {
  importer_of_record_number: validateImporterOfRecordNumber,
  ein: validateEin,
  duns_number: validateDunsNumber,
  scac: validateScac,
  usdot_number: validateUsdotNumber,
  fmc_organisation_number: validateFmcOrganisationNumber,
  fmc_marine_terminal_operator_number: validateFmcMarineTerminalOperatorNumber,
  iata_airline_code: validateIataAirlineCode,
  iata_organisation_number: validateIataOrganisationNumber,
  customs_broker_licence_number: validateCustomsBrokerLicenceNumber,
  entry_filer_code: validateEntryFilerCode,
  manufacturer_identification_code: validateManufacturerIdentificationCode,
  mexican_rfc: validateMexicanRfc,
  sct_permit_number: validateSctPermitNumber,
  cbp_entry_number: validateCbpEntryNumber,
};

/** Validates and normalises `raw` as an identifier of `kind`. Never throws. */
export function validateIdentifier(kind: IdentifierKind, raw: unknown): IdentifierResult {
  return VALIDATORS[kind](raw);
}

/** The English name of each kind, for messages such as "a SCAC is required". */
export const IDENTIFIER_KIND_NAMES: { readonly [K in IdentifierKind]: string } = {
  importer_of_record_number: 'an importer of record number',
  ein: 'an EIN',
  duns_number: 'a D-U-N-S number',
  scac: 'a SCAC',
  usdot_number: 'a USDOT number',
  fmc_organisation_number: 'an FMC organisation number',
  fmc_marine_terminal_operator_number: 'an FMC marine terminal operator number',
  iata_airline_code: 'an IATA airline code',
  iata_organisation_number: 'an IATA organisation number',
  customs_broker_licence_number: 'a customs broker licence number',
  entry_filer_code: 'an entry filer code',
  manufacturer_identification_code: 'a manufacturer identification code (MID)',
  mexican_rfc: 'a Mexican RFC',
  sct_permit_number: 'an SCT permit number',
  cbp_entry_number: 'a CBP entry number',
};

// ---------------------------------------------------------------------------------------------
// Per entity type

export interface EntityIdentifierRule {
  /** Each of these must be given. */
  required: readonly IdentifierKind[];
  /** From each group, at least one must be given. */
  requiredOneOf: readonly (readonly IdentifierKind[])[];
  /** Required when the company is Mexican (the caller says so), otherwise optional. */
  requiredForMexicanCompanies: readonly IdentifierKind[];
  /** May be given. */
  optional: readonly IdentifierKind[];
  /** Where the rule comes from (../shared/domain/ctpat-program.md §2 and the CBP page it cites). */
  source: string;
}

const RULE_DEFAULTS = {
  required: [],
  requiredOneOf: [],
  requiredForMexicanCompanies: [],
  optional: [],
};

const HIGHWAY_CARRIER: EntityIdentifierRule = {
  ...RULE_DEFAULTS,
  // "active SCAC (4 letters) and U.S. DOT number (6 digits)": the SCAC length is a warning
  // (entityWarnings below); 6 digits for the USDOT number is out of date
  // (identifiers-and-clocks.md), so the generic 1-8 digit rule applies.
  required: ['scac', 'usdot_number'],
  // "Mexican firms supply Acta Constitutiva (if applicable) and RFC".
  requiredForMexicanCompanies: ['mexican_rfc'],
  source: 'ctpat-program.md §2, Highway Carrier (CBP highway-carriers eligibility page)',
};

/**
 * Identifier rules per entity type, from ctpat-program.md §2's table. Kinds not listed for an
 * entity type are refused for it (documented choice: the registry stores the identifiers CBP
 * asks each type for, nothing else).
 */
export const ENTITY_IDENTIFIER_RULES: { readonly [T in EntityType]: EntityIdentifierRule } = {
  importer: {
    ...RULE_DEFAULTS,
    // "active IOR number (SSN, IRS EIN or CBP-assigned importer ID)"; non-resident Canadian
    // importers included (their number is usually CBP-assigned).
    required: ['importer_of_record_number'],
    source: 'ctpat-program.md §2, U.S. Importer (CBP importers eligibility page)',
  },
  exporter: {
    ...RULE_DEFAULTS,
    // "documentable EIN or DUNS".
    requiredOneOf: [['ein', 'duns_number']],
    source: 'ctpat-program.md §2, U.S. Exporter (CBP exporters eligibility page)',
  },
  customs_broker: {
    ...RULE_DEFAULTS,
    // "active broker licence serial number (5 digits) and filer code (3 chars)".
    required: ['customs_broker_licence_number', 'entry_filer_code'],
    source: 'ctpat-program.md §2, Licensed U.S. Customs Broker (CBP customs-brokers page)',
  },
  consolidator: {
    ...RULE_DEFAULTS,
    // "if applicable an FMC organization number or IATA organization number (6 digits each)":
    // which one applies depends on the sub-type (air freight consolidator: IATA; OTI/NVOCC:
    // FMC), which the entity type does not carry, so neither is required here.
    optional: ['fmc_organisation_number', 'iata_organisation_number'],
    source: 'ctpat-program.md §2, Consolidator (CBP air-freight-ocean-transport-nvocc page)',
  },
  highway_carrier_us_canada: HIGHWAY_CARRIER,
  highway_carrier_us_mexico: HIGHWAY_CARRIER,
  mexican_long_haul_carrier: {
    ...RULE_DEFAULTS,
    // "SCT number from Mexico's transport ministry; Acta Constitutiva and RFC as above".
    // Always a Mexican company, so the RFC is simply required.
    required: ['sct_permit_number', 'mexican_rfc'],
    source: 'ctpat-program.md §2, Mexican Long Haul Highway Carrier',
  },
  rail_carrier: {
    ...RULE_DEFAULTS,
    // "NMFTA SCAC".
    required: ['scac'],
    source: 'ctpat-program.md §2, Rail Carrier (CBP rail-carriers eligibility page)',
  },
  sea_carrier: {
    ...RULE_DEFAULTS,
    // The document marks the sea-carrier identifiers UNVERIFIED (SCAC from background
    // knowledge): accepted, not required, until a CBP source confirms it.
    optional: ['scac'],
    source: 'ctpat-program.md §2, Sea Carrier (partly UNVERIFIED)',
  },
  air_carrier: {
    ...RULE_DEFAULTS,
    // "active IATA/airline code registered with CBP".
    required: ['iata_airline_code'],
    source: 'ctpat-program.md §2, Air Carrier',
  },
  marine_port_terminal_operator_us: {
    ...RULE_DEFAULTS,
    // "active FMC Marine Terminal Operator number (6 digits)".
    required: ['fmc_marine_terminal_operator_number'],
    source: 'ctpat-program.md §2, MPTO — U.S. (CBP marine-port-authority-terminal-operators page)',
  },
  marine_port_terminal_operator_foreign: {
    ...RULE_DEFAULTS,
    // "Same, except it must be an active MPTO abroad invited by CBP": a foreign operator may
    // have no FMC number, so it is accepted, not required (documented choice).
    optional: ['fmc_marine_terminal_operator_number'],
    source: 'ctpat-program.md §2, MPTO — foreign-based',
  },
  foreign_manufacturer: {
    ...RULE_DEFAULTS,
    // "active CBP MID built from the name/address where the goods originate; Mexican firms:
    // Acta Constitutiva and RFC".
    required: ['manufacturer_identification_code'],
    requiredForMexicanCompanies: ['mexican_rfc'],
    source: 'ctpat-program.md §2, Foreign Manufacturer (CBP foreign-manufacturers page)',
  },
  third_party_logistics_provider: {
    ...RULE_DEFAULTS,
    // "licensed/bonded by FMC, TSA, CBP or DOT": one of several licences, some without a kind
    // here (TSA, CBP bonds), so none is required; the licence numbers that have a kind are
    // accepted. Documented choice.
    optional: ['fmc_organisation_number', 'usdot_number', 'customs_broker_licence_number'],
    source: 'ctpat-program.md §2, Third Party Logistics Provider (legacy rule) and §2.1 pilot',
  },
};

export interface EntityIdentifierContext {
  /** The company is Mexican (incorporated in Mexico): RFC requirements apply. */
  mexicanCompany: boolean;
  /**
   * A draft: every identifier given must be valid, but required ones may still be missing (a
   * company saves its application as it goes; completeness is checked at submission).
   */
  draft?: boolean;
}

/** Every kind an entity type accepts, required or not. */
export function acceptedIdentifierKinds(entityType: EntityType): IdentifierKind[] {
  const rule = ENTITY_IDENTIFIER_RULES[entityType];
  const kinds = [
    ...rule.required,
    ...rule.requiredOneOf.flat(),
    ...rule.requiredForMexicanCompanies,
    ...rule.optional,
  ];
  return IDENTIFIER_KINDS.filter((kind) => kinds.includes(kind));
}

export const ENTITY_IDENTIFIER_MESSAGES = {
  unknownKind: `must be one of: ${IDENTIFIER_KINDS.join(', ')}`,
  notAccepted: (kind: IdentifierKind) =>
    `${IDENTIFIER_KIND_NAMES[kind]} is not an identifier for this entity type`,
  required: (kind: IdentifierKind) =>
    `${IDENTIFIER_KIND_NAMES[kind]} is required for this entity type`,
  requiredForMexican: (kind: IdentifierKind) =>
    `${IDENTIFIER_KIND_NAMES[kind]} is required for a Mexican company of this entity type`,
  requiredOneOf: (kinds: readonly IdentifierKind[]) =>
    `${kinds.map((kind) => IDENTIFIER_KIND_NAMES[kind]).join(' or ')} is required for this entity type`,
  duplicate: 'the same identifier is given twice',
  highwayScacLength:
    "CBP's highway-carrier eligibility page asks for a 4-letter SCAC: check that this is the carrier's full SCAC",
} as const;

const E = ENTITY_IDENTIFIER_MESSAGES;

/** Warnings one entity type adds to an otherwise valid identifier. */
function entityWarnings(entityType: EntityType, kind: IdentifierKind, value: string): string[] {
  const highway =
    entityType === 'highway_carrier_us_canada' || entityType === 'highway_carrier_us_mexico';
  if (highway && kind === 'scac' && value.length !== 4) {
    return [E.highwayScacLength];
  }
  return [];
}

export interface IdentifierInput {
  kind: unknown;
  value: unknown;
}

export interface ValidatedIdentifier {
  kind: IdentifierKind;
  /** Canonical. */
  value: string;
  warnings: string[];
}

export type EntityIdentifiersResult =
  | { ok: true; identifiers: ValidatedIdentifier[]; warnings: FieldIssue[] }
  | { ok: false; issues: FieldIssue[] };

/**
 * Checks the identifiers one business entity gives: each kind is known and accepted for the
 * entity type, each value is valid, none is given twice, and every required kind is present.
 * Issue paths are `<path>.<index>.kind`, `<path>.<index>.value` or `<path>` (a missing kind),
 * with `path` defaulting to "identifiers"; the API passes "body.identifiers".
 */
export function validateEntityIdentifiers(
  entityType: EntityType,
  identifiers: readonly IdentifierInput[],
  context: EntityIdentifierContext,
  path = 'identifiers',
): EntityIdentifiersResult {
  const rule = ENTITY_IDENTIFIER_RULES[entityType];
  const accepted = acceptedIdentifierKinds(entityType);
  const issues: FieldIssue[] = [];
  const warnings: FieldIssue[] = [];
  const validated: ValidatedIdentifier[] = [];
  const seen = new Set<string>();

  identifiers.forEach((identifier, index) => {
    const { kind, value } = identifier;
    if (!isIdentifierKind(kind)) {
      issues.push({ path: `${path}.${index}.kind`, message: E.unknownKind });
      return;
    }
    if (!accepted.includes(kind)) {
      issues.push({ path: `${path}.${index}.kind`, message: E.notAccepted(kind) });
      return;
    }
    const result = validateIdentifier(kind, value);
    if (!result.ok) {
      for (const { message } of result.problems) {
        issues.push({ path: `${path}.${index}.value`, message });
      }
      return;
    }
    const key = `${kind}\u0000${result.value}`;
    if (seen.has(key)) {
      issues.push({ path: `${path}.${index}.value`, message: E.duplicate });
      return;
    }
    seen.add(key);
    const allWarnings = [...result.warnings, ...entityWarnings(entityType, kind, result.value)];
    for (const message of allWarnings) {
      warnings.push({ path: `${path}.${index}.value`, message });
    }
    validated.push({ kind, value: result.value, warnings: allWarnings });
  });

  // Missing kinds are judged on what was given with a known kind, valid or not, so a mistyped
  // SCAC is reported once, at its value, and not again as "a SCAC is required".
  const givenKinds = new Set(identifiers.map((identifier) => identifier.kind));
  if (context.draft) {
    return issues.length > 0
      ? { ok: false, issues }
      : { ok: true, identifiers: validated, warnings };
  }
  for (const kind of rule.required) {
    if (!givenKinds.has(kind)) issues.push({ path, message: E.required(kind) });
  }
  if (context.mexicanCompany) {
    for (const kind of rule.requiredForMexicanCompanies) {
      if (!givenKinds.has(kind)) issues.push({ path, message: E.requiredForMexican(kind) });
    }
  }
  for (const group of rule.requiredOneOf) {
    if (!group.some((kind) => givenKinds.has(kind))) {
      issues.push({ path, message: E.requiredOneOf(group) });
    }
  }

  return issues.length > 0 ? { ok: false, issues } : { ok: true, identifiers: validated, warnings };
}
