// The subscription stores the contract suite runs against, each in its own throwaway database.
import { PostgresNotifyStore } from '../../../src/notify/postgres-store.ts';
import { SqliteNotifyStore } from '../../../src/notify/sqlite-store.ts';
import type { NotifyStore } from '../../../src/notify/store.ts';
import { engineKinds, type EngineKind } from './engines.ts';

export type StoreKind = EngineKind<NotifyStore>;

export function storeKinds(): StoreKind[] {
  return engineKinds<NotifyStore>({
    sqlite: (file) => new SqliteNotifyStore(file),
    postgres: (url) => PostgresNotifyStore.open(url),
    prefix: 'notify',
  });
}
