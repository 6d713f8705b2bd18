import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastCommitDates, lastUpdated } from '../../src/data/git-dates.ts';

let repo: string;

function commit(file: string, text: string, isoDate: string) {
  writeFileSync(path.join(repo, file), text);
  execFileSync('git', ['add', file], { cwd: repo });
  execFileSync('git', ['commit', '-q', '-m', `edit ${file}`], {
    cwd: repo,
    env: { ...process.env, GIT_AUTHOR_DATE: isoDate, GIT_COMMITTER_DATE: isoDate },
  });
}

beforeAll(() => {
  repo = mkdtempSync(path.join(tmpdir(), 'dialtone-git-'));
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: repo });
  execFileSync('git', ['config', 'user.email', 'test@example.com'], { cwd: repo });
  execFileSync('git', ['config', 'user.name', 'Test'], { cwd: repo });
  mkdirSync(path.join(repo, 'articles'));
  commit('articles/a.mdx', 'one', '2026-01-01T10:00:00Z');
  commit('articles/b.mdx', 'two', '2026-02-01T10:00:00Z');
  commit('articles/a.mdx', 'one, edited', '2026-03-01T10:00:00Z');
  writeFileSync(path.join(repo, 'articles/new.mdx'), 'not committed');
});

afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('lastCommitDates', () => {
  it('gives each file the date of its latest commit', () => {
    const dates = lastCommitDates(path.join(repo, 'articles'));
    expect(dates.get(path.join(repo, 'articles/a.mdx'))?.toISOString()).toBe('2026-03-01T10:00:00.000Z');
    expect(dates.get(path.join(repo, 'articles/b.mdx'))?.toISOString()).toBe('2026-02-01T10:00:00.000Z');
  });

  it('knows nothing of uncommitted files', () => {
    expect(lastCommitDates(path.join(repo, 'articles')).has(path.join(repo, 'articles/new.mdx'))).toBe(false);
  });

  it('returns an empty map outside a repository', () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'dialtone-nogit-'));
    expect(lastCommitDates(outside).size).toBe(0);
    rmSync(outside, { recursive: true, force: true });
  });
});

describe('lastUpdated', () => {
  it('prefers the frontmatter date over git', () => {
    const updated = new Date('2025-05-05');
    expect(lastUpdated(path.join(repo, 'articles/a.mdx'), updated, path.join(repo, 'articles'))).toBe(updated);
  });

  it('falls back to the last commit', () => {
    const date = lastUpdated(path.join(repo, 'articles/b.mdx'), undefined, path.join(repo, 'articles'));
    expect(date?.toISOString()).toBe('2026-02-01T10:00:00.000Z');
  });
});
