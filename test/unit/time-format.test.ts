import { describe, expect, it } from 'vitest';
import { formatInstantIn } from '../../src/lib/time-format.ts';

describe('formatInstantIn', () => {
  it('writes one instant in the zone asked for', () => {
    expect(formatInstantIn('2026-11-24T19:00:00Z', 'America/New_York', 'day')).toBe('Tue 24 Nov 2026, 14:00 EST');
    expect(formatInstantIn('2026-11-24T19:00:00Z', 'Europe/Berlin', 'day')).toBe('Tue 24 Nov 2026, 20:00 GMT+1');
    expect(formatInstantIn('2026-11-24T14:00:00-05:00', 'Asia/Tokyo', 'day')).toBe('Wed 25 Nov 2026, 04:00 GMT+9');
  });

  it('follows daylight saving time', () => {
    expect(formatInstantIn('2026-07-01T13:00:00Z', 'America/New_York', 'day')).toBe('Wed 1 Jul 2026, 09:00 EDT');
  });

  it('has a long style for status pages and a compact one for tickets, from milliseconds or ISO', () => {
    const at = Date.parse('2026-11-25T04:38:00Z');
    expect(formatInstantIn(at, 'America/New_York')).toBe('24 Nov 2026, 23:38 EST');
    expect(formatInstantIn('2026-11-24T15:15:00Z', 'America/New_York', 'compact')).toBe('2026-11-24 10:15 EST');
  });
});
