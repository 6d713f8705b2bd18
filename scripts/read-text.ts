// Reading a content file for a CLI: the text, or the line a person reads about why it could not be read.
import { readFileSync } from 'node:fs';

export function readText(file: string): { ok: true; text: string } | { ok: false; error: string } {
  try {
    return { ok: true, text: readFileSync(file, 'utf8') };
  } catch (error) {
    return { ok: false, error: `${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? error})` };
  }
}
