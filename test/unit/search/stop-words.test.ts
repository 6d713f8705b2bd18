import { describe, expect, it } from 'vitest';
import { fillerWords, functionWords, isStopWord, negations, stopWords } from '../../../src/lib/search/stop-words.ts';
import { tokenize } from '../../../src/lib/search/normalise.ts';

describe('stop words', () => {
  it('drops the filler customers wrap a problem in', () => {
    for (const word of ['my', 'the', 'keep', 'keeps', 'anymore', 'existing', 'again', 'how', 'do', 'please']) {
      expect(isStopWord(word), word).toBe(true);
    }
    const meaningful = tokenize('my calls keep dropping anymore').filter((w) => !isStopWord(w));
    expect(meaningful).toEqual(['calls', 'dropping']);
  });

  it('keeps the words that name a problem or a feature', () => {
    const domain = ['hold', 'drop', 'ring', 'forward', 'busy', 'transfer', 'call', 'calls', 'phone', 'hear'];
    const more = ['stopped', 'fail', 'wrong', 'echo', 'voicemail', 'fax', 'number', 'port', 'line', 'cut', 'hang'];
    for (const word of [...domain, ...more]) expect(isStopWord(word), word).toBe(false);
  });

  it('lists negations as stop words for search, and separately for synonym phrases', () => {
    for (const word of negations) expect(stopWords.has(word), word).toBe(true);
    expect(negations.has('not')).toBe(true);
  });

  it('tells grammar from filler: synonym phrases keep filler ("keep my number", "phones are down")', () => {
    expect(functionWords.has('my')).toBe(true);
    expect(fillerWords.has('keep')).toBe(true);
    expect(fillerWords.has('down')).toBe(true);
    expect([...functionWords].filter((w) => fillerWords.has(w))).toEqual([]);
  });

  it('holds only normalised single words (what tokenize produces)', () => {
    for (const word of stopWords) expect(tokenize(word), word).toEqual([word]);
  });
});
