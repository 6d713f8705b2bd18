// A browser module turned into the text of a classic inline <script> at build time (esbuild: bundled, minified,
// an IIFE), for the few scripts that must run while the page is parsed, before its first paint. Built once per
// build and entry.
import { buildSync } from 'esbuild';
import path from 'node:path';

const built = new Map<string, string>();

/**
 * `entry`: the module's path from the project folder, where builds run (a page's own import.meta.url points into
 * the prerender bundle, not at its source).
 */
export function inlineScript(entry: string): string {
  const file = path.resolve(entry);
  let code = built.get(file);
  if (code === undefined) {
    const result = buildSync({
      entryPoints: [file],
      bundle: true,
      format: 'iife',
      minify: true,
      target: 'es2022',
      write: false,
    });
    code = result.outputFiles[0]!.text.trim();
    built.set(file, code);
  }
  return code;
}
