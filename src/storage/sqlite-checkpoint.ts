// Checkpoints of the outbox's write-ahead log, on a worker thread. A checkpoint copies the log into the database
// and fsyncs both; SQLite runs it inside the COMMIT that fills the log past 1,000 pages, which on node:sqlite
// means on the server's only JavaScript thread: every request in flight waited for it (the slowest 1% of
// answers under load). Here the committing connection never checkpoints (wal_autocheckpoint = 0) and a second
// connection on a worker thread does it (PASSIVE: alongside new commits, never blocking them).
import { once } from 'node:events';
import type { DatabaseSync } from 'node:sqlite';
import { Worker } from 'node:worker_threads';

// The worker is a few lines of CommonJS evaluated as a string, so the bundled server needs no separate file.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { DatabaseSync } = require('node:sqlite');
const db = new DatabaseSync(workerData.path);
db.exec('PRAGMA busy_timeout = 5000');
parentPort.on('message', (message) => {
  if (message === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  try {
    parentPort.postMessage({ done: db.prepare('PRAGMA wal_checkpoint(PASSIVE)').get() });
  } catch (error) {
    parentPort.postMessage({ error: String(error) });
  }
});
`;

/** SQLite's own threshold, used again if the worker cannot run. */
const DEFAULT_AUTOCHECKPOINT_PAGES = 1000;

export class WalCheckpointer {
  readonly #db: DatabaseSync;
  readonly #everyMs: number;
  #worker: Worker | undefined;
  #running = false;
  #lastStart = 0;

  /** `db` commits to `path`; a checkpoint starts at most every `everyMs` while commits keep coming. */
  constructor(path: string, db: DatabaseSync, options: { everyMs?: number } = {}) {
    this.#db = db;
    this.#everyMs = options.everyMs ?? 1000;
    if (path === ':memory:') return;
    try {
      this.#worker = new Worker(WORKER, { eval: true, workerData: { path } });
    } catch {
      return; // SQLite keeps checkpointing on commit, as before
    }
    this.#worker.unref();
    this.#worker.on('message', (answer: { error?: string }) => {
      this.#running = false;
      if (answer.error) this.#giveUp();
    });
    this.#worker.on('error', () => this.#giveUp());
    db.exec('PRAGMA wal_autocheckpoint = 0');
  }

  /** Call after a commit: starts a checkpoint unless one is running or one started less than `everyMs` ago. */
  committed(now = Date.now()): void {
    if (!this.#worker || this.#running || now - this.#lastStart < this.#everyMs) return;
    this.#running = true;
    this.#lastStart = now;
    this.#worker.postMessage('checkpoint');
  }

  /** Lets a running checkpoint finish, then closes the worker's connection. */
  async close(): Promise<void> {
    const worker = this.#worker;
    this.#worker = undefined;
    if (!worker) return;
    const exited = once(worker, 'exit');
    worker.ref(); // unref'd, it could not keep the process alive until it has closed its connection
    worker.postMessage('close');
    await exited;
  }

  /** The worker failed: let SQLite checkpoint on commit again, so the log cannot grow without end. */
  #giveUp(): void {
    const worker = this.#worker;
    this.#worker = undefined;
    if (this.#db.isOpen) this.#db.exec(`PRAGMA wal_autocheckpoint = ${DEFAULT_AUTOCHECKPOINT_PAGES}`);
    void worker?.terminate();
  }
}
