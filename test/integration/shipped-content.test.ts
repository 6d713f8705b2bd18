// The one test that reads the live content folder: everything support teams publish passes the content module,
// exactly as `npm run check:content` and the build run it. Every other test uses fixtures.
import { describe, expect, it } from 'vitest';
import { checkContentFolder } from '../../src/content-io.ts';

describe('the shipped content', () => {
  it('passes every content rule', () => {
    expect(checkContentFolder().errors).toEqual([]);
  });
});
