// The outbox implementations the contract suite runs against, each with its own throwaway store.
import { PostgresOutbox, SqliteOutbox, type Outbox } from '../../../src/helpdesk/index.ts';
import { engineKinds, type EngineKind } from './engines.ts';

export type OutboxKind = EngineKind<Outbox>;

export const outboxOpeners = {
  sqlite: (file: string): Outbox => new SqliteOutbox(file),
  postgres: (url: string): Promise<Outbox> => PostgresOutbox.open(url),
};

export function outboxKinds(): OutboxKind[] {
  return engineKinds({ ...outboxOpeners, prefix: 'contract' });
}
