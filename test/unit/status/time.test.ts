import { describe, expect, it } from 'vitest';
import { parseInstantArgument } from '../../../src/lib/status/time.ts';

describe('parseInstantArgument', () => {
  it('normalises ISO 8601 instants with an offset to UTC', () => {
    expect(parseInstantArgument('2026-11-20T15:00Z')).toBe('2026-11-20T15:00:00Z');
    expect(parseInstantArgument('2026-11-20T15:00:00+01')).toBe('2026-11-20T14:00:00Z');
    expect(parseInstantArgument('2026-11-20T15:00:00-05:00')).toBe('2026-11-20T20:00:00Z');
  });

  it('refuses instants without an offset, dates alone and nonsense', () => {
    expect(parseInstantArgument('2026-11-20T15:00:00')).toBeUndefined();
    expect(parseInstantArgument('2026-11-20')).toBeUndefined();
    expect(parseInstantArgument('2026-13-40T15:00Z')).toBeUndefined();
    expect(parseInstantArgument('soon')).toBeUndefined();
  });
});
