import { describe, expect, it } from 'vitest';
import {
  IATA_MESSAGES,
  validateIataAirlineCode,
  validateIataOrganisationNumber,
} from './iata-codes.ts';

const ok = (value: string, warnings: string[] = []) => ({ ok: true, value, warnings });
const fails = (code: string, message: string) => ({ ok: false, problems: [{ code, message }] });

describe(validateIataAirlineCode.name, () => {
  it.each([
    ['AA', 'AA'],
    ['u2', 'U2'],
    ['5X', '5X'],
    ['001', '001'],
    [' 176 ', '176'],
  ])('accepts %s as %s', (raw, canonical) => {
    expect(validateIataAirlineCode(raw)).toEqual(ok(canonical));
  });

  it('refuses two digits, ICAO codes and other shapes', () => {
    expect(validateIataAirlineCode('12')).toEqual(
      fails(
        'iata_airline_code_two_digits',
        'a 2-character IATA airline designator is never two digits',
      ),
    );
    expect(validateIataAirlineCode('AAL')).toEqual(
      fails('iata_airline_code_icao', IATA_MESSAGES.airlineIcao),
    );
    expect(validateIataAirlineCode('A')).toEqual(
      fails('iata_airline_code_format', IATA_MESSAGES.airlineFormat),
    );
    expect(validateIataAirlineCode('1234')).toEqual(
      fails('iata_airline_code_format', IATA_MESSAGES.airlineFormat),
    );
  });
});

describe(validateIataOrganisationNumber.name, () => {
  it('accepts 6 digits', () => {
    expect(validateIataOrganisationNumber('IATA 012345')).toEqual(ok('012345'));
  });

  it('refuses other lengths, letters and zeros', () => {
    expect(validateIataOrganisationNumber('01234567')).toEqual(
      fails(
        'iata_organisation_number_length',
        'an IATA organisation number has 6 digits; this has 8 digits',
      ),
    );
    expect(validateIataOrganisationNumber('01234A')).toEqual(
      fails('iata_organisation_number_characters', IATA_MESSAGES.organisationCharacters),
    );
    expect(validateIataOrganisationNumber('000000')).toEqual(
      fails('iata_organisation_number_zero', IATA_MESSAGES.organisationZero),
    );
  });
});
