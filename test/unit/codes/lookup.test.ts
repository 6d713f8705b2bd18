import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { codeSearchTerms, findCodes } from '../../../src/lib/codes/lookup.ts';
import { formatCodeRef, refOf } from '../../../src/lib/codes/refs.ts';
import { validateCodesText } from '../../../src/lib/codes/validate.ts';

const CODES = 'test/fixtures/codes/codes.json';
const result = validateCodesText(readFileSync(CODES, 'utf8'), CODES);
if (!result.ok) throw new Error(result.errors.join('\n'));
const codes = result.codes;
const found = (query: string) => findCodes(codes, query).map((entry) => formatCodeRef(refOf(entry)));

describe('findCodes', () => {
  it('finds a code by its number', () => {
    expect(found('403')[0]).toBe('SIP 403');
    expect(found('3')).toEqual(['Q850 3']);
    expect(found('127')).toEqual(['Q850 127']);
  });

  it('finds a code by number and kind', () => {
    expect(found('SIP 486')).toEqual(['SIP 486']);
    expect(found('Q.850 17')).toEqual(['Q850 17']);
    expect(found('cause 3')).toEqual(['Q850 3']);
    expect(found('sip 3')).toEqual([]);
  });

  it('finds a hangup cause by its name, however it is written', () => {
    expect(found('NO_ROUTE_DESTINATION')).toEqual(['Q850 3']);
    expect(found('no route destination')).toEqual(['Q850 3']);
    expect(found('interworking')).toEqual(['Q850 127']);
  });

  it('finds a SIP code by its phrase', () => {
    expect(found('403 Forbidden')).toEqual(['SIP 403']);
    expect(found('Not Acceptable Here')).toEqual(['SIP 488']);
    expect(found('busy')).toEqual(['SIP 486', 'Q850 17']);
  });

  it('finds nothing for an empty or unrelated query', () => {
    expect(found('')).toEqual([]);
    expect(found('  ')).toEqual([]);
    expect(found('voicemail')).toEqual([]);
    expect(found('999')).toEqual([]);
  });
});

describe('codeSearchTerms', () => {
  it('holds the forms customers type', () => {
    const sip403 = codes.sip.find((e) => e.code === 403)!;
    expect(codeSearchTerms(sip403)).toEqual(expect.arrayContaining(['SIP 403', '403 Forbidden']));
    const cause3 = codes.q850.find((e) => e.cause === 3)!;
    expect(codeSearchTerms(cause3)).toEqual(
      expect.arrayContaining(['NO_ROUTE_DESTINATION', 'Q850 3', 'no route destination']),
    );
  });
});
