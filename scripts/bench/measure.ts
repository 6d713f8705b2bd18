// Runs a build and watches it: wall time, and the resident memory of its whole process tree (Astro's Node process
// plus Pagefind's indexing binary and any worker), sampled from /proc, with each output line time-stamped so a
// memory peak can be put next to the build phase that printed just before it.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

export interface Sample {
  /** ms since the start */
  t: number;
  /** bytes, summed over the process tree */
  rss: number;
  /** the same by process name (`node`, `pagefind_ext...`): which process holds it */
  byName: Record<string, number>;
}

export interface MeasuredRun {
  ms: number;
  peakRss: number;
  samples: Sample[];
  lines: { t: number; text: string }[];
  status: number | null;
  output: string;
}

function rssOf(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0; // exited between listing and reading
  }
}

function childrenOf(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((tid) => {
      const file = `/proc/${pid}/task/${tid}/children`;
      return existsSync(file) ? readFileSync(file, 'utf8').split(' ').filter(Boolean).map(Number) : [];
    });
  } catch {
    return [];
  }
}

/** Resident bytes of `pid` and every descendant, in total and by process name. */
export function treeRss(pid: number): { rss: number; byName: Record<string, number> } {
  let rss = 0;
  const byName: Record<string, number> = {};
  const queue = [pid];
  while (queue.length) {
    const next = queue.pop()!;
    const bytes = rssOf(next);
    let name = '?';
    try {
      name = readFileSync(`/proc/${next}/comm`, 'utf8').trim();
    } catch {
      // exited
    }
    rss += bytes;
    byName[name] = (byName[name] ?? 0) + bytes;
    queue.push(...childrenOf(next));
  }
  return { rss, byName };
}

/** Runs `command` to completion, sampling the tree's RSS every `everyMs`. Never throws on a failed exit. */
export function measured(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; everyMs?: number } = {},
): Promise<MeasuredRun> {
  const start = performance.now();
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  const samples: Sample[] = [];
  const lines: { t: number; text: string }[] = [];
  let output = '';
  let pending = '';
  const onData = (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    output = (output + text).slice(-200_000); // the tail is enough to say why a build failed
    pending += text;
    const parts = pending.split('\n');
    pending = parts.pop()!;
    const t = performance.now() - start;
    for (const line of parts) lines.push({ t, text: line });
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const timer = setInterval(() => {
    if (child.pid) samples.push({ t: performance.now() - start, ...treeRss(child.pid) });
  }, options.everyMs ?? 200);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (status) => {
      clearInterval(timer);
      const ms = performance.now() - start;
      resolve({ ms, peakRss: Math.max(0, ...samples.map((s) => s.rss)), samples, lines, status, output });
    });
  });
}
