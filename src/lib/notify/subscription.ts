// What POST /api/subscriptions accepts: an e-mail address, the components to hear about (none = all) and whether
// maintenance is wanted, from JSON or a form body. Component ids are checked against the page's own list.
import { z } from 'zod';
import { fieldErrors, type FieldError } from '../errors.ts';

export interface SubscriptionRequest {
  /** Trimmed and lowercased: one subscriber per mailbox, however it was typed. */
  email: string;
  /** Component ids; empty means every component, including ones added later. */
  components: string[];
  maintenance: boolean;
}

const MAX_EMAIL = 254;

/** A yes/no from JSON (true/false) or a form ("true", "on", "yes", "1"; "false", "off", "no", "0"). */
const yesNo = z.union(
  [
    z.boolean(),
    z
      .string()
      .transform((v) => v.trim().toLowerCase())
      .pipe(z.enum(['true', 'on', 'yes', '1', 'false', 'off', 'no', '0']))
      .transform((v) => ['true', 'on', 'yes', '1'].includes(v)),
  ],
  { error: 'must be true or false (a form may send yes/no or on/off)' },
);

export function subscriptionSchema(componentIds: readonly string[]) {
  const known = new Set(componentIds);
  return z
    .object({
      email: z
        .string({ error: 'is required: the address the updates go to, e.g. "noc@example.com"' })
        .trim()
        .max(MAX_EMAIL, { error: `must be at most ${MAX_EMAIL} characters` })
        .pipe(z.email({ error: 'must be an e-mail address, e.g. "noc@example.com"' }))
        .transform((v) => v.toLowerCase()),
      components: z
        .array(
          z.string().refine((id) => known.has(id), {
            error: (iss) =>
              `"${String(iss.input)}" is not a component of this status page: use one of ${[...known].join(', ')}`,
          }),
          { error: 'must be a list of component ids (empty for every component)' },
        )
        .max(componentIds.length, { error: 'lists more components than the page has' })
        .optional()
        .transform((ids) => [...new Set(ids ?? [])].sort()),
      maintenance: yesNo.optional().transform((v) => v ?? true),
      /** The honeypot: people never see it, so anything in it came from a bot. */
      website: z.string().max(0, { error: 'must be empty' }).optional(),
    })
    .transform(({ email, components, maintenance }): SubscriptionRequest => ({
      email,
      // Every component chosen is the same as all: later components are included too.
      components: components.length === componentIds.length ? [] : components,
      maintenance,
    }));
}

/** Form fields as the schema's input: `components` repeats (one checkbox each); "all" chooses none. */
export function formToInput(form: Iterable<[string, string]>): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  const components: string[] = [];
  let scope: string | undefined;
  for (const [name, value] of form) {
    if (name === 'components') components.push(...value.split(',').filter(Boolean));
    else if (name === 'scope') scope = value;
    else input[name] = value;
  }
  // The form's "All components" radio wins over checkboxes ticked before switching to it.
  input.components = scope === 'all' ? [] : components;
  return input;
}

export type SubscriptionResult = { ok: true; data: SubscriptionRequest } | { ok: false; errors: FieldError[] };

export function parseSubscription(input: unknown, componentIds: readonly string[]): SubscriptionResult {
  const result = subscriptionSchema(componentIds).safeParse(input);
  return result.success ? { ok: true, data: result.data } : { ok: false, errors: fieldErrors(result.error) };
}

/** `j***@***.com`: enough for an operator to tell messages apart, never the address itself. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  const dot = email.lastIndexOf('.');
  if (at < 1) return '***';
  return `${email[0]}***@***${dot > at ? email.slice(dot) : ''}`;
}
