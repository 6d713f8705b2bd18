// What every `npm run bench` section shares: medians, sizes, a free loopback port, the built server started on
// it, and a build run under a sampler of its process tree's memory (peak RSS with the Pagefind child included).
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { freePort } from '../../test/integration/support/free-port.ts';

export { freePort };

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
export const gz = (file: string) => gzipSync(readFileSync(file)).length;
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
export const gb = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(2)} GB`;
export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
/** `a` as a multiple of `b`, the way results.md writes every comparison. */
export const ratio = (a: number, b: number) => (b ? `${(a / b).toFixed(2)}x` : 'n/a');

/** Total size of the files under `dir`, in bytes. */
export function dirSize(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) total += statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return total;
}

export async function waitForHttp(url: string, child?: ChildProcess): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (child && child.exitCode !== null) throw new Error(`${url}: the server exited (code ${child.exitCode})`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer within 20 s`);
}

/** `npm start`'s server (`node dist/server/entry.mjs`) for `distDir` on a free loopback port; stop() ends it. */
export async function startBuiltServer(
  distDir: string,
  outboxPath: string,
): Promise<{ url: string; stop: () => void }> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(distDir, 'server', 'entry.mjs')], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), OUTBOX_PATH: outboxPath },
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/`, child);
  return { url, stop: () => child.kill() };
}
