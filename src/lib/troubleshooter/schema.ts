// A guided troubleshooter: yes/no questions that walk a playbook's checks and end in "fixed" or "open a ticket".
// One tree per playbook, stored beside it as content/articles/<category>/<slug>.troubleshooter.json.
import { z } from 'zod';

export { FIXED, isOutcome, TICKET, type Outcome } from './outcomes.ts';

const nodeIdPattern = /^[a-z0-9][a-z0-9-]*$/;

const nodeId = z
  .string()
  .regex(nodeIdPattern, { message: "write a node id in lower case with hyphens, e.g. 'check-credentials'" });

const target = (answer: 'yes' | 'no') =>
  z
    .string({
      error: (issue) =>
        issue.input === undefined
          ? `missing: every question needs a '${answer}' answer leading to another question, @fixed or @ticket`
          : 'write a node id, @fixed or @ticket',
    })
    .regex(/^(@fixed|@ticket|[a-z0-9][a-z0-9-]*)$/, { message: 'write a node id, @fixed or @ticket' })
    .meta({ description: `Where a '${answer}' answer goes: another node's id, @fixed or @ticket.` });

const step = z
  .string()
  .trim()
  .min(5, { message: 'write the step as the ticket should record it, e.g. "Confirmed the phone shows Registered"' })
  .max(160, { message: 'keep a step under 160 characters: it is one line in the ticket' })
  .optional();

export const questionNode = z.strictObject({
  question: z
    .string()
    .trim()
    .min(5, { message: 'write the question the customer answers yes or no' })
    .refine((q) => q.endsWith('?'), { message: 'phrase it as a yes/no question ending in "?"' }),
  help: z.string().trim().min(5).optional().meta({ description: 'Where to look, shown under the question.' }),
  yes: target('yes'),
  no: target('no'),
  yesStep: step.meta({ description: 'What the ticket records as tried when the answer is yes.' }),
  noStep: step.meta({ description: 'What the ticket records as tried when the answer is no.' }),
});

export const troubleshooterTree = z.strictObject({
  $schema: z.string().optional(),
  article: z
    .string()
    .regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, { message: "write the playbook id as '<category>/<slug>'" })
    .meta({ description: 'The playbook this tree walks through; the article is the no-JavaScript fallback.' }),
  title: z.string().trim().min(5, { message: 'add a title, e.g. "Get your phone registered"' }),
  start: nodeId.meta({ description: 'The id of the first question.' }),
  nodes: z
    .record(nodeId, questionNode)
    .refine((nodes) => Object.keys(nodes).length > 0, { message: 'add at least one question' }),
  outcomes: z
    .strictObject({
      fixed: z.string().trim().min(5).optional().meta({ description: 'Shown when the walk ends in @fixed.' }),
      ticket: z.string().trim().min(5).optional().meta({ description: 'Shown when the walk ends in @ticket.' }),
    })
    .optional(),
});

export type QuestionNode = z.infer<typeof questionNode>;
export type TroubleshooterTree = z.infer<typeof troubleshooterTree>;
