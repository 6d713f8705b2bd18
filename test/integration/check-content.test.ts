import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

function checkContent(root: string) {
  return spawnSync(process.execPath, ['scripts/check-content.ts', root], { encoding: 'utf8' });
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
      '✓ schemas',
    ]);
  });
});
