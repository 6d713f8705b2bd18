import { describe, expect, it } from 'vitest';
import { validateCodesText } from '../../../src/lib/codes/validate.ts';

const file = 'site-content/codes.json';
const sip = (code: number, extra: object = {}) => ({
  code,
  phrase: 'Forbidden',
  meaning: 'The server refused the request.',
  likelyCauses: ['The password is wrong.'],
  whatToDo: 'Enter the password again.',
  articles: ['registration/phone-wont-register'],
  ...extra,
});
const q850 = (cause: number, name: string) => ({
  cause,
  name,
  meaning: 'No route to the destination.',
  likelyCauses: ['A carrier route is down.'],
  whatToDo: 'Open a ticket with examples.',
  articles: ['outbound-calls/cant-make-outbound-calls'],
});
const text = (value: unknown) => JSON.stringify(value, null, 2);

describe('validateCodesText', () => {
  it('accepts a well-formed reference', () => {
    const result = validateCodesText(
      text({ $schema: './x.json', sip: [sip(403)], q850: [q850(3, 'NO_ROUTE_DESTINATION')] }),
      file,
    );
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.codes.sip[0]?.code).toBe(403);
  });

  it('reports a JSON syntax error with line and column', () => {
    const result = validateCodesText('{\n  "sip": [,]\n}', file);
    expect(result).toMatchObject({
      ok: false,
      errors: [expect.stringMatching(/^site-content\/codes\.json: invalid JSON at line 2, column \d+/)],
    });
  });

  it('names the file, the JSON path and the fix for a bad field', () => {
    const result = validateCodesText(
      text({ sip: [sip(403), sip(999, { articles: ['Phone Wont Register'] })], q850: [] }),
      file,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toContain('site-content/codes.json: sip[1].code: a SIP response code is between 100 and 699');
    expect(result.errors).toContain(
      "site-content/codes.json: sip[1].articles[0]: write an article as '<category>/<slug>', e.g. 'registration/phone-wont-register'",
    );
  });

  it('requires at least one playbook per code and rejects unknown fields', () => {
    const result = validateCodesText(text({ sip: [sip(403, { articles: [], colour: 'red' })], q850: [] }), file);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toContain(
      'site-content/codes.json: sip[0].articles: link at least one playbook that fixes it',
    );
    expect(result.errors.some((e) => e.startsWith('site-content/codes.json: sip[0]: ') && e.includes('colour'))).toBe(
      true,
    );
  });

  it('rejects a lower-case hangup cause name', () => {
    const result = validateCodesText(text({ sip: [], q850: [q850(3, 'no_route')] }), file);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors[0]).toMatch(
        /^site-content\/codes\.json: q850\[0\]\.name: write the hangup cause name in capitals/,
      );
  });

  it('rejects duplicate codes, names and articles', () => {
    const result = validateCodesText(
      text({
        sip: [sip(403), sip(403, { articles: ['a/b', 'a/b'] })],
        q850: [q850(3, 'NO_ROUTE_DESTINATION'), q850(3, 'NO_ROUTE_DESTINATION')],
      }),
      file,
    );
    expect(result).toMatchObject({
      ok: false,
      errors: [
        'site-content/codes.json: sip[1].code: 403 is already listed at sip[0]; merge the two entries',
        "site-content/codes.json: sip[1].articles[1]: 'a/b' is already listed at articles[0]; remove one",
        'site-content/codes.json: q850[1].cause: 3 is already listed at q850[0]; merge the two entries',
        'site-content/codes.json: q850[1].name: NO_ROUTE_DESTINATION is already the name of q850[0]; each cause has its own name',
      ],
    });
  });
});
