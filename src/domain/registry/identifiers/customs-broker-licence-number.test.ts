import { describe, expect, it } from 'vitest';
import {
  BROKER_LICENCE_MESSAGES,
  validateCustomsBrokerLicenceNumber,
} from './customs-broker-licence-number.ts';

const ok = (value: string, warnings: string[] = []) => ({ ok: true, value, warnings });
const fails = (code: string, message: string) => ({ ok: false, problems: [{ code, message }] });

describe(validateCustomsBrokerLicenceNumber.name, () => {
  it('accepts 5 digits, with a licence label', () => {
    expect(validateCustomsBrokerLicenceNumber('01234')).toEqual(ok('01234'));
    expect(validateCustomsBrokerLicenceNumber('License No. 12345')).toEqual(ok('12345'));
    expect(validateCustomsBrokerLicenceNumber('licence #12345')).toEqual(ok('12345'));
  });

  it('refuses other lengths, letters and zeros', () => {
    expect(validateCustomsBrokerLicenceNumber('1234')).toEqual(
      fails(
        'broker_licence_length',
        'a customs broker licence number has 5 digits; this has 4 digits',
      ),
    );
    expect(validateCustomsBrokerLicenceNumber('1234B')).toEqual(
      fails('broker_licence_characters', BROKER_LICENCE_MESSAGES.characters),
    );
    expect(validateCustomsBrokerLicenceNumber('00000')).toEqual(
      fails('broker_licence_zero', BROKER_LICENCE_MESSAGES.zero),
    );
  });
});
