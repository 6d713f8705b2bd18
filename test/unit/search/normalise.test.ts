import { describe, expect, it } from 'vitest';
import { negativeContractions, normalise, stem, tokenize } from '../../../src/lib/search/normalise.ts';

describe('normalise', () => {
  it('lower-cases and turns punctuation into spaces', () => {
    expect(normalise('Phone says: "No Service"!!')).toBe('phone says no service');
    expect(normalise('  calls,drop...again  ')).toBe('calls drop again');
  });

  it('writes out contractions the same way with or without the apostrophe, straight or curly', () => {
    const forms = ["can't", 'cant', 'can’t', 'cannot', 'CAN‘T'];
    for (const form of forms) expect(normalise(`I ${form} hear`), form).toBe('i can not hear');
    expect(normalise("won't")).toBe(normalise('wont'));
    expect(normalise('wont')).toBe('will not');
    expect(normalise("doesn't")).toBe('does not');
    expect(normalise('doesnt')).toBe('does not');
    expect(normalise("isn't aren't")).toBe('is not are not');
    expect(normalise('isnt arent didnt dont')).toBe('is not are not did not do not');
    expect(normalise("I'm")).toBe('i am');
    expect(normalise('im')).toBe('i am');
  });

  it('writes negative contractions as the index holds them, when asked', () => {
    const index = (text: string) => normalise(text, { contractions: 'index' });
    expect(index("I can't hear, it won't ring")).toBe('i cant hear it wont ring');
    expect(index('cant wont doesnt cannot')).toBe('cant wont doesnt cant');
    expect(index("I'm sure we're fine")).toBe('i am sure we are fine');
    expect(negativeContractions.has('wont')).toBe(true);
    expect(negativeContractions.has('were')).toBe(false);
  });

  it('leaves real words that look like contractions alone', () => {
    expect(normalise('caller id')).toBe('caller id');
    expect(normalise('we were on hold')).toBe('we were on hold');
    expect(normalise('works well')).toBe('works well');
    expect(normalise('its')).toBe('its');
  });

  it('drops possessives and quotes but keeps star codes, country codes, DTMF and hyphenated words', () => {
    expect(normalise("the company's number")).toBe('the company number');
    expect(normalise("'quoted' words")).toBe('quoted words');
    expect(normalise('dial *67 then +1 212, press #')).toBe('dial *67 then +1 212 press #');
    expect(normalise('One-way audio on Wi‑Fi')).toBe('one-way audio on wi-fi');
  });

  it('splits into words', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize('  ')).toEqual([]);
    expect(tokenize("Phone won't register")).toEqual(['phone', 'will', 'not', 'register']);
  });
});

describe('stem', () => {
  it('compares tense and plural forms equal', () => {
    expect(stem('dropped')).toBe(stem('drop'));
    expect(stem('drops')).toBe(stem('drop'));
    expect(stem('ringing')).toBe(stem('ring'));
    expect(stem('rings')).toBe(stem('ring'));
    expect(stem('arriving')).toBe(stem('arrive'));
    expect(stem('ending')).toBe(stem('end'));
    expect(stem('faxes')).toBe(stem('fax'));
    expect(stem('one-way')).toBe(stem('oneway'));
  });

  it('keeps short words and numbers as they are', () => {
    expect(stem('sip')).toBe('sip');
    expect(stem('10dlc')).toBe('10dlc');
    expect(stem('pass')).toBe('pass');
  });
});
