// The operator's webhook subscribers (WEBHOOKS_FILE): who receives Statuspage-shaped payloads or Slack messages,
// signed with their own secret. Checked with zod; each problem reads `file:line: path: message and fix`.
import { z } from 'zod';
import { fieldProblems, formatProblem, jsonLines, parseJson } from '../errors.ts';
import { readableFieldErrors } from '../policy/index.ts';

export const webhookFormats = ['statuspage', 'slack'] as const;

const isLoopback = (host: string) => ['127.0.0.1', '[::1]', 'localhost'].includes(host);

export const webhookSchema = z.strictObject({
  name: z
    .string({ error: 'is required: a short name for this receiver, e.g. "noc-dashboard"' })
    .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, {
      error: 'must be lowercase letters, digits and hyphens, e.g. "noc-dashboard" (it names the receiver in logs)',
    }),
  url: z.url({ error: 'must be the receiver\'s URL, e.g. "https://noc.example.com/hooks/status"' }).refine(
    (url) => {
      const parsed = new URL(url);
      return parsed.protocol === 'https:' || (parsed.protocol === 'http:' && isLoopback(parsed.hostname));
    },
    { error: 'must be https:// (http:// only for 127.0.0.1, ::1 or localhost): payloads are signed, not secret' },
  ),
  format: z
    .enum(webhookFormats, { error: `must be one of ${webhookFormats.join(', ')}` })
    .default('statuspage')
    .describe('statuspage: the JSON Atlassian Statuspage sends; slack: a Slack incoming-webhook message'),
  secret: z
    .string()
    .min(16, { error: 'must be at least 16 characters: generate one with `openssl rand -hex 32`' })
    .optional()
    .describe('the key of the HMAC-SHA256 signature in X-Dialtone-Signature (required for the statuspage format)'),
  components: z
    .array(z.string().min(1))
    .default([])
    .describe('component ids to hear about; empty or absent: every component'),
  maintenance: z.boolean().default(true).describe('whether maintenance updates and reminders are sent'),
});

export const webhooksFileSchema = z.strictObject({
  $schema: z.string().optional(),
  webhooks: z
    .array(webhookSchema, { error: 'is required: a list of receivers, e.g. [{ "name": "noc", "url": "https://..." }]' })
    .superRefine((hooks, ctx) => {
      const seen = new Set<string>();
      hooks.forEach((hook, i) => {
        if (seen.has(hook.name)) {
          ctx.addIssue({
            code: 'custom',
            path: [i, 'name'],
            message: `"${hook.name}" is used twice: names must differ`,
          });
        }
        seen.add(hook.name);
        if (hook.format === 'statuspage' && !hook.secret) {
          ctx.addIssue({
            code: 'custom',
            path: [i, 'secret'],
            message: 'is required for the statuspage format: the receiver checks the signature with it',
          });
        }
      });
    }),
});

export type Webhook = z.infer<typeof webhookSchema>;

export type WebhooksResult = { ok: true; webhooks: Webhook[] } | { ok: false; errors: string[] };

/** Validates the text of a webhooks file; `knownComponents` catches a misspelt component id. */
export function parseWebhooksFile(file: string, text: string, knownComponents?: readonly string[]): WebhooksResult {
  const parsed = parseJson(text);
  if (!parsed.ok) return { ok: false, errors: [`${file}: ${parsed.error.message}: fix the JSON syntax`] };
  const result = webhooksFileSchema.safeParse(parsed.value);
  if (!result.success) {
    const problems = fieldProblems(file, readableFieldErrors(result.error, parsed.value, { locate: true }));
    return { ok: false, errors: jsonLines(text, problems).map(formatProblem) };
  }
  const errors: string[] = [];
  if (knownComponents) {
    const known = new Set(knownComponents);
    result.data.webhooks.forEach((hook, i) =>
      hook.components.forEach((id, j) => {
        if (!known.has(id)) {
          const message = `webhooks[${i}].components[${j}]: "${id}" is not a component of the status page: use one of ${[...known].join(', ')}`;
          const [located] = jsonLines(text, [{ file, message, at: ['webhooks', i, 'components', j] }]);
          errors.push(formatProblem(located!));
        }
      }),
    );
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, webhooks: result.data.webhooks };
}
