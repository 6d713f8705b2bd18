// The real content/codes.json: valid, complete, in step with its JSON Schema and with the articles.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { crossCheckCodes } from '../../../src/lib/codes/cross-check.ts';
import { codesJsonSchemaFile, codesJsonSchemaText } from '../../../src/lib/codes/json-schema.ts';
import { validateCodesText } from '../../../src/lib/codes/validate.ts';
import { readArticles, repoRoot, stringList } from '../articles-content/read-articles.ts';

const text = readFileSync(`${repoRoot}content/codes.json`, 'utf8');
const result = validateCodesText(text, 'content/codes.json');

// The codes the playbook-library issue requires the reference to explain.
const requiredSip = [400, 401, 403, 404, 407, 408, 480, 481, 483, 484, 486, 487, 488, 500, 502, 503, 504, 603];
const requiredQ850: [number, string][] = [
  [1, 'UNALLOCATED_NUMBER'],
  [3, 'NO_ROUTE_DESTINATION'],
  [16, 'NORMAL_CLEARING'],
  [17, 'USER_BUSY'],
  [18, 'NO_USER_RESPONSE'],
  [19, 'NO_ANSWER'],
  [21, 'CALL_REJECTED'],
  [27, 'DESTINATION_OUT_OF_ORDER'],
  [28, 'INVALID_NUMBER_FORMAT'],
  [31, 'NORMAL_UNSPECIFIED'],
  [34, 'NORMAL_CIRCUIT_CONGESTION'],
  [38, 'NETWORK_OUT_OF_ORDER'],
  [41, 'NORMAL_TEMPORARY_FAILURE'],
  [88, 'INCOMPATIBLE_DESTINATION'],
  [102, 'RECOVERY_ON_TIMER_EXPIRE'],
  [127, 'INTERWORKING'],
];

describe('content/codes.json', () => {
  it('is valid', () => {
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('points editors at its JSON Schema', () => {
    expect(JSON.parse(text).$schema).toBe('./schemas/codes.schema.json');
  });

  it('has every SIP response code the issue lists', () => {
    if (!result.ok) throw new Error('invalid');
    const present = new Set(result.codes.sip.map((e) => e.code));
    expect(requiredSip.filter((code) => !present.has(code))).toEqual([]);
  });

  it('has every Q.850 cause the issue lists, with its usual name', () => {
    if (!result.ok) throw new Error('invalid');
    const names = new Map(result.codes.q850.map((e) => [e.cause, e.name]));
    expect(requiredQ850.filter(([cause, name]) => names.get(cause) !== name)).toEqual([]);
  });

  it('agrees with the codes the articles claim', () => {
    if (!result.ok) throw new Error('invalid');
    const articles = readArticles().map((a) => ({
      id: a.id,
      file: a.file,
      codes: stringList(a.frontmatter.codes),
      draft: a.frontmatter.draft === true,
    }));
    expect(crossCheckCodes(result.codes, articles)).toEqual([]);
  });

  it('matches the JSON Schema generated from the zod schema', () => {
    const committed = readFileSync(`${repoRoot}${codesJsonSchemaFile}`, 'utf8');
    // To regenerate: node -e "import('./src/lib/codes/json-schema.ts').then((m) => process.stdout.write(m.codesJsonSchemaText()))" > content/schemas/codes.schema.json
    expect(committed, `${codesJsonSchemaFile} is out of date; regenerate it from src/lib/codes/schema.ts`).toBe(
      codesJsonSchemaText(),
    );
  });
});
