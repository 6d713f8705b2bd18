import { describe, expect, it } from 'vitest';
import { fuseRankings, specificity } from '../../../src/lib/search/fuse.ts';

const ids = (fused: { id: string }[]) => fused.map((f) => f.id);

describe('fuseRankings', () => {
  it('scores a page by the sum of weight / (k + rank) over the lists it is in', () => {
    const fused = fuseRankings(
      [
        { ids: ['a', 'b'], weight: 1 },
        { ids: ['b', 'c'], weight: 2 },
      ],
      { k: 60 },
    );
    expect(ids(fused)).toEqual(['b', 'c', 'a']);
    expect(fused[0]!.score).toBeCloseTo(1 / 62 + 2 / 61);
    expect(fused[0]!.lists).toBe(2);
  });

  it('favours a page found by more of the sub-queries over one ranked first by one', () => {
    const fused = fuseRankings([
      { ids: ['top-once', 'both'], weight: 1 },
      { ids: ['other', 'both'], weight: 1 },
      { ids: ['x', 'both'], weight: 1 },
    ]);
    expect(ids(fused)[0]).toBe('both');
  });

  it('favours a page whose title or summary matched', () => {
    const plain = fuseRankings([{ ids: ['a', 'b'], weight: 1 }]);
    expect(ids(plain)).toEqual(['a', 'b']);
    const boosted = fuseRankings([{ ids: ['a', 'b'], weight: 1, metaMatches: new Set(['b']) }], { k: 1, metaBoost: 1 });
    expect(ids(boosted)).toEqual(['b', 'a']);
  });

  it('puts pinned pages first, in their order', () => {
    const fused = fuseRankings([{ ids: ['a', 'b', 'c'], weight: 1 }], { pinned: ['c', 'b'] });
    expect(ids(fused)).toEqual(['c', 'b', 'a']);
  });

  it('is empty for no lists', () => {
    expect(fuseRankings([])).toEqual([]);
    expect(fuseRankings([{ ids: [], weight: 1 }])).toEqual([]);
  });
});

describe('specificity', () => {
  it('is 1 for a word on one page and small for a word on every page', () => {
    expect(specificity(1, 100)).toBeCloseTo(1);
    expect(specificity(100, 100)).toBeLessThan(0.2);
    expect(specificity(5, 100)).toBeGreaterThan(specificity(50, 100));
    expect(specificity(0, 100)).toBe(1);
  });
});
