import { describe, expect, it } from 'vitest';
import { isTimeZone } from '../../src/lib/time-zone.ts';

describe('isTimeZone', () => {
  it('accepts IANA names, aliases included, however often asked', () => {
    for (let i = 0; i < 3; i++) {
      expect(['America/Chicago', 'Europe/London', 'UTC', 'US/Central', 'Asia/Calcutta'].map(isTimeZone)).toEqual([
        true,
        true,
        true,
        true,
        true,
      ]);
    }
  });

  it('refuses names that are not zones, however often asked', () => {
    for (let i = 0; i < 3; i++) {
      expect(['Fantasia/Castle', 'America/Chicago ', '../etc/passwd', '', 'Central Time'].map(isTimeZone)).toEqual([
        false,
        false,
        false,
        false,
        false,
      ]);
    }
  });
});
