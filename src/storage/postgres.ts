// One way to open a store's PostgreSQL pool and migrate its tables forward, shared by the outbox, feedback and
// subscriptions: each keeps its own version table and advisory lock, so they migrate independently, and servers
// starting together migrate once.
import pg from 'pg';

export interface PostgresMigrations {
  /** What the tables hold, for messages: "outbox", "feedback tables". */
  what: string;
  /** The advisory lock taken while migrating (each store its own). */
  lock: number;
  /** The table holding the version, e.g. dialtone_schema. */
  versionTable: string;
  /** Each step takes the database from the version before it to its own (index + 1). */
  steps: readonly string[];
}

/** postgres://user:secret@host/db -> postgres://user@host/db, for messages, logs and `location`. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = '';
    return parsed.href;
  } catch {
    return 'postgres://(unparsable URL)';
  }
}

/** A pool of `max` connections on `url`, with the tables migrated; fails with the URL (redacted) and the reason. */
export async function openMigratedPool(url: string, max: number, migrations: PostgresMigrations): Promise<pg.Pool> {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle connection dropped by the server (restart, failover) must not crash the process.
  pool.on('error', () => {});
  try {
    await migrate(pool, migrations);
  } catch (error) {
    await pool.end();
    throw new Error(
      `${redactUrl(url)}: cannot prepare the ${migrations.what}: ${error instanceof Error ? error.message : error}`,
    );
  }
  return pool;
}

async function migrate(pool: pg.Pool, { what, lock, versionTable, steps }: PostgresMigrations): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [lock]);
    await client.query(`CREATE TABLE IF NOT EXISTS ${versionTable} (version integer NOT NULL)`);
    const { rows } = await client.query<{ version: number }>(`SELECT version FROM ${versionTable}`);
    const current = Number(rows[0]?.version ?? 0);
    if (current > steps.length) {
      throw new Error(
        `${what} schema version ${current} is newer than this server knows (${steps.length}): run the newer release`,
      );
    }
    for (const step of steps.slice(current)) await client.query(step);
    if (rows.length === 0) await client.query(`INSERT INTO ${versionTable} VALUES ($1)`, [steps.length]);
    else await client.query(`UPDATE ${versionTable} SET version = $1`, [steps.length]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
