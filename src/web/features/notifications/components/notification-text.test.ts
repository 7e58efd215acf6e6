import { describe, expect, it } from 'vitest';
import en from '../../../locales/en/features.json' with { type: 'json' };
import { notificationTextValues } from './notification-text.tsx';

describe('notification texts', () => {
  it('fill every parameter a text names, formatting instants, never count or context', () => {
    const values = notificationTextValues(
      {
        title: 'Seal procedure',
        expiresOn: '2026-12-20',
        daysLeft: '21',
        time: '2026-11-29T10:00:00Z',
        count: '5',
        context: 'male',
      },
      (iso) => `formatted ${iso}`,
    );
    expect(values).toEqual({
      title: 'Seal procedure',
      expiresOn: '2026-12-20',
      daysLeft: '21',
      time: 'formatted 2026-11-29T10:00:00Z',
    });
  });

  it('have a value for every placeholder the server sends for the texts that use them', () => {
    // Every placeholder in the English texts is a plain name: none is i18next's own.
    const placeholders = Object.values(en.notifications.kinds).flatMap((text) =>
      [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]),
    );
    expect(placeholders.length).toBeGreaterThan(0);
    expect(placeholders.filter((name) => name === 'count' || name === 'context')).toEqual([]);
  });
});
