// `npm run new:article` with flags, as a script would run it, on a copy of the fixture content: the article it
// writes passes check:content, it never overwrites, and it names unknown codes and missing answers.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from './support/tickets.ts';

let temp: ReturnType<typeof tempDir>;
let root: string;
beforeEach(() => {
  temp = tempDir();
  root = join(temp.dir, 'content');
  cpSync('test/fixtures/content-good', root, { recursive: true });
});
afterEach(() => temp.remove());

const run = (script: string, args: string[]) =>
  spawnSync(process.execPath, [script, ...args], { encoding: 'utf8', env: { ...process.env, CONTENT_DIR: root } });
const newArticle = (args: string[]) => run('scripts/new-article.ts', args);

const flags = [
  '--title',
  'Calls drop after 32 seconds',
  '--category',
  'call-quality',
  '--audience',
  'admin',
  ...['calls drop after 30 seconds', 'call cuts off', 'dropped calls'].flatMap((s) => ['--symptom', s]),
];

describe('npm run new:article', () => {
  it('writes a playbook that check:content passes, and lists it under its codes in codes.json', () => {
    const result = newArticle([...flags, '--code', 'SIP 403']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const file = join(root, 'articles/call-quality/calls-drop-after-32-seconds.mdx');
    expect(result.stdout).toContain(`Wrote ${file}`);
    expect(readFileSync(file, 'utf8')).toMatch(/^---\ntitle: Calls drop after 32 seconds\n/);
    expect(readFileSync(join(root, 'codes.json'), 'utf8')).toContain('"call-quality/calls-drop-after-32-seconds"');
    const check = run('scripts/check-content.ts', []);
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });

  it('refuses to overwrite an article', () => {
    expect(newArticle(flags).status).toBe(0);
    const again = newArticle(flags);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('calls-drop-after-32-seconds.mdx: already exists; choose another --slug');
  });

  it('names a code that is not in codes.json and how to add it, writing nothing', () => {
    const result = newArticle([...flags, '--code', 'SIP 486']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`'SIP 486' is not in ${join(root, 'codes.json')}: add its entry there first`);
    expect(existsSync(join(root, 'articles/call-quality'))).toBe(false);
  });

  it('says which answers are missing when it cannot ask (no terminal), and what is wrong with the given ones', () => {
    const missing = newArticle(['--title', 'Calls drop']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('missing --category, --audience, --symptom');
    const duplicate = newArticle([...flags.slice(2), '--title', "My phone won't register", '--slug', 'again']);
    expect(duplicate.status).toBe(1);
    expect(duplicate.stderr).toContain('title: same title as');
  });

  it('prints its options with --help', () => {
    const result = newArticle(['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('--symptom TEXT');
  });
});
