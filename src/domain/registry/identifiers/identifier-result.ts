/**
 * The one result shape every identifier validator returns, and the input clean-up they share.
 *
 * A validator never throws: whatever it is given (a number, null, a 10 MB string, emoji), it
 * answers with a result. On success `value` is the canonical spelling to store and compare
 * (upper case, canonical punctuation), so two spellings of the same identifier store the same
 * value; `warnings` are things a person should look at that do not make the identifier wrong.
 * On failure `problems` say in plain English what is wrong; the API reports each as
 * `body.identifiers.0.value: <message>`, so a message is a lower-case sentence fragment about
 * the value, never about the user.
 *
 * The messages are English constants in the validator files: the API's validation messages are
 * English everywhere (see src/domain/errors), and the stable `code` lets a client translate.
 */

export interface IdentifierProblem {
  /** Stable machine-readable code, e.g. `ein_suffix_forbidden_letter`. */
  code: string;
  /** What is wrong, e.g. "an EIN suffix never uses the letters O, I or Z". */
  message: string;
}

export interface IdentifierValid {
  ok: true;
  /** The canonical spelling: store and compare this, never the raw input. */
  value: string;
  warnings: string[];
}

export interface IdentifierInvalid {
  ok: false;
  /** At least one. */
  problems: IdentifierProblem[];
}

export type IdentifierResult = IdentifierValid | IdentifierInvalid;

export type IdentifierValidator = (raw: unknown) => IdentifierResult;

export function valid(value: string, warnings: string[] = []): IdentifierValid {
  return { ok: true, value, warnings };
}

export function invalid(first: IdentifierProblem, ...more: IdentifierProblem[]): IdentifierInvalid {
  return { ok: false, problems: [first, ...more] };
}

export function problem(code: string, message: string): IdentifierProblem {
  return { code, message };
}

/** No identifier handled here is longer than this, with generous room for labels and spaces. */
export const MAX_RAW_IDENTIFIER_LENGTH = 64;

export const COMMON_MESSAGES = {
  notText: 'must be text',
  empty: 'is empty',
  noLettersOrDigits: 'has no letters or digits',
  tooLong: `is too long: no identifier is longer than ${MAX_RAW_IDENTIFIER_LENGTH} characters, even with spaces`,
} as const;

/**
 * Dash-like characters people paste from word processors and PDFs (hyphen, non-breaking
 * hyphen, figure dash, en dash, em dash, horizontal bar, minus sign, small and full-width
 * hyphen-minus): all mean "-" in an identifier.
 */
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;

/**
 * NFKC and upper case, repeated until stable: upper-casing can decompose a character ("ΐ") and
 * NFKC can produce a lower-case letter ("ᵃ" → "a"), so one pass of each is not idempotent.
 */
function foldCase(text: string): string {
  let current = text;
  for (let pass = 0; pass < 4; pass += 1) {
    const next = current.normalize('NFKC').toUpperCase();
    if (next === current) {
      break;
    }
    current = next;
  }
  return current;
}

/**
 * The clean-up every validator starts with: refuse non-text, empty and absurdly long input;
 * fold compatibility characters (full-width digits and letters become ASCII: NFKC), turn every
 * dash-like character into "-", collapse runs of white space to one space, trim, upper-case;
 * refuse text with no letter or digit at all. Returns the cleaned text, or the failure to
 * return as is.
 */
export function cleanInput(raw: unknown): string | IdentifierInvalid {
  if (typeof raw !== 'string') {
    return invalid(problem('not_text', COMMON_MESSAGES.notText));
  }
  if (raw.length > MAX_RAW_IDENTIFIER_LENGTH * 4) {
    // Checked before normalising, so a huge input costs nothing.
    return invalid(problem('too_long', COMMON_MESSAGES.tooLong));
  }
  const text = foldCase(raw).replace(DASHES, '-').replace(/\s+/g, ' ').trim();
  if (text.length === 0) {
    return invalid(problem('empty', COMMON_MESSAGES.empty));
  }
  if (text.length > MAX_RAW_IDENTIFIER_LENGTH) {
    return invalid(problem('too_long', COMMON_MESSAGES.tooLong));
  }
  if (!/[\p{L}\p{N}]/u.test(text)) {
    return invalid(problem('no_letters_or_digits', COMMON_MESSAGES.noLettersOrDigits));
  }
  return text;
}

/**
 * Removes a leading label such as "USDOT No.", "FMC #", "DUNS:" or just "#" from an identifier
 * that is otherwise only digits. Only numeric identifiers use this: for identifiers that start with
 * letters (RFC, MID, SCAC, filer code) a label cannot be told apart from the identifier itself.
 * `labels` are upper-case words, longest first where one is a prefix of another.
 */
export function stripLeadingLabel(text: string, labels: readonly string[]): string {
  let rest = text;
  for (const label of labels) {
    // The label must end at a word boundary: "DOT1234" is a label, "DOTS" is not.
    if (text.startsWith(label) && /^(?:$|[^A-Z])/.test(text.slice(label.length))) {
      rest = text.slice(label.length);
      break;
    }
  }
  // Then "No.", "Number", "#", ":" in any order, with or without a label: "No. 123", "#123".
  return rest.replace(/^[\s.:#-]*(?:(?:NO|NR|NUM|NUMBER)\b\.?)?[\s.:#-]*/, '');
}

/** Removes every match of `separators` (a global regular expression, e.g. `/[\s.-]/g`). */
export function removeSeparators(text: string, separators: RegExp): string {
  return text.replace(separators, '');
}

/** "1 digit", "7 digits": for messages that quote a count. */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** True when every character is a digit 0-9 (and there is at least one). */
export function isDigits(text: string): boolean {
  return /^[0-9]+$/.test(text);
}

/** True when the text is one or more zeros: never a real identifier. */
export function isAllZeros(text: string): boolean {
  return /^0+$/.test(text);
}

/** What a fixed-length, digits-only identifier says when it is wrong. */
export interface FixedDigitsRule {
  /** Prefix of the problem codes: `<code>_characters`, `<code>_length`, `<code>_zero`. */
  code: string;
  length: number;
  /** Labels people type before the number ("DUNS", "IATA"), dropped before checking. */
  labels: readonly string[];
  messages: { characters: string; length: (digits: number) => string; zero: string };
}

/**
 * The shared shape of the digits-only identifiers (D-U-N-S, broker licence, IATA organisation
 * number): drop a leading label and separators, then only digits, exactly `length` of them,
 * never all zeros. The canonical value is the bare digits.
 */
export function validateFixedDigits(raw: unknown, rule: FixedDigitsRule): IdentifierResult {
  const cleaned = cleanInput(raw);
  if (typeof cleaned !== 'string') {
    return cleaned;
  }
  const digits = stripLeadingLabel(cleaned, [...rule.labels]).replace(/[\s.-]/g, '');
  if (!isDigits(digits)) {
    return invalid(problem(`${rule.code}_characters`, rule.messages.characters));
  }
  if (digits.length !== rule.length) {
    return invalid(problem(`${rule.code}_length`, rule.messages.length(digits.length)));
  }
  if (isAllZeros(digits)) {
    return invalid(problem(`${rule.code}_zero`, rule.messages.zero));
  }
  return valid(digits);
}
