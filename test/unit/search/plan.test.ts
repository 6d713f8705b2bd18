import { describe, expect, it } from 'vitest';
import { planSearch } from '../../../src/lib/search/plan.ts';
import { lexicon } from './fixtures.ts';

const plan = (text: string) => planSearch(text, lexicon);
const queries = (text: string, kind?: string) =>
  plan(text)
    .relaxed.filter((s) => !kind || s.kind === kind)
    .map((s) => s.query);

describe('planSearch', () => {
  it('keeps the meaningful words as the full query', () => {
    expect(plan('emails with my voicemail messages coming anymore').full).toBe('emails voicemail messages coming');
    expect(plan('phone keeps dropping again').full).toBe('phone dropping');
    expect(plan('phone   phone PHONE').terms).toEqual(['phone']);
  });

  it('keeps a negative contraction as the index holds it in the full query, not in the relaxed ones', () => {
    for (const typed of ["Phone won't register", 'phone wont register', 'phone won’t register']) {
      expect(plan(typed).full, typed).toBe('phone wont register');
    }
    expect(plan('cannot dial').full).toBe('cant dial');
    expect(queries("phone won't register")).toEqual(['phone register', 'phone', 'register']);
  });

  it('keeps star codes and country codes, drops lone letters', () => {
    expect(plan('*67').full).toBe('*67');
    expect(plan('+1 212').full).toBe('+1 212');
    expect(plan('a b c echo').full).toBe('echo');
  });

  it('puts a code written anywhere first, with its page, and searches it by its exact name', () => {
    const p = plan('calls fail with SIP 488 as soon as they are answered');
    expect(p.codes).toEqual([
      {
        ref: { kind: 'sip', code: 488 },
        url: '/codes/sip/488/',
        label: 'SIP 488 Not Acceptable Here',
        query: '488 Not Acceptable Here',
      },
    ]);
    expect(p.full).toBe('calls fail soon answered');
    expect(plan("SIP 488 can't call").full).toBe('cant call');
    expect(queries('calls fail with SIP 488', 'code')).toEqual(['488 not acceptable here']);
    expect(plan('hangup cause 34 to france').codes.map((c) => c.url)).toEqual(['/codes/q850/34/']);
    expect(queries('hangup cause 34', 'code')).toEqual(['normal_circuit_congestion']);
    expect(plan('403 Forbidden')).toMatchObject({ full: '', terms: [] });
  });

  it('searches nothing for a number that only starts a code', () => {
    const p = plan('40');
    expect(p).toMatchObject({ codes: [], terms: [], full: '', relaxed: [] });
    expect(plan('calls drop after 30 seconds').terms).toEqual(['calls', 'drop', '30', 'seconds']);
  });

  it('expands the synonym phrases a sentence contains, whatever the apostrophes, order or tense', () => {
    expect(queries("the other side can't hear anything I say", 'synonym')).toEqual(['one-way audio']);
    expect(queries('the other side cant hear anything i say', 'synonym')).toEqual(['one-way audio']);
    expect(queries('they cannot hear me at all', 'synonym')).toEqual(['one-way audio']);
    expect(queries('our business name doesnt appear when we ring clients', 'synonym')).toEqual([
      'caller id name',
      'cnam',
    ]);
    expect(queries('calls keep ending on their own in the middle', 'synonym')).toEqual(['dropped calls']);
    expect(queries('we want to bring our existing numbers over', 'synonym')).toEqual(['port']);
    expect(queries('desk phone goes offline a few times an hour', 'synonym')).toEqual(['registers then drops']);
  });

  it('needs every meaningful word of a phrase, and its negation', () => {
    expect(queries('I can hear anything you say', 'synonym')).toEqual([]);
    expect(queries('business name', 'synonym')).toEqual([]);
    expect(queries('calls', 'synonym')).toEqual([]);
  });

  it('relaxes to word pairs and single words, strongest first', () => {
    const p = plan('desk phone goes offline');
    expect(p.relaxed.map((s) => [s.kind, s.query])).toEqual([
      ['synonym', 'registers then drops'],
      ['pair', 'desk phone'],
      ['pair', 'phone offline'],
      ['term', 'desk'],
      ['term', 'phone'],
      ['term', 'offline'],
    ]);
    const weights = p.relaxed.map((s) => s.weight);
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
  });

  it('plans nothing for filler only', () => {
    expect(plan('how do I')).toMatchObject({ full: '', relaxed: [], codes: [] });
    expect(plan('')).toMatchObject({ full: '', relaxed: [], codes: [] });
  });
});
