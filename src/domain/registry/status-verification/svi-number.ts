/**
 * The SVI number a participating member gives a business partner so the partner can send it a
 * connection request (issue 4, item 8). Legacy SVI IDs were guessable strings built from the
 * company name (`WALSEA01198`, ctpat-program.md §3.7); this one is random and reveals nothing:
 * `SVI-` and three groups of four Crockford base32 characters (60 random bits), so nobody finds
 * a company by trying numbers, and it is easy to read aloud and type.
 *
 * Crockford's alphabet leaves out I, L, O and U; when reading a number typed by a person, I and
 * L are taken as 1 and O as 0 (https://www.crockford.com/base32.html).
 */
export const SVI_NUMBER_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const SVI_NUMBER_GROUPS = 3;
export const SVI_NUMBER_GROUP_LENGTH = 4;
const SVI_NUMBER_CHARACTERS = SVI_NUMBER_GROUPS * SVI_NUMBER_GROUP_LENGTH;

/** The canonical shape, e.g. `SVI-7K3M-Q9TX-2HWD`. */
export const SVI_NUMBER_PATTERN =
  /^SVI-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

/** An example for hints and API documentation. */
export const SVI_NUMBER_EXAMPLE = 'SVI-7K3M-Q9TX-2HWD';

function grouped(characters: string): string {
  const groups: string[] = [];
  for (let start = 0; start < characters.length; start += SVI_NUMBER_GROUP_LENGTH) {
    groups.push(characters.slice(start, start + SVI_NUMBER_GROUP_LENGTH));
  }
  return `SVI-${groups.join('-')}`;
}

/**
 * A new SVI number from `randomIndex(32)`, called once per character: the server passes a
 * cryptographically secure source (node:crypto randomInt), tests a fixed one.
 */
export function generateSviNumber(randomIndex: (bound: number) => number): string {
  let characters = '';
  for (let index = 0; index < SVI_NUMBER_CHARACTERS; index += 1) {
    const pick = randomIndex(SVI_NUMBER_ALPHABET.length);
    const character = SVI_NUMBER_ALPHABET[pick];
    if (character === undefined) {
      throw new RangeError(`randomIndex returned ${pick}, outside 0..31`);
    }
    characters += character;
  }
  return grouped(characters);
}

const READ_AS: Readonly<Record<string, string>> = { I: '1', L: '1', O: '0' };

/**
 * The canonical form of an SVI number as a person typed it (any case, spaces or hyphens
 * anywhere, with or without the `SVI` prefix, I/L/O for 1/1/0), or null when it cannot be one.
 */
export function normaliseSviNumber(input: string): string | null {
  let compact = input.toUpperCase().replace(/[\s-]/g, '');
  if (compact.startsWith('SVI')) {
    compact = compact.slice(3);
  }
  const characters = [...compact].map((character) => READ_AS[character] ?? character).join('');
  if (characters.length !== SVI_NUMBER_CHARACTERS) {
    return null;
  }
  if (![...characters].every((character) => SVI_NUMBER_ALPHABET.includes(character))) {
    return null;
  }
  return grouped(characters);
}
