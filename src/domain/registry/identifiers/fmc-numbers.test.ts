import { describe, expect, it } from 'vitest';
import {
  FMC_MESSAGES,
  validateFmcMarineTerminalOperatorNumber,
  validateFmcOrganisationNumber,
} from './fmc-numbers.ts';

const ok = (value: string, warnings: string[] = []) => ({ ok: true, value, warnings });
const fails = (code: string, message: string) => ({ ok: false, problems: [{ code, message }] });

describe('FMC numbers', () => {
  it('accept exactly 6 digits, leading zeros kept, labels removed', () => {
    expect(validateFmcOrganisationNumber('012345')).toEqual(ok('012345'));
    expect(validateFmcOrganisationNumber('FMC No. 012345')).toEqual(ok('012345'));
    expect(validateFmcMarineTerminalOperatorNumber('FMC #012 345')).toEqual(ok('012345'));
  });

  it('name the number in their messages', () => {
    expect(validateFmcOrganisationNumber('12345')).toEqual(
      fails(
        'fmc_organisation_number_length',
        'an FMC organisation number has 6 digits; this has 5 digits',
      ),
    );
    expect(validateFmcMarineTerminalOperatorNumber('1234567')).toEqual(
      fails(
        'fmc_marine_terminal_operator_number_length',
        'an FMC marine terminal operator number has 6 digits; this has 7 digits',
      ),
    );
    expect(validateFmcOrganisationNumber('12A456')).toEqual(
      fails(
        'fmc_organisation_number_characters',
        FMC_MESSAGES.characters('an FMC organisation number'),
      ),
    );
    expect(validateFmcOrganisationNumber('000000')).toEqual(
      fails('fmc_organisation_number_zero', 'an FMC organisation number is never all zeros'),
    );
  });

  it('explain an OTI licence suffix instead of guessing', () => {
    for (const raw of ['012345N', '012345F', '012345NF']) {
      expect(validateFmcOrganisationNumber(raw)).toEqual(
        fails(
          'fmc_organisation_number_licence_suffix',
          'an FMC organisation number has 6 digits and no letters: if this is an OTI licence number, leave out the N, F or NF at the end',
        ),
      );
    }
  });
});
