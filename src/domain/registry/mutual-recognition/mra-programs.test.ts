import { describe, expect, it } from 'vitest';
import {
  MRA_PROGRAMS,
  MraProgramListSchema,
  MraProgramSchema,
  mraProgramKey,
} from './mra-programs.ts';

describe('MRA partner programs seed', () => {
  it('parses with the schema, each program and the whole list', () => {
    for (const program of MRA_PROGRAMS) {
      expect(MraProgramSchema.parse(program), program.id).toEqual(program);
    }
    expect(MraProgramListSchema.safeParse(MRA_PROGRAMS).success).toBe(true);
  });

  it('holds the 18 arrangements listed in ctpat-program.md §3.8', () => {
    expect(MRA_PROGRAMS).toHaveLength(18);
  });

  it('has a unique program per country + name, and unique ids', () => {
    const keys = MRA_PROGRAMS.map(mraProgramKey);
    expect(new Set(keys).size).toBe(keys.length);
    const ids = MRA_PROGRAMS.map((program) => program.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives an exact date only where the document does (Guatemala, Colombia)', () => {
    const dated = MRA_PROGRAMS.filter((program) => program.signedOn !== null);
    expect(dated.map((program) => [program.countryCode, program.signedOn])).toEqual([
      ['GT', '2023-04-17'],
      ['CO', '2023-04-17'],
    ]);
  });

  it('marks unverified program names provisional with a note', () => {
    const provisional = MRA_PROGRAMS.filter((program) => program.provisional);
    expect(provisional.map((program) => program.countryCode)).toEqual([
      'TW',
      'IL',
      'MX',
      'DO',
      'PE',
      'GT',
      'CO',
    ]);
    for (const program of provisional) expect(program.note, program.id).not.toBeNull();
  });
});

describe('MraProgramSchema (administrator edits)', () => {
  const valid = MRA_PROGRAMS[0];

  it('refuses a bad country code, month, date or source', () => {
    expect(MraProgramSchema.safeParse({ ...valid, countryCode: 'nz' }).success).toBe(false);
    expect(MraProgramSchema.safeParse({ ...valid, signedMonth: '2007-13' }).success).toBe(false);
    expect(MraProgramSchema.safeParse({ ...valid, signedOn: '2007-02-30' }).success).toBe(false);
    expect(MraProgramSchema.safeParse({ ...valid, sources: [] }).success).toBe(false);
    expect(MraProgramSchema.safeParse({ ...valid, sources: ['not a url'] }).success).toBe(false);
  });

  it('refuses a date outside the month signed', () => {
    const result = MraProgramSchema.safeParse({ ...valid, signedOn: '2007-07-01' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['signedOn']);
  });

  it('refuses unknown fields', () => {
    expect(MraProgramSchema.safeParse({ ...valid, extra: 1 }).success).toBe(false);
  });

  it('refuses a second program with the same country and name', () => {
    const duplicate = { ...valid, id: 'nz-duplicate', programName: ' secure export scheme ' };
    const result = MraProgramListSchema.safeParse([...MRA_PROGRAMS, duplicate]);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain('NZ already has a program named');
  });
});
