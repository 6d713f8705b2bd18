// A real, throwaway PostgreSQL server for tests and benchmarks: Debian's `postgresql` package (installed here if
// missing: CI runs as root on a fresh machine), a cluster made by initdb in a temp folder, listening on 127.0.0.1
// on a free port and on a Unix socket in that folder, removed afterwards. No mock: if it cannot run, this throws.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from './free-port.ts';

export interface PostgresServer {
  /** postgres://postgres@127.0.0.1:PORT/DATABASE */
  url(database?: string): string;
  /** A new empty database; returns its URL. */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

const DEBIAN_ROOT = '/usr/lib/postgresql';

/** The newest installed server's bin folder, installing the package first when there is none. */
export function postgresBin(): string {
  const found = () =>
    existsSync(DEBIAN_ROOT)
      ? readdirSync(DEBIAN_ROOT)
          .filter((v) => existsSync(join(DEBIAN_ROOT, v, 'bin', 'initdb')))
          .sort((a, b) => Number(b) - Number(a))
      : [];
  if (found().length === 0) {
    const install = spawnSync(
      'sh',
      ['-c', 'apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql'],
      {
        stdio: 'inherit',
      },
    );
    if (install.status !== 0 || found().length === 0) {
      throw new Error(
        'PostgreSQL is not installed and `apt-get install -y postgresql` failed: the PostgreSQL tests need a real server (run as root on Debian, or install the postgresql package)',
      );
    }
  }
  return join(DEBIAN_ROOT, found()[0]!, 'bin');
}

export async function startPostgres(): Promise<PostgresServer> {
  const bin = postgresBin();
  const dir = mkdtempSync(join(tmpdir(), 'dialtone-pg-'));
  const asRoot = process.getuid?.() === 0;
  // The server refuses to run as root: as root, run its tools as the `postgres` user the package created.
  if (asRoot) {
    const { uid, gid } = postgresUser();
    chownSync(dir, uid, gid);
  }
  const run = (tool: string, args: string[]) => {
    const [command, argv] = asRoot
      ? ['runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]]
      : [join(bin, tool), args];
    execFileSync(command, argv as string[], { stdio: 'pipe' });
  };
  const data = join(dir, 'data');
  const port = await freePort();
  try {
    run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-instructions']);
    run('pg_ctl', [
      '-D',
      data,
      '-l',
      join(dir, 'server.log'),
      '-w',
      '-o',
      `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c max_connections=200`,
      'start',
    ]);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? '';
    throw new Error(`could not start a PostgreSQL test server: ${stderr || String(error)}`);
  }
  const url = (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`;
  return {
    url,
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: url() });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
      } finally {
        await client.end();
      }
      return url(name);
    },
    async stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

function postgresUser(): { uid: number; gid: number } {
  try {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres']).toString().trim());
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    throw new Error('no `postgres` user to run the test server as: install the postgresql package');
  }
}
