// The outbox implementations the contract suite runs against, each with its own throwaway store.
import { join } from 'node:path';
import { PostgresOutbox, SqliteOutbox, type Outbox } from '../../../src/helpdesk/index.ts';
import { startPostgres, type PostgresServer } from './postgres.ts';
import { tempDir } from './tickets.ts';

export interface OutboxKind {
  name: string;
  setUp(): Promise<void>;
  /** A fresh, empty outbox; `keep` reopens the last one instead. */
  open(options?: { keep?: boolean }): Promise<Outbox>;
  tearDown(): Promise<void>;
}

function sqlite(): OutboxKind {
  let temp: ReturnType<typeof tempDir> | undefined;
  let count = 0;
  return {
    name: 'SQLite',
    async setUp() {
      temp = tempDir();
    },
    async open(options = {}) {
      if (!options.keep) count++;
      return new SqliteOutbox(join(temp!.dir, `outbox-${count}.sqlite`));
    },
    async tearDown() {
      temp?.remove();
    },
  };
}

function postgres(): OutboxKind {
  let server: PostgresServer | undefined;
  let count = 0;
  let url = '';
  return {
    name: 'PostgreSQL',
    async setUp() {
      server = await startPostgres();
    },
    async open(options = {}) {
      if (!options.keep) url = await server!.createDatabase(`contract_${++count}`);
      return PostgresOutbox.open(url);
    },
    async tearDown() {
      await server?.stop();
    },
  };
}

export function outboxKinds(): OutboxKind[] {
  return [sqlite(), postgres()];
}
