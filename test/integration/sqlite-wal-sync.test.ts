// The SQLite outbox makes each commit durable by syncing the write-ahead log off the event loop (WalSync): the
// log it syncs must stay the file SQLite writes, through checkpoints and other processes' connections.
import { existsSync, mkdtempSync, readdirSync, readlinkSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteOutbox } from '../../src/helpdesk/index.ts';
import { deriveTicket, ticketSchema } from '../../src/lib/ticket/index.ts';
import { openSqliteFile, WalSync } from '../../src/storage/sqlite.ts';
import { WalCheckpointer } from '../../src/storage/sqlite-checkpoint.ts';
import { defaultPolicy } from '../fixtures/ticket/policy.ts';
import { ticketInput } from '../fixtures/ticket/tickets.ts';
import { waitFor } from './support/fake-github.ts';

/**
 * Files this process holds open whose path ends in -wal: SQLite's own descriptors (the outbox's connection, the
 * checkpoint worker's) and WalSync's, all on the live file ("(deleted)" would mean syncing a dead log).
 */
function openLogs(): string[] {
  return readdirSync('/proc/self/fd')
    .map((fd) => {
      try {
        return readlinkSync(`/proc/self/fd/${fd}`);
      } catch {
        return '';
      }
    })
    .filter((target) => /-wal( \(deleted\))?$/.test(target));
}

describe('WalSync', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'dialtone-wal-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps syncing the live log through checkpoints, restarts and other connections opening and closing', async () => {
    const file = path.join(dir, 'outbox.sqlite');
    const outbox = new SqliteOutbox(file);
    const policy = defaultPolicy();
    const now = new Date('2026-11-24T15:00:00Z');
    const store = (i: number) => {
      const ticket = ticketSchema.parse(ticketInput({ idempotencyKey: `wal-sync-key-${String(i).padStart(8, '0')}` }));
      return outbox.store(ticket, deriveTicket(ticket, policy, now), now);
    };
    const live = new Set([`${file}-wal`]);
    expect(new Set(openLogs())).toEqual(live);
    expect(openLogs().length).toBeGreaterThanOrEqual(2);
    await Promise.all(Array.from({ length: 50 }, (_, i) => store(i)));
    // Another process's connection (npm run tickets) checkpoints, truncates the log and closes: the outbox is
    // still open, so the log is not removed, and the next commits go to the same file.
    const other = new DatabaseSync(file);
    other.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    other.close();
    await Promise.all(Array.from({ length: 50 }, (_, i) => store(50 + i)));
    expect(existsSync(`${file}-wal`)).toBe(true);
    expect(new Set(openLogs())).toEqual(live);
    expect(openLogs().length).toBeGreaterThanOrEqual(2);
    expect(await outbox.list()).toHaveLength(100);
    await outbox.close();
    expect(openLogs()).toEqual([]);
    // Everything committed is in the database once the last connection has gone.
    const reopened = new DatabaseSync(file);
    expect(reopened.prepare('SELECT count(*) AS n FROM tickets').get()).toEqual({ n: 100 });
    reopened.close();
  });

  it('needs the database open first, and has nothing to sync in memory', async () => {
    const file = path.join(dir, 'closed.sqlite');
    const db = openSqliteFile(file, { syncOnCommit: false });
    db.close();
    expect(() => new WalSync(file, db)).toThrow(`${file}: open the database before its write-ahead log`);
    const memory = openSqliteFile(':memory:');
    await expect(new WalSync(':memory:', memory).sync()).resolves.toBeUndefined();
    memory.close();
  });

  it('checkpoints on a worker thread, so the committing connection never does', async () => {
    const file = path.join(dir, 'checkpoint.sqlite');
    const db = openSqliteFile(file, { syncOnCommit: false });
    db.exec('CREATE TABLE notes (body TEXT)');
    const checkpointer = new WalCheckpointer(file, db, { everyMs: 0 });
    expect(db.prepare('PRAGMA wal_autocheckpoint').get()).toEqual({ wal_autocheckpoint: 0 });
    const before = statSync(file).size;
    const insert = db.prepare('INSERT INTO notes VALUES (?)');
    for (let i = 0; i < 2000; i++) insert.run('x'.repeat(500));
    // Nothing reached the database file yet: the rows are in the log until a checkpoint copies them.
    expect(statSync(file).size).toBe(before);
    checkpointer.committed();
    await waitFor('the checkpoint', async () => statSync(file).size > before + 500 * 2000, 10_000);
    await checkpointer.close();
    expect(db.prepare('SELECT count(*) AS n FROM notes').get()).toEqual({ n: 2000 });
    db.close();
  });

  it('leaves an in-memory database to SQLite', async () => {
    const memory = openSqliteFile(':memory:');
    const checkpointer = new WalCheckpointer(':memory:', memory);
    checkpointer.committed();
    expect(memory.prepare('PRAGMA wal_autocheckpoint').get()).toEqual({ wal_autocheckpoint: 1000 });
    await checkpointer.close();
    memory.close();
  });
});
