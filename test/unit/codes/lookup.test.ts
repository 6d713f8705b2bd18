import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { codeSearchTerms } from '../../../src/lib/codes/lookup.ts';
import { validateCodesText } from '../../../src/lib/codes/validate.ts';

const CODES = 'test/fixtures/codes/codes.json';
const result = validateCodesText(readFileSync(CODES, 'utf8'), CODES);
if (!result.ok) throw new Error(result.errors.join('\n'));
const codes = result.codes;
// Finding codes in a customer's text (findCodeMentions) is tested in test/unit/search/codes.test.ts.

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
