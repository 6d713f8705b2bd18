import { describe, expect, it } from 'vitest';
import { telHref } from '../../src/lib/links/tel.ts';

describe('telHref', () => {
  it('keeps the digits and the plus a dialler needs', () => {
    expect(telHref('+1 (555) 010-0199')).toBe('tel:+15550100199');
    expect(telHref('555.010.0142')).toBe('tel:5550100142');
  });
});
