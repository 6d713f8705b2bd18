import { describe, expect, it } from 'vitest';
import { codeLabel, codeUrl, equivalentCodes, formatCodeRef, parseCodeRef } from '../../../src/lib/codes/refs.ts';
import type { CodeReference } from '../../../src/lib/codes/schema.ts';

const codes: CodeReference = {
  sip: [
    {
      code: 403,
      phrase: 'Forbidden',
      meaning: 'm'.repeat(10),
      likelyCauses: ['c'.repeat(10)],
      whatToDo: 'w'.repeat(10),
      articles: ['a/b'],
    },
  ],
  q850: [
    {
      cause: 3,
      name: 'NO_ROUTE_DESTINATION',
      meaning: 'm'.repeat(10),
      likelyCauses: ['c'.repeat(10)],
      whatToDo: 'w'.repeat(10),
      articles: ['a/b'],
    },
  ],
};

describe('parseCodeRef', () => {
  it('reads SIP codes and Q.850 causes as articles write them', () => {
    expect(parseCodeRef('SIP 403')).toEqual({ kind: 'sip', code: 403 });
    expect(parseCodeRef('Q850 3')).toEqual({ kind: 'q850', code: 3 });
    expect(parseCodeRef(' Q850 127 ')).toEqual({ kind: 'q850', code: 127 });
  });

  it('rejects anything else', () => {
    for (const text of ['403', 'sip 403', 'SIP403', 'Q.850 3', 'SIP 4031', 'ISDN 3', '']) {
      expect(parseCodeRef(text), text).toBeUndefined();
    }
  });
});

describe('codeUrl and labels', () => {
  it('gives the stable deep links', () => {
    expect(codeUrl('SIP 403')).toBe('/codes/sip/403/');
    expect(codeUrl({ kind: 'q850', code: 3 })).toBe('/codes/q850/3/');
    expect(() => codeUrl('Forbidden')).toThrow(/not a code reference/);
  });

  it('round-trips the frontmatter form', () => {
    expect(formatCodeRef(parseCodeRef('SIP 488')!)).toBe('SIP 488');
    expect(formatCodeRef({ kind: 'q850', code: 102 })).toBe('Q850 102');
  });

  it('labels a code with its phrase or name when the reference knows it', () => {
    expect(codeLabel('SIP 403', codes)).toBe('SIP 403 Forbidden');
    expect(codeLabel({ kind: 'q850', code: 3 }, codes)).toBe('Q.850 3 NO_ROUTE_DESTINATION');
    expect(codeLabel(codes.sip[0]!)).toBe('SIP 403 Forbidden');
    expect(codeLabel('SIP 486', codes)).toBe('SIP 486');
    expect(codeLabel('Q850 17')).toBe('Q.850 cause 17');
  });
});

describe('equivalentCodes', () => {
  const withEquivalents: CodeReference = {
    sip: codes.sip,
    q850: [
      { ...codes.q850[0]!, sipEquivalent: 404 },
      { ...codes.q850[0]!, cause: 21, name: 'CALL_REJECTED', sipEquivalent: 403 },
      { ...codes.q850[0]!, cause: 16, name: 'NORMAL_CLEARING' },
    ],
  };

  it('lists the Q.850 causes that map to a SIP code', () => {
    expect(equivalentCodes(withEquivalents, codes.sip[0]!).map((e) => codeLabel(e))).toEqual([
      'Q.850 21 CALL_REJECTED',
    ]);
  });

  it('gives the SIP code of a cause when the reference has it, and nothing otherwise', () => {
    const [noRoute, rejected, clearing] = withEquivalents.q850;
    expect(equivalentCodes(withEquivalents, rejected!)).toEqual([codes.sip[0]]);
    expect(equivalentCodes(withEquivalents, noRoute!)).toEqual([]);
    expect(equivalentCodes(withEquivalents, clearing!)).toEqual([]);
  });
});
