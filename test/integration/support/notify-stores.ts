// The subscription stores the contract suite runs against, each in its own throwaway database.
import { join } from 'node:path';
import { PostgresNotifyStore } from '../../../src/notify/postgres-store.ts';
import { SqliteNotifyStore } from '../../../src/notify/sqlite-store.ts';
import type { NotifyStore } from '../../../src/notify/store.ts';
import { startPostgres, type PostgresServer } from './postgres.ts';
import { tempDir } from './tickets.ts';

export interface StoreKind {
  name: string;
  setUp(): Promise<void>;
  /** A fresh store; `keep` reopens the last one (a restart); `env` gives the settings a server would use. */
  open(options?: { keep?: boolean }): Promise<NotifyStore>;
  env(): Record<string, string>;
  tearDown(): Promise<void>;
}

function sqlite(): StoreKind {
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
      return new SqliteNotifyStore(file());
    },
    env: () => ({ OUTBOX_PATH: file() }),
    async tearDown() {
      temp?.remove();
    },
  };
}

function postgres(): StoreKind {
  let server: PostgresServer | undefined;
  let count = 0;
  let url = '';
  return {
    name: 'PostgreSQL',
    async setUp() {
      server = await startPostgres();
    },
    async open(options = {}) {
      if (!options.keep) url = await server!.createDatabase(`notify_${++count}`);
      return PostgresNotifyStore.open(url);
    },
    env: () => ({ OUTBOX_URL: url }),
    async tearDown() {
      await server?.stop();
    },
  };
}

export function storeKinds(): StoreKind[] {
  return [sqlite(), postgres()];
}
