// The content module over a fixture content root: valid as shipped, and each kind of mistake a support person
// makes is reported as `file:line: field: message and fix`, whatever else is in the folder.
import { describe, expect, it } from 'vitest';
import { readContentTexts } from '../../../src/content-io.ts';
import { checkContent, type ContentTexts } from '../../../src/lib/content/index.ts';

const ROOT = 'test/fixtures/content-good';
const REGISTER = `${ROOT}/articles/registration/phone-wont-register.mdx`;
const RESET = `${ROOT}/articles/account/reset-sip-password.mdx`;
const fixture = readContentTexts(ROOT);

/** The fixture with one article's text changed. */
function withArticle(id: string, edit: (text: string) => string): ContentTexts {
  return { ...fixture, articles: fixture.articles.map((a) => (a.id === id ? { ...a, text: edit(a.text) } : a)) };
}

const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;
const registerText = fixture.articles.find((a) => a.id === 'registration/phone-wont-register')!.text;

describe('checkContent on a valid root', () => {
  const check = checkContent(fixture);

  it('finds no problem, and returns every kind of content', () => {
    expect(check.errors).toEqual([]);
    expect(check.data.articles.map((a) => a.id).sort()).toEqual([
      'account/reset-sip-password',
      'registration/phone-wont-register',
    ]);
    expect(check.data.articles.find((a) => a.id === 'account/reset-sip-password')?.file).toBe(RESET);
    expect(check.data.codes?.sip.map((e) => e.code)).toEqual([403]);
    expect([...check.data.troubleshooters.keys()]).toEqual(['registration/phone-wont-register']);
    expect(check.data.incidents?.components.length).toBeGreaterThan(0);
    expect(check.data.policy?.timeZone).toBeTruthy();
  });
});

describe('checkContent reports each mistake with file, line and fix', () => {
  it('a playbook without <Escalate>, at its last heading', () => {
    const texts = withArticle('registration/phone-wont-register', (t) =>
      t.replace(/<Escalate>[\s\S]*<\/Escalate>/, ''),
    );
    expect(checkContent(texts).errors).toEqual([
      `${REGISTER}:${lineOf(registerText, '## Still not working?')}: body: add one <Escalate> block under '## Still not working?' listing what to collect before opening a ticket`,
    ]);
  });

  it('too few symptoms, at the field', () => {
    const texts = withArticle('registration/phone-wont-register', (t) =>
      t.replace('  - phone not registered\n  - desk phone offline\n', ''),
    );
    expect(checkContent(texts).errors).toEqual([
      `${REGISTER}:7: symptoms: list 3 to 8 phrases customers type, e.g. "phone says no service": search weighs them`,
    ]);
  });

  it('a related article that does not exist, at its line', () => {
    const texts = withArticle('registration/phone-wont-register', (t) =>
      t.replace('related: [account/reset-sip-password]', 'related: [account/reset-sip-password, account/nope]'),
    );
    expect(checkContent(texts).errors).toEqual([
      `${REGISTER}:11: related[1]: no article 'account/nope' (expected a file ${ROOT}/articles/account/nope.mdx)`,
    ]);
  });

  it('a link whose text does not name its target, and a link to nowhere', () => {
    const texts = withArticle('registration/phone-wont-register', (t) =>
      t
        .replace('[I need a new SIP password]', '[reset it]')
        .replace('If the softphone works', 'See [fax](/kb/fax/none/). If the softphone works'),
    );
    const line = lineOf(registerText, '[I need a new SIP password]');
    expect(checkContent(texts).errors).toEqual([
      `${REGISTER}:${line}: body: link to /kb/account/reset-sip-password/: the text 'reset it' does not name the article; write its title 'I need a new SIP password' (or a sentence containing it)`,
      `${REGISTER}:${lineOf(registerText, 'If the softphone works')}: body: link to /kb/fax/none/: no such article (expected ${ROOT}/articles/fax/none.mdx); fix the link or remove it`,
    ]);
  });

  it('a link to a draft from a published article', () => {
    const texts = withArticle('account/reset-sip-password', (t) => t.replace('codes:', 'draft: true\ncodes:'));
    expect(checkContent(texts).errors).toEqual(
      expect.arrayContaining([
        `${REGISTER}:11: related[0]: 'account/reset-sip-password' is a draft; publish it or remove the link`,
        `${REGISTER}:${lineOf(registerText, '[I need a new SIP password]')}: body: link to /kb/account/reset-sip-password/: 'account/reset-sip-password' is a draft; publish it or remove the link`,
      ]),
    );
  });

  it('a code the reference does not know, and codes wait for articles that parse', () => {
    const unknown = withArticle('registration/phone-wont-register', (t) =>
      t.replace("'Q850 3'", "'Q850 3', 'SIP 486'"),
    );
    expect(checkContent(unknown).bySection.codes).toEqual([
      `${REGISTER}:10: codes[2]: 'SIP 486' is not in ${ROOT}/codes.json; add an entry for it there or remove it here`,
    ]);
    const broken = withArticle('account/reset-sip-password', (t) => t.replace('category: account', 'category: acount'));
    const check = checkContent(broken);
    expect(check.bySection.codes).toEqual([]);
    expect(check.bySection.articles).toEqual([expect.stringMatching(new RegExp(`^${RESET}:4: category: use one of`))]);
  });

  it('a troubleshooter for an article that does not exist', () => {
    const texts: ContentTexts = {
      ...fixture,
      troubleshooters: fixture.troubleshooters.map((t) => ({
        file: t.file.replace('phone-wont-register', 'phone-gone'),
        text: t.text.replace('registration/phone-wont-register', 'registration/phone-gone'),
      })),
    };
    expect(checkContent(texts).bySection.troubleshooters).toEqual([
      `${ROOT}/articles/registration/phone-gone.troubleshooter.json: article: no article 'registration/phone-gone' (expected ${ROOT}/articles/registration/phone-gone.mdx); fix the id`,
    ]);
  });

  it('missing files, each named with what it is for', () => {
    const { codes: _c, incidents: _i, policy: _p, synonyms: _s, ...rest } = fixture;
    expect(checkContent(rest).errors).toEqual([
      `${ROOT}/codes.json: missing; the error-code reference lives here (see the README)`,
      `${ROOT}/incidents.json: missing; the status page needs it`,
      `${ROOT}/support-policy.json: missing; the support policy (priorities, hours, contacts) lives here`,
      `${ROOT}/search-synonyms.json: missing; search reads customers' phrases from it (an empty table is { "synonyms": [] })`,
    ]);
  });

  it('a synonym phrase of filler words only, by JSON path', () => {
    const synonyms = {
      ...fixture.synonyms!,
      text: fixture.synonyms!.text.replace('forgot my sip password', 'how do I'),
    };
    expect(checkContent({ ...fixture, synonyms }).bySection.synonyms).toEqual([
      `${ROOT}/search-synonyms.json: synonyms[1].phrases[0]: "how do I" has only filler words (how, do, i), so it would match every search; add the word that names the problem`,
    ]);
  });

  it('an invalid incidents file and policy, by JSON path', () => {
    const texts: ContentTexts = {
      ...fixture,
      incidents: { ...fixture.incidents!, text: '{"components": 3}' },
      policy: { ...fixture.policy!, text: '{' },
    };
    const check = checkContent(texts);
    expect(check.bySection.incidents[0]).toMatch(new RegExp(`^${ROOT}/incidents.json:1: components: `));
    expect(check.bySection.policy).toEqual([
      `${ROOT}/support-policy.json: invalid JSON at line 1, column 2: CloseBraceExpected`,
    ]);
  });

  it('a stale JSON Schema, with the command that regenerates it', () => {
    const schemas = new Map(fixture.schemas);
    schemas.set('codes.schema.json', '{}');
    expect(checkContent({ ...fixture, schemas }).bySection.schemas).toEqual([
      `${ROOT}/schemas/codes.schema.json: out of date with its zod schema: run npm run schemas and commit the result`,
    ]);
  });
});
