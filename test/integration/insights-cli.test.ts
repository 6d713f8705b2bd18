// `npm run insights` on a seeded database: feedback and tickets written through the real stores into one SQLite
// file, the content from a fixture folder, the report read back as JSON and as tables.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteFeedbackStore } from '../../src/feedback/sqlite-store.ts';
import { SqliteOutbox } from '../../src/helpdesk/index.ts';
import { deriveTicket, ticketSchema } from '../../src/lib/ticket/index.ts';
import { NOW, searches, votes } from '../fixtures/insights/dataset.ts';
import { defaultPolicy } from '../fixtures/ticket/policy.ts';
import { ticketInput } from '../fixtures/ticket/tickets.ts';
import { tempDir } from './support/tickets.ts';

let temp: ReturnType<typeof tempDir>;
let file: string;

function insights(args: string[]) {
  const result = spawnSync(
    process.execPath,
    ['scripts/insights.ts', '--outbox', file, '--now', NOW.toISOString(), ...args],
    {
      encoding: 'utf8',
      env: { ...process.env, CONTENT_DIR: 'test/fixtures/content-good' },
    },
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(async () => {
  temp = tempDir();
  file = join(temp.dir, 'outbox.sqlite');
  const feedback = new SqliteFeedbackStore(file);
  for (const vote of votes) await feedback.addVote(vote);
  for (const search of searches) await feedback.addFailedSearch(search);
  await feedback.close();
  const outbox = new SqliteOutbox(file);
  const policy = defaultPolicy();
  const file1 = async (key: string, fromArticle: string | undefined, days: number) => {
    const ticket = ticketSchema.parse(ticketInput({ idempotencyKey: key, ...(fromArticle && { fromArticle }) }));
    const at = new Date(NOW.getTime() - days * 86_400_000);
    await outbox.store(ticket, deriveTicket(ticket, policy, at), at);
  };
  await file1('insights-cli-0000001', 'registration/phone-wont-register', 1);
  await file1('insights-cli-0000002', undefined, 2);
  await file1('insights-cli-0000003', undefined, 60);
  await outbox.close();
});
afterAll(() => temp.remove());

describe('npm run insights', () => {
  it('reports the window as JSON: unhelpful articles, failed searches, tickets, skipped playbooks', () => {
    const { code, stdout, stderr } = insights(['--since', '30d', '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.since).toBe('2026-10-25T15:00:00.000Z');
    expect(report.unhelpfulArticles.map((a: { article: string; no: number }) => [a.article, a.no])).toEqual([
      ['registration/phone-wont-register', 3],
      ['fax/fax-fails', 3],
    ]);
    expect(report.unhelpfulArticles[0].title).toBe("My phone won't register");
    expect(report.searchesWithoutResult[0]).toMatchObject({ query: 't38 fax', noResult: 2, noClick: 1 });
    // Two tickets in the window (the third is 60 days old), both registration / high.
    expect(report.ticketsByCategory).toEqual([
      { category: 'registration', total: 2, byPriority: { critical: 0, high: 2, normal: 0, low: 0 } },
    ]);
    expect(report.playbooksSkipped).toEqual([
      { category: 'registration', tickets: 2, withoutPlaybook: 1, playbooks: ['registration/phone-wont-register'] },
    ]);
    expect(Array.isArray(report.overdueArticles)).toBe(true);
  });

  it('prints tables, and refuses a --since it cannot read with the forms it takes', () => {
    const tables = insights(['--since', '90d']);
    expect(tables.code).toBe(0);
    expect(tables.stdout).toContain('Articles readers found unhelpful (fix first)');
    expect(tables.stdout).toMatch(/registration\s+3\s+0\s+3\s+0\s+0/);
    const bad = insights(['--since', 'a while']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('use e.g. 30d (days)');
  });
});
