// The JSON Schema editors use for content/articles/**/*.troubleshooter.json, generated from the zod schema.
import { z } from 'zod';
import { troubleshooterTree } from './schema.ts';

export function troubleshooterJsonSchemaText(): string {
  const schema = z.toJSONSchema(troubleshooterTree, { io: 'input' });
  return `${JSON.stringify({ ...schema, title: 'dialtone guided troubleshooter (content/articles/**/*.troubleshooter.json)' }, null, 2)}\n`;
}
