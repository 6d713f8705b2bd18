// `--only search`: on the --search-size article build (1,000 by default), the bytes (gzip, counted at the server,
// Pagefind's own fetches included) and requests the search page plus its first query need, and the time until
// results show, for a query the index answers as typed and a sentence the layered search relaxes.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { measureSearchTransfer } from '../search-transfer.ts';
import { buildOurs } from './builds.ts';
import type { BenchContext } from './context.ts';
import { contentWith } from './kb.ts';
import { kb } from './util.ts';

export async function searchSection(ctx: BenchContext): Promise<string> {
  const n = ctx.options.searchSize;
  const out = [`## Search transfer: ${n} articles, empty cache, gzip counted at the server\n`];
  const outDir = path.join(ctx.outRoot, `dist-${n}`);
  if (!existsSync(path.join(outDir, 'client', 'search', 'index.html')))
    await buildOurs(contentWith(ctx.work, n), outDir);
  const queries = [
    "phone won't register", // every word on the right page: the full query answers
    'desk phone goes offline a few times an hour', // no page has all the words: relaxed sub-queries run
  ];
  const measured = await measureSearchTransfer(path.join(outDir, 'client'), queries);
  out.push('| query | transfer (gzip) | requests | time to results (median) |');
  out.push('| --- | --- | --- | --- |');
  for (const m of measured) out.push(`| ${m.query} | ${kb(m.bytes)} | ${m.requests} | ${m.ms.toFixed(0)} ms |`);
  out.push('\nbudget (issue 9): at most 212 KiB for "phone won\'t register" (Starlight: 240 KiB)');
  return out.join('\n');
}
