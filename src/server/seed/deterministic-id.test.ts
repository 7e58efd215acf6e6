import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { deterministicUuid } from './deterministic-id.ts';

describe(deterministicUuid.name, () => {
  it('is the same on every run for the same key', () => {
    expect(deterministicUuid('member/great-lakes-home-goods')).toBe(
      deterministicUuid('member/great-lakes-home-goods'),
    );
  });

  it('is a valid RFC 9562 version-8 UUID for any key', () => {
    fc.assert(
      fc.property(fc.string(), (key) => {
        const id = deterministicUuid(key);
        expect(z.uuid().safeParse(id).success).toBe(true);
        expect(id.charAt(14)).toBe('8');
      }),
    );
  });

  it('differs for different keys', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        fc.pre(a !== b);
        expect(deterministicUuid(a)).not.toBe(deterministicUuid(b));
      }),
    );
  });
});
