import { describe, expect, it } from 'vitest';
import { findCodeMentions, isCodePrefix } from '../../../src/lib/codes/lookup.ts';
import { formatCodeRef } from '../../../src/lib/codes/refs.ts';
import { codes } from './fixtures.ts';

const found = (text: string) => findCodeMentions(codes, text).map((m) => formatCodeRef(m.ref));

describe('findCodeMentions', () => {
  it('finds a SIP code written with its family, its phrase, as an error, or alone', () => {
    expect(found('SIP 403')).toEqual(['SIP 403']);
    expect(found('sip/2.0 403')).toEqual(['SIP 403']);
    expect(found('403 Forbidden')).toEqual(['SIP 403']);
    expect(found('getting error 486 when people call')).toEqual(['SIP 486']);
    expect(found('403')).toEqual(['SIP 403']);
    expect(found('calls fail with SIP 488 as they are answered')).toEqual(['SIP 488']);
    expect(found('pbx says not acceptable here')).toEqual(['SIP 488']);
  });

  it('finds a Q.850 cause by number with its context, or by name', () => {
    expect(found('cause 34')).toEqual(['Q850 34']);
    expect(found('hangup cause 34 on every call')).toEqual(['Q850 34']);
    expect(found('Q.850 16')).toEqual(['Q850 16']);
    expect(found('q850 cause 16 in the log')).toEqual(['Q850 16']);
    expect(found('q.850 cause code 1')).toEqual(['Q850 1']);
    expect(found('error 34')).toEqual(['Q850 34']);
    expect(found('getting NO_ROUTE_DESTINATION on all calls')).toEqual(['Q850 3']);
    expect(found('no_route_destination')).toEqual(['Q850 3']);
    expect(found('cdr says normal circuit congestion')).toEqual(['Q850 34']);
    expect(found('INTERWORKING')).toEqual(['Q850 127']);
  });

  it('finds several codes, in the order written, each once', () => {
    expect(found('SIP 403 then cause 3, then 403 again')).toEqual(['SIP 403', 'Q850 3']);
    expect(found('404 or USER_BUSY')).toEqual(['SIP 404', 'Q850 17']);
  });

  it('reports where each code was written, the reason phrase included', () => {
    const text = 'we see 403 Forbidden on calls';
    const [mention] = findCodeMentions(codes, text);
    expect(text.slice(mention!.start, mention!.end)).toBe('403 Forbidden');
  });

  it('matches exactly: a prefix, an unknown code or a bare cause number names nothing', () => {
    expect(found('40')).toEqual([]);
    expect(found('4')).toEqual([]);
    expect(found('SIP 999')).toEqual([]);
    expect(found('cause 99')).toEqual([]);
    expect(found('we have 3 phones')).toEqual([]);
    expect(found('calls drop after 30 seconds')).toEqual([]);
    expect(found('4030')).toEqual([]);
  });

  it('does not take everyday words or phone numbers for codes', () => {
    expect(found('callers get a busy signal')).toEqual([]);
    expect(found('no answer when I call')).toEqual([]);
    expect(found('not found')).toEqual([]);
    expect(found('interworking')).toEqual([]);
    expect(found('call +1 404 555 0100')).toEqual([]);
    expect(found('call 404-555-0100')).toEqual([]);
    expect(found('call (404) 555-0100')).toEqual([]);
    expect(found('')).toEqual([]);
  });
});

describe('isCodePrefix', () => {
  it('is true for a number that starts a code, so it is not searched on its own', () => {
    expect(isCodePrefix(codes, '40')).toBe(true);
    expect(isCodePrefix(codes, '4')).toBe(true);
    expect(isCodePrefix(codes, '12')).toBe(true);
    expect(isCodePrefix(codes, '30')).toBe(false);
    expect(isCodePrefix(codes, '911')).toBe(false);
    expect(isCodePrefix(codes, '+1')).toBe(false);
    expect(isCodePrefix(codes, 'wifi')).toBe(false);
  });
});
