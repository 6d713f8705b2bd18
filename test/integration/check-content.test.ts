import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './support/tickets.ts';

function checkContent(root: string, env: Record<string, string> = {}) {
  const { GITHUB_ACTIONS: _, ...outside } = process.env;
  return spawnSync(process.execPath, ['scripts/check-content.ts', root], {
    encoding: 'utf8',
    env: { ...outside, ...env },
  });
}

describe('npm run check:content', () => {
  it('fails on bad frontmatter, naming file, line, field and fix', () => {
    const run = checkContent('test/fixtures/content-bad');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      'test/fixtures/content-bad/articles/registration/bad.mdx:4: category: use one of the categories: registration,',
    );
    expect(run.stderr).toContain(
      "test/fixtures/content-bad/articles/registration/wrong-folder.mdx:4: category: is 'caller-id' but the file is in the 'registration' folder",
    );
    expect(run.stderr).toContain("related[0]: no article 'registration/missing-article'");
  });

  it('fails on a playbook without <Escalate>, at the line where it belongs, with the fix', () => {
    const run = checkContent('test/fixtures/content-bad');
    expect(run.stderr).toContain(
      "test/fixtures/content-bad/articles/fax/no-escalate.mdx:36: body: add one <Escalate> block under '## Still not working?' listing what to collect before opening a ticket",
    );
  });

  it('passes a valid content root and says which checks ran', () => {
    const run = checkContent('test/fixtures/content-good');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.trim().split('\n')).toEqual([
      '✓ articles',
      '✓ codes',
      '✓ troubleshooters',
      '✓ incidents',
      '✓ policy',
      '✓ synonyms',
      '✓ schemas',
    ]);
  });

  it('under GitHub Actions prints each problem as an error annotation on its file and line', () => {
    const run = checkContent('test/fixtures/content-bad', { GITHUB_ACTIONS: 'true' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      "::error file=test/fixtures/content-bad/articles/fax/no-escalate.mdx,line=36::body: add one <Escalate> block under '## Still not working?'",
    );
    expect(
      run.stderr
        .trim()
        .split('\n')
        .every((line) => line.startsWith('::error file=')),
    ).toBe(true);
  });

  it('warns about an article past its reviewBy date without failing, locally and as a GitHub warning', () => {
    const temp = tempDir();
    try {
      const root = join(temp.dir, 'content');
      cpSync('test/fixtures/content-good', root, { recursive: true });
      const file = join(root, 'articles/account/reset-sip-password.mdx');
      writeFileSync(
        file,
        readFileSync(file, 'utf8').replace(/^codes: .*$/m, (codes) => `${codes}\nreviewBy: 2020-01-31`),
      );
      const local = checkContent(root);
      expect(local.status).toBe(0);
      expect(local.stderr).toMatch(
        /^warning: \S+\/articles\/account\/reset-sip-password\.mdx:11: reviewBy: 2020-01-31 has passed \(\d+ days ago\)/m,
      );
      const github = checkContent(root, { GITHUB_ACTIONS: 'true' });
      expect(github.status).toBe(0);
      expect(github.stderr).toMatch(
        /^::warning file=\S+reset-sip-password\.mdx,line=11::reviewBy: 2020-01-31 has passed/m,
      );
    } finally {
      temp.remove();
    }
  });
});
