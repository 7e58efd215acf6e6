import {
  cleanInput,
  count,
  type IdentifierResult,
  invalid,
  problem,
  valid,
} from './identifier-result.ts';

/**
 * Standard Carrier Alpha Code (NMFTA).
 *
 * Source: ../shared/domain/identifiers-and-clocks.md "Identifiers": 2 to 4 letters; CBP's
 * highway-carrier pages ask for 4 (that entity-specific expectation is a warning added in
 * identifier-kinds.ts, not here). Codes ending in U are conventionally container prefixes, but
 * real ocean-carrier SCACs (e.g. MAEU) end in U, so a final U is accepted without comment.
 * Spaces, hyphens and dots inside the code are dropped (a SCAC never contains them).
 */

export const SCAC_MESSAGES = {
  characters: 'a SCAC has only letters A to Z',
  length: (letters: number) => `a SCAC has 2 to 4 letters; this has ${count(letters, 'letter')}`,
} as const;

export function validateScac(raw: unknown): IdentifierResult {
  const cleaned = cleanInput(raw);
  if (typeof cleaned !== 'string') {
    return cleaned;
  }
  const code = cleaned.replace(/[\s.-]/g, '');
  if (!/^[A-Z]+$/.test(code)) {
    return invalid(problem('scac_characters', SCAC_MESSAGES.characters));
  }
  if (code.length < 2 || code.length > 4) {
    return invalid(problem('scac_length', SCAC_MESSAGES.length(code.length)));
  }
  return valid(code);
}
