// The outbox implementations the contract suite runs against, each with its own throwaway store.
import { join } from 'node:path';
import { SqliteOutbox, type Outbox } from '../../../src/helpdesk/index.ts';
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

export function outboxKinds(): OutboxKind[] {
  return [sqlite()];
}
