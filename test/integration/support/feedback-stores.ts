// The feedback stores the contract suite runs against, each in a throwaway database shared with an outbox.
import { join } from 'node:path';
import { PostgresOutbox, SqliteOutbox, type Outbox } from '../../../src/helpdesk/index.ts';
import { PostgresFeedbackStore } from '../../../src/feedback/postgres-store.ts';
import { SqliteFeedbackStore } from '../../../src/feedback/sqlite-store.ts';
import type { FeedbackStore } from '../../../src/feedback/store.ts';
import { startPostgres, type PostgresServer } from './postgres.ts';
import { tempDir } from './tickets.ts';

export interface FeedbackStoreKind {
  name: string;
  setUp(): Promise<void>;
  /** A fresh database; `keep` reopens the last one instead. */
  open(options?: { keep?: boolean }): Promise<FeedbackStore>;
  /** The outbox in the same database as the last store opened. */
  openOutbox(): Promise<Outbox>;
  tearDown(): Promise<void>;
}

function sqlite(): FeedbackStoreKind {
  let temp: ReturnType<typeof tempDir> | undefined;
  let count = 0;
  const file = () => join(temp!.dir, `outbox-${count}.sqlite`);
  return {
    name: 'SQLite',
    async setUp() {
      temp = tempDir();
    },
    async open(options = {}) {
      if (!options.keep) count++;
      return new SqliteFeedbackStore(file());
    },
    async openOutbox() {
      return new SqliteOutbox(file());
    },
    async tearDown() {
      temp?.remove();
    },
  };
}

function postgres(): FeedbackStoreKind {
  let server: PostgresServer | undefined;
  let count = 0;
  let url = '';
  return {
    name: 'PostgreSQL',
    async setUp() {
      server = await startPostgres();
    },
    async open(options = {}) {
      if (!options.keep) url = await server!.createDatabase(`feedback_${++count}`);
      return PostgresFeedbackStore.open(url);
    },
    async openOutbox() {
      return PostgresOutbox.open(url);
    },
    async tearDown() {
      await server?.stop();
    },
  };
}

export function feedbackStoreKinds(): FeedbackStoreKind[] {
  return [sqlite(), postgres()];
}
