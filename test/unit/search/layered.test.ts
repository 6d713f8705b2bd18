import { describe, expect, it } from 'vitest';
import {
  fuseLayered,
  layeredTuning,
  matchLevel,
  rankingsFor,
  subQueriesToRun,
  type ResultRef,
} from '../../../src/lib/search/layered.ts';
import { planSearch } from '../../../src/lib/search/plan.ts';
import { lexicon } from './fixtures.ts';

const refs = (...ids: string[]): ResultRef[] => ids.map((id) => ({ id, metaMatch: false }));

describe('subQueriesToRun', () => {
  const plan = planSearch('desk phone goes offline', lexicon);

  it('runs every relaxed sub-query when the full query found fewer than a handful', () => {
    expect(subQueriesToRun(plan, 0)).toEqual(plan.relaxed);
    expect(subQueriesToRun(plan, layeredTuning.handful - 1)).toEqual(plan.relaxed);
  });

  it('runs only the named codes and the strong synonym phrases when the full query found enough', () => {
    // 'goes offline' holds 2 words of its phrase: it waits with the words and pairs.
    expect(subQueriesToRun(plan, layeredTuning.handful)).toEqual([]);
    // "can't hear anything I say" holds 4: its terms run whatever the full query found.
    const strong = planSearch("the other side can't hear anything I say", lexicon);
    expect(subQueriesToRun(strong, layeredTuning.handful).map((s) => s.query)).toEqual(['one-way audio']);
    const code = planSearch('SIP 403 on desk phone', lexicon);
    expect(subQueriesToRun(code, layeredTuning.handful).map((s) => s.query)).toEqual(['403 forbidden']);
    expect(subQueriesToRun(planSearch('echo', lexicon), 20)).toEqual([]);
  });
});

describe('synonym strength', () => {
  it('weighs a synonym by the words of its phrase the text holds, and wants a negated word negated', () => {
    const weights = (text: string) =>
      Object.fromEntries(
        planSearch(text, lexicon)
          .relaxed.filter((s) => s.kind === 'synonym')
          .map((s) => [s.query, s.weight]),
      );
    expect(weights("they can't hear anything I say")).toMatchObject({ 'one-way audio': 8 });
    expect(weights('we can hear them but they say nothing')).toEqual({});
  });
});

describe('rankingsFor', () => {
  it('weighs a word by how few pages it is on, and a synonym in full', () => {
    const plan = planSearch('desk phone goes offline', lexicon);
    const subQueries = plan.relaxed;
    const results = subQueries.map((s) =>
      s.query === 'phone' ? refs(...Array.from({ length: 100 }, (_, i) => `p${i}`)) : refs('a'),
    );
    const rankings = rankingsFor(refs('a'), subQueries, results, 100);
    expect(rankings[0]!.weight).toBe(layeredTuning.fullWeight);
    const weightOf = (query: string) => rankings[subQueries.findIndex((s) => s.query === query) + 1]!.weight;
    expect(weightOf('registers then drops')).toBe(4);
    expect(weightOf('phone')).toBeLessThan(weightOf('offline'));
  });

  it('leaves out empty lists and keeps which pages matched in their title or summary', () => {
    const plan = planSearch('echo', lexicon);
    expect(rankingsFor([], plan.relaxed, [[]], 100)).toEqual([]);
    const [ranking] = rankingsFor(
      [
        { id: 'a', metaMatch: true },
        { id: 'b', metaMatch: false },
      ],
      [],
      [],
      100,
    );
    expect([...ranking!.metaMatches!]).toEqual(['a']);
  });

  it('fuses so that the synonym decides between pages the words disagree on', () => {
    const plan = planSearch('desk phone goes offline a few times an hour', lexicon);
    const subQueries = subQueriesToRun(plan, 0);
    const results = subQueries.map((s, i) =>
      s.kind === 'synonym' || i % 2 === 0 ? refs('drops', 'other') : refs('other', 'drops'),
    );
    const fused = fuseLayered(rankingsFor([], subQueries, results, 100));
    expect(fused[0]!.id).toBe('drops');
  });
});

describe('fuseLayered', () => {
  it('leaves out pages far below the best, but never a pinned one', () => {
    const rankings = [
      { ids: ['best', 'weak'], weight: 4 },
      { ids: ['best'], weight: 4 },
      { ids: ['tail'], weight: 0.1 },
    ];
    expect(fuseLayered(rankings).map((f) => f.id)).toEqual(['best', 'weak']);
    expect(fuseLayered(rankings, ['tail']).map((f) => f.id)).toEqual(['tail', 'best', 'weak']);
  });
});

describe('matchLevel', () => {
  const plan = planSearch('calls ending on their own', lexicon);

  it('says whether pages hold every meaningful word, most of them, or nothing matched', () => {
    expect(matchLevel(plan, 3, 8)).toBe('all');
    expect(matchLevel(plan, 0, 8)).toBe('most');
    expect(matchLevel(plan, 0, 0)).toBe('none');
    expect(matchLevel(planSearch('SIP 403', lexicon), 0, 2)).toBe('all');
  });
});
