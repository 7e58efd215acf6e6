import { cleanInput, type IdentifierResult, invalid, problem, valid } from './identifier-result.ts';

/**
 * SCT number: the permit Mexico's transport ministry (Secretaría de Infraestructura,
 * Comunicaciones y Transportes, formerly SCT) issues to a motor carrier; CBP asks Mexican
 * long-haul highway carriers for it (ctpat-program.md §2).
 *
 * PROVISIONAL: the format is not settled by the documents. Accepted: 1 to 20 letters and
 * digits once spaces, hyphens, slashes and dots are removed; canonical value upper case without
 * separators. Tighten this once a real permit format is verified.
 */

export const SCT_MESSAGES = {
  characters:
    'an SCT permit number has only letters and digits (spaces, hyphens and slashes are ignored)',
  length: 'an SCT permit number has at most 20 letters and digits',
} as const;

export function validateSctPermitNumber(raw: unknown): IdentifierResult {
  const cleaned = cleanInput(raw);
  if (typeof cleaned !== 'string') {
    return cleaned;
  }
  const text = cleaned.replace(/[\s./-]/g, '');
  if (!/^[A-Z0-9]+$/.test(text)) {
    return invalid(problem('sct_permit_characters', SCT_MESSAGES.characters));
  }
  if (text.length > 20) {
    return invalid(problem('sct_permit_length', SCT_MESSAGES.length));
  }
  return valid(text);
}
