// The two database engines a store's contract suite runs against (an SQLite file, a throwaway PostgreSQL
// database), for any store: the outbox, the feedback store, the subscription store.
import { join } from 'node:path';
import { startPostgres, type PostgresServer } from './postgres.ts';
import { tempDir } from './tickets.ts';

/** How to open a store on each engine, given the SQLite file or the PostgreSQL URL. */
export interface StoreOpeners<Store> {
  sqlite(file: string): Store;
  postgres(url: string): Promise<Store>;
  /** Names the throwaway PostgreSQL databases (`<prefix>_1`, ...). */
  prefix: string;
}

export interface EngineKind<Store> {
  name: 'SQLite' | 'PostgreSQL';
  setUp(): Promise<void>;
  /** A fresh, empty database; `keep` reopens the last one instead (a restart). */
  open(options?: { keep?: boolean }): Promise<Store>;
  /** Another store (e.g. the outbox) in the same database as the last one opened. */
  openBeside<Other>(openers: Omit<StoreOpeners<Other>, 'prefix'>): Promise<Other>;
  /** The settings a server would use for that database. */
  env(): Record<string, string>;
  tearDown(): Promise<void>;
}

function sqlite<Store>(openers: StoreOpeners<Store>): EngineKind<Store> {
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
      return openers.sqlite(file());
    },
    async openBeside(other) {
      return other.sqlite(file());
    },
    env: () => ({ OUTBOX_PATH: file() }),
    async tearDown() {
      temp?.remove();
    },
  };
}

function postgres<Store>(openers: StoreOpeners<Store>): EngineKind<Store> {
  let server: PostgresServer | undefined;
  let count = 0;
  let url = '';
  return {
    name: 'PostgreSQL',
    async setUp() {
      server = await startPostgres();
    },
    async open(options = {}) {
      if (!options.keep) url = await server!.createDatabase(`${openers.prefix}_${++count}`);
      return openers.postgres(url);
    },
    async openBeside(other) {
      return other.postgres(url);
    },
    env: () => ({ OUTBOX_URL: url }),
    async tearDown() {
      await server?.stop();
    },
  };
}

export function engineKinds<Store>(openers: StoreOpeners<Store>): EngineKind<Store>[] {
  return [sqlite(openers), postgres(openers)];
}
