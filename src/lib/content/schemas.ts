// The JSON Schemas editors use for the content folder, each generated from its zod schema (one shape, one place).
// `npm run schemas` writes them; `npm run check:content` fails when a committed one is stale.
import { codesJsonSchemaText } from '../codes/json-schema.ts';
import type { Problem } from '../errors.ts';
import { policyJsonSchema } from '../policy/json-schema.ts';
import { synonymsJsonSchema } from '../search/synonyms.ts';
import { incidentsJsonSchema } from '../status/schema.ts';
import { troubleshooterJsonSchemaText } from '../troubleshooter/json-schema.ts';

/** File name under the content root's schemas/ folder and its current schema. */
export const contentSchemas: [string, () => unknown][] = [
  ['codes.schema.json', () => JSON.parse(codesJsonSchemaText())],
  ['incidents.schema.json', incidentsJsonSchema],
  ['search-synonyms.schema.json', synonymsJsonSchema],
  ['support-policy.schema.json', policyJsonSchema],
  ['troubleshooter.schema.json', () => JSON.parse(troubleshooterJsonSchemaText())],
];

/** The text a schema file is written with: 2-space JSON and a final newline. */
export function schemaText(schema: unknown): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}

export interface StaleSchema {
  name: string;
  file: string;
  reason: 'missing' | 'not-json' | 'out-of-date';
}

/** Stale or missing schemas under `dir` (compared as JSON, so formatting does not matter). */
export function findStaleSchemas(dir: string, read: (file: string) => string | null): StaleSchema[] {
  return contentSchemas.flatMap(([name, generate]): StaleSchema[] => {
    const file = `${dir}/${name}`;
    const text = read(file);
    if (text === null) return [{ name, file, reason: 'missing' }];
    let committed: unknown;
    try {
      committed = JSON.parse(text);
    } catch {
      return [{ name, file, reason: 'not-json' }];
    }
    return JSON.stringify(committed) === JSON.stringify(generate()) ? [] : [{ name, file, reason: 'out-of-date' }];
  });
}

const FIX: Record<StaleSchema['reason'], string> = {
  missing: 'missing: run npm run schemas',
  'not-json': 'not valid JSON: run npm run schemas',
  'out-of-date': 'out of date with its zod schema: run npm run schemas and commit the result',
};

/** One problem per stale schema: what is wrong with the file, and the fix. */
export function staleSchemas(dir: string, read: (file: string) => string | null): Problem[] {
  return findStaleSchemas(dir, read).map((s) => ({ file: s.file, message: FIX[s.reason] }));
}
