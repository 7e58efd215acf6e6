import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ENTITY_TYPES, type EntityType } from '../../organisations/entity-types.ts';
import { anyText, WRITTEN_IDENTIFIERS } from './identifier-arbitraries.test-support.ts';
import {
  acceptedIdentifierKinds,
  ENTITY_IDENTIFIER_MESSAGES,
  ENTITY_IDENTIFIER_RULES,
  IDENTIFIER_KIND_NAMES,
  IDENTIFIER_KINDS,
  isIdentifierKind,
  validateEntityIdentifiers,
  validateIdentifier,
} from './identifier-kinds.ts';
import type { IdentifierResult } from './identifier-result.ts';

function expectWellFormed(result: IdentifierResult): void {
  if (result.ok) {
    expect(typeof result.value).toBe('string');
    expect(result.value.length).toBeGreaterThan(0);
    expect(Array.isArray(result.warnings)).toBe(true);
  } else {
    expect(result.problems.length).toBeGreaterThan(0);
    for (const { code, message } of result.problems) {
      expect(code).toMatch(/^[a-z0-9_]+$/);
      expect(message.length).toBeGreaterThan(0);
    }
  }
}

describe('every identifier kind', () => {
  it.each(IDENTIFIER_KINDS)(
    '%s: a valid identifier, however written, normalises to its canonical value',
    (kind) => {
      fc.assert(
        fc.property(WRITTEN_IDENTIFIERS[kind], ({ canonical, written }) => {
          const result = validateIdentifier(kind, written);
          expect(result).toMatchObject({ ok: true, value: canonical });
        }),
      );
    },
  );

  it.each(IDENTIFIER_KINDS)('%s: any input returns a result and never throws', (kind) => {
    fc.assert(
      fc.property(fc.oneof(anyText, fc.anything()), (raw) => {
        expectWellFormed(validateIdentifier(kind, raw));
      }),
    );
  });

  it.each(IDENTIFIER_KINDS)('%s: normalisation is idempotent', (kind) => {
    const inputs = fc.oneof(
      anyText,
      WRITTEN_IDENTIFIERS[kind].map(({ written }) => written),
    );
    fc.assert(
      fc.property(inputs, (raw) => {
        const once = validateIdentifier(kind, raw);
        if (once.ok) {
          const twice = validateIdentifier(kind, once.value);
          expect(twice).toMatchObject({ ok: true, value: once.value });
        }
      }),
    );
  });

  it('has a name for messages and a validator for every kind', () => {
    for (const kind of IDENTIFIER_KINDS) {
      expect(IDENTIFIER_KIND_NAMES[kind]).toMatch(/^an? /);
      expectWellFormed(validateIdentifier(kind, ''));
    }
    expect(isIdentifierKind('scac')).toBe(true);
    expect(isIdentifierKind('SCAC')).toBe(false);
    expect(isIdentifierKind(7)).toBe(false);
  });

  it('refuses non-text, empty, punctuation-only and absurdly long input with plain messages', () => {
    expect(validateIdentifier('scac', 42)).toEqual({
      ok: false,
      problems: [{ code: 'not_text', message: 'must be text' }],
    });
    expect(validateIdentifier('scac', '   ')).toMatchObject({ problems: [{ code: 'empty' }] });
    expect(validateIdentifier('duns_number', ' - - ')).toMatchObject({
      problems: [{ code: 'no_letters_or_digits', message: 'has no letters or digits' }],
    });
    expect(validateIdentifier('sct_permit_number', 'A'.repeat(65))).toMatchObject({
      problems: [{ code: 'too_long' }],
    });
    expect(validateIdentifier('sct_permit_number', 'A'.repeat(10_000))).toMatchObject({
      problems: [{ code: 'too_long' }],
    });
  });
});

describe('identifier rules per entity type', () => {
  it('covers every entity type, cites its source, and never accepts the entry number', () => {
    for (const type of ENTITY_TYPES) {
      const rule = ENTITY_IDENTIFIER_RULES[type];
      expect(rule.source).toMatch(/ctpat-program\.md §2/);
      expect(acceptedIdentifierKinds(type)).not.toContain('cbp_entry_number');
    }
  });

  it.each<[EntityType, string[]]>([
    ['importer', ['importer_of_record_number']],
    ['exporter', ['ein', 'duns_number']],
    ['customs_broker', ['customs_broker_licence_number', 'entry_filer_code']],
    ['consolidator', ['fmc_organisation_number', 'iata_organisation_number']],
    ['highway_carrier_us_canada', ['scac', 'usdot_number', 'mexican_rfc']],
    ['highway_carrier_us_mexico', ['scac', 'usdot_number', 'mexican_rfc']],
    ['mexican_long_haul_carrier', ['mexican_rfc', 'sct_permit_number']],
    ['rail_carrier', ['scac']],
    ['sea_carrier', ['scac']],
    ['air_carrier', ['iata_airline_code']],
    ['marine_port_terminal_operator_us', ['fmc_marine_terminal_operator_number']],
    ['marine_port_terminal_operator_foreign', ['fmc_marine_terminal_operator_number']],
    ['foreign_manufacturer', ['manufacturer_identification_code', 'mexican_rfc']],
    [
      'third_party_logistics_provider',
      ['usdot_number', 'fmc_organisation_number', 'customs_broker_licence_number'],
    ],
  ])('%s accepts %j', (type, kinds) => {
    expect(acceptedIdentifierKinds(type)).toEqual(
      IDENTIFIER_KINDS.filter((k) => kinds.includes(k)),
    );
  });

  const notMexican = { mexicanCompany: false };
  const mexican = { mexicanCompany: true };

  it('accepts an importer with a valid importer number and returns canonical values', () => {
    expect(
      validateEntityIdentifiers(
        'importer',
        [{ kind: 'importer_of_record_number', value: ' 12-3456789ab ' }],
        notMexican,
      ),
    ).toEqual({
      ok: true,
      identifiers: [{ kind: 'importer_of_record_number', value: '12-3456789AB', warnings: [] }],
      warnings: [],
    });
  });

  it('reports an invalid value at its index, once, with the validator message', () => {
    const result = validateEntityIdentifiers(
      'importer',
      [{ kind: 'importer_of_record_number', value: '12-3456789OA' }],
      notMexican,
      'body.identifiers',
    );
    expect(result).toEqual({
      ok: false,
      issues: [
        {
          path: 'body.identifiers.0.value',
          message: 'an EIN suffix never uses the letters O, I or Z',
        },
      ],
    });
  });

  it('refuses unknown kinds, kinds the entity type does not use, and duplicates', () => {
    const result = validateEntityIdentifiers(
      'rail_carrier',
      [
        { kind: 'scac', value: 'BNSF' },
        { kind: 'rfc', value: 'x' },
        { kind: 'usdot_number', value: '1234567' },
        { kind: 'scac', value: ' bnsf' },
      ],
      notMexican,
    );
    expect(result).toEqual({
      ok: false,
      issues: [
        { path: 'identifiers.1.kind', message: ENTITY_IDENTIFIER_MESSAGES.unknownKind },
        {
          path: 'identifiers.2.kind',
          message: 'a USDOT number is not an identifier for this entity type',
        },
        { path: 'identifiers.3.value', message: 'the same identifier is given twice' },
      ],
    });
  });

  it('lets a draft lack required kinds, but not carry an invalid one', () => {
    const draft = { mexicanCompany: true, draft: true };
    expect(validateEntityIdentifiers('customs_broker', [], draft)).toEqual({
      ok: true,
      identifiers: [],
      warnings: [],
    });
    const invalid = validateEntityIdentifiers(
      'highway_carrier_us_mexico',
      [{ kind: 'scac', value: 'A' }],
      draft,
    );
    expect(invalid.ok).toBe(false);
    expect(invalid.ok ? [] : invalid.issues.map((issue) => issue.path)).toEqual([
      'identifiers.0.value',
    ]);
  });

  it('names every missing required kind, and one-of groups as alternatives', () => {
    expect(validateEntityIdentifiers('customs_broker', [], notMexican)).toEqual({
      ok: false,
      issues: [
        {
          path: 'identifiers',
          message: 'a customs broker licence number is required for this entity type',
        },
        { path: 'identifiers', message: 'an entry filer code is required for this entity type' },
      ],
    });
    expect(validateEntityIdentifiers('exporter', [], notMexican)).toEqual({
      ok: false,
      issues: [
        {
          path: 'identifiers',
          message: 'an EIN or a D-U-N-S number is required for this entity type',
        },
      ],
    });
    expect(
      validateEntityIdentifiers(
        'exporter',
        [{ kind: 'duns_number', value: '15-048-3782' }],
        notMexican,
      ),
    ).toMatchObject({ ok: true, identifiers: [{ kind: 'duns_number', value: '150483782' }] });
  });

  it('requires the RFC of Mexican highway carriers and manufacturers only', () => {
    const carrier = [
      { kind: 'scac', value: 'ABCD' },
      { kind: 'usdot_number', value: '1234567' },
    ];
    expect(validateEntityIdentifiers('highway_carrier_us_mexico', carrier, notMexican).ok).toBe(
      true,
    );
    expect(validateEntityIdentifiers('highway_carrier_us_mexico', carrier, mexican)).toEqual({
      ok: false,
      issues: [
        {
          path: 'identifiers',
          message: 'a Mexican RFC is required for a Mexican company of this entity type',
        },
      ],
    });
    expect(
      validateEntityIdentifiers(
        'highway_carrier_us_mexico',
        [...carrier, { kind: 'mexican_rfc', value: 'AAA390128530' }],
        mexican,
      ).ok,
    ).toBe(true);
    expect(
      validateEntityIdentifiers(
        'foreign_manufacturer',
        [{ kind: 'manufacturer_identification_code', value: 'MXAMAPLA1145TIJ' }],
        mexican,
      ).ok,
    ).toBe(false);
  });

  it('does not report a required kind as missing when it was given but invalid', () => {
    expect(
      validateEntityIdentifiers('rail_carrier', [{ kind: 'scac', value: 'B1' }], notMexican),
    ).toEqual({
      ok: false,
      issues: [{ path: 'identifiers.0.value', message: 'a SCAC has only letters A to Z' }],
    });
  });

  it("warns when a highway carrier's SCAC is not 4 letters, and not for other carriers", () => {
    const identifiers = [
      { kind: 'scac', value: 'ABC' },
      { kind: 'usdot_number', value: '1234567' },
    ];
    expect(validateEntityIdentifiers('highway_carrier_us_canada', identifiers, notMexican)).toEqual(
      {
        ok: true,
        identifiers: [
          { kind: 'scac', value: 'ABC', warnings: [ENTITY_IDENTIFIER_MESSAGES.highwayScacLength] },
          { kind: 'usdot_number', value: '1234567', warnings: [] },
        ],
        warnings: [
          { path: 'identifiers.0.value', message: ENTITY_IDENTIFIER_MESSAGES.highwayScacLength },
        ],
      },
    );
    expect(
      validateEntityIdentifiers('rail_carrier', [{ kind: 'scac', value: 'ABC' }], notMexican),
    ).toMatchObject({ ok: true, warnings: [] });
  });

  it('passes validator warnings through with their path', () => {
    expect(
      validateEntityIdentifiers(
        'highway_carrier_us_canada',
        [
          { kind: 'scac', value: 'ABCD' },
          { kind: 'usdot_number', value: '123456' },
        ],
        notMexican,
      ),
    ).toMatchObject({
      ok: true,
      warnings: [
        {
          path: 'identifiers.1.value',
          message: 'current USDOT numbers have 7 or more digits: check that no digit is missing',
        },
      ],
    });
  });

  it('never throws on any list of inputs', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ENTITY_TYPES),
        fc.array(
          fc.record({
            kind: fc.oneof(fc.constantFrom(...IDENTIFIER_KINDS), fc.anything()),
            value: fc.oneof(anyText, fc.anything()),
          }),
          { maxLength: 5 },
        ),
        fc.boolean(),
        (type, identifiers, mexicanCompany) => {
          const result = validateEntityIdentifiers(type, identifiers, { mexicanCompany });
          if (!result.ok) expect(result.issues.length).toBeGreaterThan(0);
        },
      ),
    );
  });
});
