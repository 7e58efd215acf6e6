import {
  cleanInput,
  count,
  type IdentifierResult,
  invalid,
  isAllZeros,
  isDigits,
  problem,
  stripLeadingLabel,
  valid,
} from './identifier-result.ts';

/**
 * Federal Maritime Commission numbers: the organisation number (consolidators: OTIs and
 * NVOCCs) and the marine terminal operator number (U.S. marine port and terminal operators).
 *
 * Source: ../shared/domain/ctpat-program.md §2 (CBP eligibility pages for consolidators and
 * MPTOs): both are 6 digits. Validated strictly: exactly 6 digits, leading zeros kept.
 *
 * Documented choice: an OTI licence number is, in common practice, the organisation number
 * followed by N (NVOCC), F (freight forwarder) or NF (background knowledge, not in the
 * documents). Such an input is refused with a message that names the likely cause, rather than
 * silently cut down to the 6 digits: the person entering it confirms the organisation number.
 */

export const FMC_MESSAGES = {
  characters: (what: string) => `${what} has only digits`,
  length: (what: string, digits: number) =>
    `${what} has 6 digits; this has ${count(digits, 'digit')}`,
  licenceSuffix: (what: string) =>
    `${what} has 6 digits and no letters: if this is an OTI licence number, leave out the N, F or NF at the end`,
  zero: (what: string) => `${what} is never all zeros`,
} as const;

const LABELS = ['FMC ORG', 'FMC MTO', 'FMC', 'ORG', 'MTO'];

function validateSixDigits(raw: unknown, what: string, codePrefix: string): IdentifierResult {
  const cleaned = cleanInput(raw);
  if (typeof cleaned !== 'string') {
    return cleaned;
  }
  const text = stripLeadingLabel(cleaned, LABELS).replace(/[\s.-]/g, '');
  if (/^[0-9]{6}(?:N|F|NF|FN)$/.test(text)) {
    return invalid(problem(`${codePrefix}_licence_suffix`, FMC_MESSAGES.licenceSuffix(what)));
  }
  if (!isDigits(text)) {
    return invalid(problem(`${codePrefix}_characters`, FMC_MESSAGES.characters(what)));
  }
  if (text.length !== 6) {
    return invalid(problem(`${codePrefix}_length`, FMC_MESSAGES.length(what, text.length)));
  }
  if (isAllZeros(text)) {
    return invalid(problem(`${codePrefix}_zero`, FMC_MESSAGES.zero(what)));
  }
  return valid(text);
}

export function validateFmcOrganisationNumber(raw: unknown): IdentifierResult {
  return validateSixDigits(raw, 'an FMC organisation number', 'fmc_organisation_number');
}

export function validateFmcMarineTerminalOperatorNumber(raw: unknown): IdentifierResult {
  return validateSixDigits(
    raw,
    'an FMC marine terminal operator number',
    'fmc_marine_terminal_operator_number',
  );
}
