import { readFileSync } from 'node:fs';
import type { IncidentsFile } from '../../../src/lib/status/schema.ts';
import { validateIncidentsText } from '../../../src/lib/status/schema.ts';

export const smallPath = 'test/fixtures/status/small.json';
// A frozen copy of the shipped sample, so an incident update never fails a unit test.
export const samplePath = 'test/fixtures/status/sample.json';

/** The small fixture as plain JSON (a fresh copy each call, safe to mutate). */
export function smallRaw(): IncidentsFile {
  return JSON.parse(readFileSync(smallPath, 'utf8')) as IncidentsFile;
}

export function loadValid(path: string): IncidentsFile {
  const result = validateIncidentsText(readFileSync(path, 'utf8'), path);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.data;
}

export const small = () => loadValid(smallPath);
export const sample = () => loadValid(samplePath);
