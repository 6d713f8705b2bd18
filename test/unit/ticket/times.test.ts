import { describe, expect, it } from 'vitest';
import { formatTimeIn } from '../../../src/lib/ticket/times.ts';

describe('formatTimeIn', () => {
  it('writes one instant in the zone asked for', () => {
    expect(formatTimeIn('2026-11-24T19:00:00Z', 'America/New_York')).toBe('Tue 24 Nov 2026, 14:00 EST');
    expect(formatTimeIn('2026-11-24T19:00:00Z', 'Europe/Berlin')).toBe('Tue 24 Nov 2026, 20:00 GMT+1');
    expect(formatTimeIn('2026-11-24T14:00:00-05:00', 'Asia/Tokyo')).toBe('Wed 25 Nov 2026, 04:00 GMT+9');
  });

  it('follows daylight saving time', () => {
    expect(formatTimeIn('2026-07-01T13:00:00Z', 'America/New_York')).toBe('Wed 1 Jul 2026, 09:00 EDT');
  });
});
