import { describe, expect, it } from 'vitest';
import { MODULE_IDS } from '../../domain/navigation/modules.ts';
import { ENTITY_TYPES } from '../../domain/organisations/entity-types.ts';
import enCore from './en/core.json' with { type: 'json' };
import enFeatures from './en/features.json' with { type: 'json' };
import esCore from './es/core.json' with { type: 'json' };
import esFeatures from './es/features.json' with { type: 'json' };

const en = { ...enCore, ...enFeatures };
const es = { ...esCore, ...esFeatures };

/** "a.b.c" → string for every leaf of a catalogue. */
function leaves(catalogue: unknown, prefix = ''): Map<string, string> {
  const found = new Map<string, string>();
  if (catalogue && typeof catalogue === 'object') {
    for (const [key, value] of Object.entries(catalogue)) {
      const path = prefix ? `${prefix}.${key}` : key;
      if (typeof value === 'string') {
        found.set(path, value);
      } else {
        for (const [leaf, text] of leaves(value, path)) {
          found.set(leaf, text);
        }
      }
    }
  }
  return found;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('translation catalogues', () => {
  it('split each language the same way into core and feature groups, with no group in both', () => {
    expect(Object.keys(esCore).sort()).toEqual(Object.keys(enCore).sort());
    expect(Object.keys(esFeatures).sort()).toEqual(Object.keys(enFeatures).sort());
    const core = new Set(Object.keys(enCore));
    expect(Object.keys(enFeatures).filter((group) => core.has(group))).toEqual([]);
  });

  it('keep in core what the first page shows before any screen loads', () => {
    // The shell, home, sign-in and error pages (router.tsx imports them eagerly).
    for (const group of ['app', 'nav', 'header', 'footer', 'home', 'modules', 'signIn', 'errors']) {
      expect(Object.keys(enCore), group).toContain(group);
    }
  });

  const english = leaves(en);
  const spanish = leaves(es);

  it('have the same keys in English and Spanish', () => {
    expect([...spanish.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('have no empty strings and the same placeholders in both languages', () => {
    for (const [key, text] of english) {
      const translated = spanish.get(key) ?? '';
      expect(text.trim(), key).not.toBe('');
      expect(translated.trim(), key).not.toBe('');
      expect(placeholders(translated), key).toEqual(placeholders(text));
    }
  });

  it('translate the prose into Spanish rather than copying the English', () => {
    // Names that are the same in both languages on purpose.
    const sameOnPurpose = new Set([
      'app.name',
      'app.documentTitle',
      'language.names.en',
      'language.names.es',
      // Identifier acronyms CBP uses in both languages; "Provisional" and "No" are the same
      // words in Spanish; an arrow and a Federal Register citation are not prose.
      'registry.identifierKinds.ein.label',
      'registry.identifierKinds.scac.label',
      'registry.clocks.provisional',
      'registry.history.change',
      'registry.eligibility.no',
      'pilot.about.noticeLink',
      'pilot.status.provisional',
      'mra.programs.provisional',
      'mra.programs.form.provisional',
      'profileReview.criteria.provisional',
      'profileReview.review.by',
    ]);
    for (const [key, text] of english) {
      if (!sameOnPurpose.has(key)) {
        expect(spanish.get(key), key).not.toBe(text);
      }
    }
  });

  it('name every entity type and module', () => {
    for (const type of ENTITY_TYPES) {
      expect(english.has(`entityTypes.${type}`), type).toBe(true);
    }
    for (const id of MODULE_IDS) {
      expect(english.has(`modules.${id}.name`), id).toBe(true);
      expect(english.has(`modules.${id}.summary`), id).toBe(true);
    }
  });
});
