import { describe, expect, it } from 'vitest';
import { EU_MEMBER_STATES, partnerCountryMatchesProgram } from './eu-member-states.ts';
import { MRA_PROGRAMS } from './mra-programs.ts';

describe(partnerCountryMatchesProgram.name, () => {
  it('holds the 27 member states since the United Kingdom left', () => {
    expect(EU_MEMBER_STATES.size).toBe(27);
    expect(EU_MEMBER_STATES.has('GB')).toBe(false);
    expect(EU_MEMBER_STATES.has('GR')).toBe(true);
  });

  it('accepts the program’s own country, or any member state for the EU program', () => {
    expect(partnerCountryMatchesProgram('MX', 'MX')).toBe(true);
    expect(partnerCountryMatchesProgram('MX', 'US')).toBe(false);
    expect(partnerCountryMatchesProgram('EU', 'DE')).toBe(true);
    expect(partnerCountryMatchesProgram('EU', 'GB')).toBe(false);
    expect(partnerCountryMatchesProgram('GB', 'GB')).toBe(true);
  });

  it('covers the EU program of the seed data', () => {
    expect(MRA_PROGRAMS.filter((program) => program.countryCode === 'EU')).toHaveLength(1);
  });
});
