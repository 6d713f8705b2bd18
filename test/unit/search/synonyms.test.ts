import { describe, expect, it } from 'vitest';
import { phraseKeys } from '../../../src/lib/search/phrases.ts';
import { synonymsJsonSchema, validateSynonymsText } from '../../../src/lib/search/synonyms.ts';

const file = 'site-content/search-synonyms.json';
const check = (value: unknown) => validateSynonymsText(JSON.stringify(value), file);

describe('validateSynonymsText', () => {
  it('accepts a table of phrases and terms', () => {
    const result = check({
      synonyms: [{ phrases: ["can't hear anything I say"], terms: ['one-way audio'], note: 'issue 9' }],
    });
    expect(result.ok).toBe(true);
  });

  it('says which file, path and fix for a broken entry', () => {
    const result = check({
      synonyms: [
        { phrases: [], terms: ['port'] },
        { phrase: 'x', terms: [] },
      ],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      `${file}: synonyms[0].phrases: list at least one phrase a customer types, e.g. "can't hear anything I say"`,
      `${file}: synonyms[1].phrases: list the phrases customers type, e.g. "phrases": ["keep my number"]`,
      `${file}: synonyms[1].terms: list at least one search the phrase stands for, e.g. "one-way audio"`,
      `${file}: synonyms[1]: unknown field "phrase": an entry has "phrases", "terms" and an optional "note"`,
    ]);
  });

  it('names the line and column of a JSON syntax error', () => {
    const result = validateSynonymsText('{\n  "synonyms": [,]\n}', file);
    expect(result).toMatchObject({ ok: false, errors: [`${file}: invalid JSON at line 2, column 16: ValueExpected`] });
  });

  it('rejects a phrase of filler words (it would match every search) and a term that finds nothing', () => {
    const result = check({ synonyms: [{ phrases: ['how do I'], terms: ['the'] }] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]).toMatch(
      /^site-content\/search-synonyms\.json: synonyms\[0\]\.phrases\[0\]: "how do I" has only filler words/,
    );
    expect(result.errors[1]).toMatch(
      /^site-content\/search-synonyms\.json: synonyms\[0\]\.terms\[0\]: "the" has only filler words/,
    );
  });

  it('rejects the same phrase in two entries', () => {
    const result = check({
      synonyms: [
        { phrases: ['keep my number'], terms: ['port'] },
        { phrases: ['keeping my numbers'], terms: ['transfer'] },
      ],
    });
    expect(result).toMatchObject({
      ok: false,
      errors: [
        `${file}: synonyms[1].phrases[0]: "keeping my numbers" means the same as synonyms[0].phrases[0]; remove one`,
      ],
    });
  });
});

describe('phraseKeys', () => {
  it('keeps all but grammar words, negations as "not", stemmed', () => {
    expect(phraseKeys("calls aren't ringing")).toEqual(['call', 'not', 'ring']);
    expect(phraseKeys('calls never ring')).toEqual(['call', 'not', 'ring']);
    expect(phraseKeys('keep my number')).toEqual(['keep', 'number']);
    expect(phraseKeys("can't hear anything I say")).toEqual(['not', 'hear', 'anyth', 'say']);
  });
});

describe('synonymsJsonSchema', () => {
  it('describes the file for editors', () => {
    const schema = synonymsJsonSchema() as { title: string; properties: Record<string, unknown> };
    expect(schema.title).toMatch(/search-synonyms\.json/);
    expect(Object.keys(schema.properties)).toEqual(['$schema', 'synonyms']);
  });
});
