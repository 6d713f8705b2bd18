// Reading a stored row the same way from either engine: node:sqlite gives 0/1 for flags, node-postgres gives
// booleans, and epoch milliseconds come as numbers (SQLite) or as strings (PostgreSQL's bigint).
export type StoredRow = Record<string, unknown>;

/** A nullable text column. */
export function text(row: StoredRow, key: string): string | null {
  return row[key] === null || row[key] === undefined ? null : String(row[key]);
}

/** A nullable epoch-milliseconds column, as an ISO instant. */
export function instant(row: StoredRow, key: string): string | null {
  return row[key] === null || row[key] === undefined ? null : new Date(Number(row[key])).toISOString();
}

/** A flag column: 1 or true. */
export function flag(row: StoredRow, key: string): boolean {
  return Number(row[key]) === 1;
}
