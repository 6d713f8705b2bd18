// Reading a content file for a CLI: the text, or the line a person reads about why it could not be read.
import { readFileSync } from 'node:fs';
import { validateIncidentsText, type IncidentsFile } from '../src/lib/status/schema.ts';

export function readText(file: string): { ok: true; text: string } | { ok: false; error: string } {
  try {
    return { ok: true, text: readFileSync(file, 'utf8') };
  } catch (error) {
    return { ok: false, error: `${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? error})` };
  }
}

/** content/incidents.json (or another file) read and validated, or the lines that say why not. */
export function readIncidents(
  file: string,
): { ok: true; text: string; data: IncidentsFile } | { ok: false; unreadable: boolean; errors: string[] } {
  const read = readText(file);
  if (!read.ok) return { ok: false, unreadable: true, errors: [read.error] };
  const result = validateIncidentsText(read.text, file);
  return result.ok
    ? { ok: true, text: read.text, data: result.data }
    : { ok: false, unreadable: false, errors: result.errors };
}
