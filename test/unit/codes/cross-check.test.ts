import { describe, expect, it } from 'vitest';
import { checkCodesText, crossCheckCodes, type ArticleCodes } from '../../../src/lib/codes/cross-check.ts';
import type { CodeReference } from '../../../src/lib/codes/schema.ts';

const explained = { meaning: 'Plain words here.', likelyCauses: ['A likely cause.'], whatToDo: 'What to do next.' };

function reference(sip403: string[], q850_3: string[]): CodeReference {
  return {
    sip: [{ code: 403, phrase: 'Forbidden', ...explained, articles: sip403 }],
    q850: [{ cause: 3, name: 'NO_ROUTE_DESTINATION', ...explained, articles: q850_3 }],
  };
}

const DIR = 'site-content/articles';
const CODES = 'site-content/codes.json';
const fileOf = (id: string) => `${DIR}/${id}.mdx`;
const register: ArticleCodes = {
  id: 'registration/phone-wont-register',
  file: fileOf('registration/phone-wont-register'),
  codes: ['SIP 403'],
};
const outbound: ArticleCodes = {
  id: 'outbound-calls/cant-make-outbound-calls',
  file: fileOf('outbound-calls/cant-make-outbound-calls'),
  codes: ['SIP 403', 'Q850 3'],
};

describe('crossCheckCodes', () => {
  it('passes when codes and articles agree', () => {
    const codes = reference([register.id, outbound.id], [outbound.id]);
    expect(crossCheckCodes(codes, [register, outbound], CODES, DIR)).toEqual([]);
  });

  it('catches a code pointing to a missing article', () => {
    const codes = reference([register.id, outbound.id, 'registration/no-such-article'], [outbound.id]);
    expect(crossCheckCodes(codes, [register, outbound], CODES, DIR)).toEqual([
      "site-content/codes.json: sip[0].articles[2]: no article 'registration/no-such-article' (expected site-content/articles/registration/no-such-article.mdx); fix the id or remove it",
    ]);
  });

  it('catches a code pointing to a draft article', () => {
    const codes = reference([register.id, outbound.id], [outbound.id]);
    const errors = crossCheckCodes(codes, [{ ...register, draft: true }, outbound], CODES, DIR);
    expect(errors).toEqual([
      "site-content/codes.json: sip[0].articles[0]: 'registration/phone-wont-register' is a draft, so the code page would link to a missing page; publish it or remove it",
    ]);
  });

  it('catches an article claiming a code the reference does not have', () => {
    const codes = reference([register.id, outbound.id], [outbound.id]);
    const errors = crossCheckCodes(codes, [{ ...register, codes: ['SIP 403', 'SIP 999'] }, outbound], CODES, DIR);
    expect(errors).toEqual([
      "site-content/articles/registration/phone-wont-register.mdx: codes[1]: 'SIP 999' is not in site-content/codes.json; add an entry for it there or remove it here",
    ]);
  });

  it('catches an article listing a code whose entry does not list the article', () => {
    const codes = reference([outbound.id], [outbound.id]);
    expect(crossCheckCodes(codes, [register, outbound], CODES, DIR)).toEqual([
      "site-content/articles/registration/phone-wont-register.mdx: codes[0]: lists 'SIP 403' but site-content/codes.json sip[0].articles does not list 'registration/phone-wont-register'; add it there or remove the code here",
    ]);
  });

  it('catches a code entry listing an article that does not list the code', () => {
    const codes = reference([register.id, outbound.id], [outbound.id, register.id]);
    expect(crossCheckCodes(codes, [register, outbound], CODES, DIR)).toEqual([
      "site-content/codes.json: q850[0].articles[1]: 'registration/phone-wont-register' does not list 'Q850 3' in its codes; add 'Q850 3' to the codes of site-content/articles/registration/phone-wont-register.mdx or remove 'registration/phone-wont-register' here",
    ]);
  });

  it('uses the file names it is given', () => {
    const codes = reference([outbound.id], [outbound.id]);
    const errors = crossCheckCodes(
      codes,
      [{ ...register, file: 'x/register.mdx' }, outbound],
      'fixtures/codes.json',
      DIR,
    );
    expect(errors).toEqual([
      "x/register.mdx: codes[0]: lists 'SIP 403' but fixtures/codes.json sip[0].articles does not list 'registration/phone-wont-register'; add it there or remove the code here",
    ]);
  });

  it('does not ask a draft to be listed, but still flags unknown codes in it', () => {
    const codes = reference([outbound.id], [outbound.id]);
    const draft: ArticleCodes = {
      id: 'fax/new-fax-guide',
      file: fileOf('fax/new-fax-guide'),
      codes: ['SIP 403', 'Q850 999'],
      draft: true,
    };
    expect(crossCheckCodes(codes, [outbound, draft], CODES, DIR)).toEqual([
      "site-content/articles/fax/new-fax-guide.mdx: codes[1]: 'Q850 999' is not in site-content/codes.json; add an entry for it there or remove it here",
    ]);
  });

  it('flags a malformed code reference', () => {
    const codes = reference([outbound.id], [outbound.id]);
    const errors = crossCheckCodes(
      codes,
      [outbound, { id: 'fax/x', file: fileOf('fax/x'), codes: ['403 Forbidden'] }],
      CODES,
      DIR,
    );
    expect(errors).toEqual([
      "site-content/articles/fax/x.mdx: codes[0]: '403 Forbidden' is not a code reference; write 'SIP 403' or 'Q850 3'",
    ]);
  });
});

describe('checkCodesText', () => {
  const agreeing = reference([register.id, outbound.id], [outbound.id]);

  it('returns the reference when the file is valid and agrees with the articles', () => {
    const result = checkCodesText(JSON.stringify(agreeing), CODES, [register, outbound], DIR);
    expect(result).toEqual({ ok: true, codes: agreeing });
  });

  it('reports schema errors first, without cross-checking a file it could not read', () => {
    const result = checkCodesText('{"sip": [], "q850": 3}', CODES, [register], DIR);
    expect(result.ok ? [] : result.errors).toEqual([expect.stringMatching(/^site-content\/codes\.json: q850: /)]);
  });

  it('reports the cross-check errors of a valid file', () => {
    const result = checkCodesText(JSON.stringify(agreeing), CODES, [register], DIR);
    expect(result.ok ? [] : result.errors).toEqual([
      expect.stringContaining("no article 'outbound-calls/cant-make-outbound-calls'"),
      expect.stringContaining("no article 'outbound-calls/cant-make-outbound-calls'"),
    ]);
  });
});
