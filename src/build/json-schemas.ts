// The JSON Schemas editors use for content/, each generated from its zod schema (one shape, one place).
// `npm run schemas` writes them; `npm run check:content` fails when a committed one is stale.
import { codesJsonSchemaText } from '../lib/codes/json-schema.ts';
import { policyJsonSchema } from '../lib/policy/json-schema.ts';
import { synonymsJsonSchema } from '../lib/search/synonyms.ts';
import { incidentsJsonSchema } from '../lib/status/schema.ts';
import { troubleshooterJsonSchemaText } from '../lib/troubleshooter/json-schema.ts';

/** File name under content/schemas/ and its current schema. */
export const contentSchemas: [string, () => unknown][] = [
  ['codes.schema.json', () => JSON.parse(codesJsonSchemaText())],
  ['incidents.schema.json', incidentsJsonSchema],
  ['search-synonyms.schema.json', synonymsJsonSchema],
  ['support-policy.schema.json', policyJsonSchema],
  ['troubleshooter.schema.json', () => JSON.parse(troubleshooterJsonSchemaText())],
];

/** Stale or missing schemas under `dir`, one message each (compared as JSON, so formatting does not matter). */
export function staleSchemas(dir: string, read: (file: string) => string | null): string[] {
  return contentSchemas.flatMap(([name, generate]) => {
    const file = `${dir}/${name}`;
    const text = read(file);
    if (text === null) return [`${file}: missing: run npm run schemas`];
    let committed: unknown;
    try {
      committed = JSON.parse(text);
    } catch {
      return [`${file}: not valid JSON: run npm run schemas`];
    }
    return JSON.stringify(committed) === JSON.stringify(generate())
      ? []
      : [`${file}: out of date with its zod schema: run npm run schemas and commit the result`];
  });
}
