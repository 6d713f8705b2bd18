// Writes the headers files static hosts read from the rule table in src/lib/http/static-headers.ts:
// public/_headers (Netlify, Cloudflare Pages) and the `headers` block of vercel.json (other keys kept).
//   node scripts/static-headers.ts           write them
//   node scripts/static-headers.ts --check   exit 1 naming each stale file (the integration test runs this)
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { netlifyHeadersFile, vercelHeaders } from '../src/lib/http/static-headers.ts';

export const HEADERS_FILES = { netlify: 'public/_headers', vercel: 'vercel.json' } as const;

/** What each file should hold, given what it holds now (vercel.json may carry settings of its own). */
export function expectedHeadersFiles(read: (file: string) => string | null): Record<string, string> {
  const current = read(HEADERS_FILES.vercel);
  const vercel = current ? (JSON.parse(current) as Record<string, unknown>) : {};
  return {
    [HEADERS_FILES.netlify]: `${netlifyHeadersFile()}\n`,
    [HEADERS_FILES.vercel]: `${JSON.stringify({ ...vercel, headers: vercelHeaders() }, null, 2)}\n`,
  };
}

const read = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8') : null);

if (import.meta.main) {
  const check = process.argv.includes('--check');
  const stale = Object.entries(expectedHeadersFiles(read)).filter(([file, text]) => read(file) !== text);
  for (const [file, text] of stale) {
    if (check) process.stderr.write(`${file}: stale: run node scripts/static-headers.ts\n`);
    else writeFileSync(file, text);
  }
  if (!check) for (const [file] of stale) process.stdout.write(`wrote ${file}\n`);
  process.exitCode = check && stale.length > 0 ? 1 : 0;
}
