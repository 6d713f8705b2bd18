// The head of every benchmark report: when, on what machine (cores, memory, CPU model, Node), and how busy the
// machine was (load average before and after: figures taken under load say so).
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { gb } from './util.ts';

export function machine(): string {
  const cpu = cpus()[0]?.model.trim() || 'unknown CPU';
  return `${cpus().length} cores (${cpu}), ${gb(totalmem())} memory, Node ${process.version}`;
}

export const load = () =>
  `load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' / ')} (1/5/15 min), ${gb(freemem())} free`;

/** A note when the machine was busy with more than this benchmark (load above half the cores before it ran). */
export function loadNote(before: number[], cores: number): string {
  return before[0]! > cores / 2 || before[1]! > cores / 2
    ? `**Taken under load**: the load average was ${before[0]!.toFixed(2)} (1 min) / ${before[1]!.toFixed(2)} (5 min) on ${cores} cores before the run started, so other work shared the CPU: wall times and pages/s are slower than on an idle machine and noisier (each build ran at a different moment); sizes, bytes and memory are not affected.`
    : 'The machine was otherwise idle when the run started.';
}
