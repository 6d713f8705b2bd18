// The JSON Schema editors use to complete content/codes.json, generated from the zod schema (one shape, one place).
import { z } from 'zod';
import { codeReference } from './schema.ts';

export function codesJsonSchemaText(): string {
  const schema = z.toJSONSchema(codeReference, { io: 'input' });
  return `${JSON.stringify({ ...schema, title: 'dialtone error-code reference (content/codes.json)' }, null, 2)}\n`;
}
