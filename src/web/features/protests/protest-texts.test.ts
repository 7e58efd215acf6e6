import { describe, expect, it } from 'vitest';
import { FILING_TRIGGERS } from '../../../domain/protests/filing-window.ts';
import {
  CLOSED_DAY_BASE_CODES,
  PROTEST_TEXT_FAMILIES,
} from '../../../domain/protests/protest-texts.ts';
import enFeatures from '../../locales/en/features.json' with { type: 'json' };
import esFeatures from '../../locales/es/features.json' with { type: 'json' };

/**
 * Every coded protest text the server can send (domain/protests/protest-texts.ts; the domain's
 * own test holds the rules to these declarations) has an English and a Spanish string whose
 * placeholders are exactly the code's parameters, so the web never shows a bare key or a
 * `{{placeholder}}`. A code whose parameters include `count` is a plural (`_one`, `_other`).
 */

const LANGUAGES = { en: enFeatures.protests, es: esFeatures.protests } as const;

/** Where each family's strings live under `protests`. */
const GROUPS: Record<keyof typeof PROTEST_TEXT_FAMILIES, readonly string[]> = {
  clockRules: ['clocks', 'rules'],
  filing: ['timeliness', 'filing'],
  amendment: ['timeliness', 'amendment'],
  setAside: ['timeliness', 'setAside'],
};

function at(tree: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>(
    (node, key) =>
      node !== null && typeof node === 'object'
        ? (node as Record<string, unknown>)[key]
        : undefined,
    tree,
  );
}

const placeholders = (text: string) =>
  [...new Set([...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]))].sort();

describe('protest texts in the web catalogues', () => {
  for (const [family, codes] of Object.entries(PROTEST_TEXT_FAMILIES)) {
    const group = GROUPS[family as keyof typeof PROTEST_TEXT_FAMILIES];
    for (const [code, params] of Object.entries(codes)) {
      const keys = (params as readonly string[]).includes('count')
        ? [`${code}_one`, `${code}_other`]
        : [code];
      it(`${family}.${code}: English and Spanish with the placeholders {${params.join(', ')}}`, () => {
        for (const [language, catalogue] of Object.entries(LANGUAGES)) {
          for (const key of keys) {
            const text = at(catalogue, [...group, key]);
            expect(typeof text, `${language} protests.${group.join('.')}.${key}`).toBe('string');
            expect(String(text).trim(), `${language} ${key}`).not.toBe('');
            expect(placeholders(String(text)), `${language} ${key}`).toEqual(
              [...(params as readonly string[])].sort(),
            );
          }
        }
        // Translated, not copied (the citations inside stay as they are).
        for (const key of keys) {
          expect(at(LANGUAGES.es, [...group, key])).not.toBe(at(LANGUAGES.en, [...group, key]));
        }
      });
    }
  }

  it('every trigger and closed day a parameter can name, in both languages', () => {
    for (const [language, catalogue] of Object.entries(LANGUAGES)) {
      for (const trigger of FILING_TRIGGERS) {
        const text = at(catalogue, ['timeliness', 'triggers', trigger]);
        expect(typeof text, `${language} trigger ${trigger}`).toBe('string');
        expect(placeholders(String(text))).toEqual([]);
      }
      for (const day of CLOSED_DAY_BASE_CODES) {
        const text = at(catalogue, ['timeliness', 'closedDays', day]);
        expect(typeof text, `${language} closed day ${day}`).toBe('string');
        expect(placeholders(String(text))).toEqual([]);
      }
      const observed = at(catalogue, ['timeliness', 'closedDays', 'observed']);
      expect(placeholders(String(observed)), `${language} observed`).toEqual(['holiday']);
    }
  });

  it('has no string left over for a code the server no longer sends', () => {
    for (const [family, codes] of Object.entries(PROTEST_TEXT_FAMILIES)) {
      const group = GROUPS[family as keyof typeof PROTEST_TEXT_FAMILIES];
      for (const catalogue of Object.values(LANGUAGES)) {
        const keys = Object.keys(at(catalogue, group) as object).map((key) =>
          key.replace(/_(one|other)$/, ''),
        );
        expect([...new Set(keys)].sort(), group.join('.')).toEqual(Object.keys(codes).sort());
      }
    }
  });
});
