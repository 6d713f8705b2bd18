import { describe, expect, it } from 'vitest';
import { relativeTime } from '../../../src/lib/status/relative.ts';

describe('relativeTime (the status page script)', () => {
  const now = '2026-11-24T12:00:00Z';

  it('uses the largest unit that fits, past and future', () => {
    expect(relativeTime('2026-11-24T11:59:40Z', now, 'en')).toBe('now');
    expect(relativeTime('2026-11-24T11:15:00Z', now, 'en')).toBe('45 minutes ago');
    expect(relativeTime('2026-11-24T08:38:00Z', now, 'en')).toBe('3 hours ago');
    expect(relativeTime('2026-11-23T10:00:00Z', now, 'en')).toBe('yesterday');
    expect(relativeTime('2026-12-01T06:00:00Z', now, 'en')).toBe('in 6 days');
    expect(relativeTime('2026-09-15T11:52:00Z', now, 'en')).toBe('2 months ago');
  });

  it("speaks the reader's language", () => {
    expect(relativeTime('2026-11-24T09:00:00Z', now, 'de')).toBe('vor 3 Stunden');
  });
});
