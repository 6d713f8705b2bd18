import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  fieldErrors,
  formatFieldErrors,
  formatPath,
  jsonLines,
  lineColumnAt,
  parseJson,
} from '../../src/lib/errors.ts';

describe('formatPath', () => {
  it('writes array indexes in brackets and keys with dots', () => {
    expect(formatPath(['incidents', 2, 'updates', 1, 'at'])).toBe('incidents[2].updates[1].at');
    expect(formatPath([0, 'title'])).toBe('[0].title');
    expect(formatPath([])).toBe('');
  });
});

describe('fieldErrors', () => {
  it('names every failing field', () => {
    const schema = z.object({ a: z.string(), b: z.array(z.number()) });
    const result = schema.safeParse({ a: 1, b: [1, 'x'] });
    expect(result.success).toBe(false);
    if (result.success) return;
    const errors = fieldErrors(result.error);
    expect(errors.map((e) => e.path)).toEqual(['a', 'b[1]']);
    expect(formatFieldErrors('f.json', errors)[0]).toMatch(/^f\.json: a: /);
  });
});

describe('parseJson', () => {
  it('reports line and column of a syntax error', () => {
    const result = parseJson('{\n  "a": 1,\n  "b": ]\n}');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toMatch(/line 3, column 8/);
  });
  it('parses valid JSON', () => {
    expect(parseJson('{"a":[1]}')).toEqual({ ok: true, value: { a: [1] } });
  });
  it('computes line and column from an offset', () => {
    expect(lineColumnAt('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
});

describe('jsonLines', () => {
  const text = '{\n  "sip": [\n    { "code": 403 },\n    {\n      "code": 999\n    }\n  ]\n}\n';

  it('puts each problem at the line of the value at fault, or of the object that lacks it', () => {
    const problems = jsonLines(text, [
      { file: 'codes.json', message: 'sip[1].code: too high', at: ['sip', 1, 'code'] },
      { file: 'codes.json', message: 'sip[1].phrase: is missing', at: ['sip', 1, 'phrase'] },
      { file: 'codes.json', message: 'a whole-file problem' },
    ]);
    expect(problems.map((p) => p.line)).toEqual([5, 4, undefined]);
  });
});
