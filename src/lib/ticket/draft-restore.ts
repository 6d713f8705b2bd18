// Restoring a draft kept in local storage: forgiving, a field that no longer fits (an old version, a hand edit)
// comes back empty. Apart from draft.ts because it needs the schema library, which the form's first step does
// not load: the form loads this only when there is a saved draft to read.
import { z } from 'zod';
import { PRIORITIES } from '../policy/schema.ts';
import { CATEGORY_IDS, SERVICE_STATE_IDS } from '../triage/categories.ts';
import { MAX_EXAMPLE_CALLS, type ExampleCallDraft, type TicketDraft } from './draft.ts';
import { ticketShape } from './schema.ts';

const text = z.string().max(20_000).catch('');
function choice<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(['', ...values] as const).catch('');
}

const exampleCallDraft = z.object({ time: text, from: text, to: text, callId: text });

const ticketDraftSchema = z.object({
  idempotencyKey: ticketShape.idempotencyKey,
  step: z.int().min(0).max(4).catch(0),
  category: choice(CATEGORY_IDS),
  subject: text,
  fromArticle: text,
  serviceState: choice(SERVICE_STATE_IDS),
  affectedUsers: text,
  totalUsers: text,
  previouslyWorking: choice(['yes', 'no']),
  workaround: choice(['yes', 'no']),
  description: text,
  affectedNumbers: text,
  exampleCalls: z.array(exampleCallDraft).max(MAX_EXAMPLE_CALLS).catch([]),
  device: z.object({ make: text, model: text }).catch({ make: '', model: '' }),
  stepsTried: text,
  links: text,
  contact: z
    .object({ name: text, email: text, callbackNumber: text, company: text, account: text })
    .catch({ name: '', email: '', callbackNumber: '', company: '', account: '' }),
  moreUrgent: z.boolean().catch(false),
  requestedPriority: choice(PRIORITIES),
  urgencyReason: text,
});

// The schema reads exactly the draft the form writes: a field added to one and not the other fails type checks.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameDraft: Same<z.output<typeof ticketDraftSchema>, TicketDraft> = true;
const sameCall: Same<z.output<typeof exampleCallDraft>, ExampleCallDraft> = true;
void [sameDraft, sameCall];

/** The draft saved earlier, or undefined when there is none or it cannot be read. */
export function restoreDraft(saved: string | null): TicketDraft | undefined {
  if (!saved) return undefined;
  try {
    const result = ticketDraftSchema.safeParse(JSON.parse(saved));
    return result.success ? result.data : undefined;
  } catch {
    return undefined;
  }
}
