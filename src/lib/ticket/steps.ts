// The form's steps and which ticket fields each one asks for, so each step can be checked on its own (the check
// itself, which needs the schema library, is in step-validation.ts: the form's first step loads without it).
import type { FieldError } from '../errors.ts';
import type { TicketField } from './schema.ts';

export const TICKET_STEPS = [
  { id: 'problem', title: 'What is wrong', fields: ['category', 'subject', 'fromArticle'] },
  {
    id: 'impact',
    title: 'Who is affected',
    fields: ['serviceState', 'affectedUsers', 'totalUsers', 'previouslyWorking', 'workaround'],
  },
  {
    id: 'details',
    title: 'Details for the engineer',
    fields: ['description', 'affectedNumbers', 'exampleCalls', 'device', 'stepsTried', 'links'],
  },
  { id: 'contact', title: 'How to reach you', fields: ['contact', 'customerTimeZone'] },
  { id: 'review', title: 'Review and send', fields: ['customerUrgency', 'idempotencyKey', 'website'] },
] as const satisfies ReadonlyArray<{ id: string; title: string; fields: readonly TicketField[] }>;

export type TicketStepId = (typeof TICKET_STEPS)[number]['id'];

/** The step that asks for a field, e.g. to jump to the first error on review. */
export function stepOfField(path: string): TicketStepId | undefined {
  const field = path.split(/[.[]/)[0];
  return TICKET_STEPS.find((s) => (s.fields as readonly string[]).includes(field ?? ''))?.id;
}

/**
 * Where to send the customer with a list of errors (the server's, or a full check before sending): the earliest
 * step that has any, with that step's errors. Undefined when none of them belongs to a step.
 */
export function earliestStepErrors(errors: readonly FieldError[]): { step: number; errors: FieldError[] } | undefined {
  const stepIndex = (e: FieldError) => TICKET_STEPS.findIndex((s) => s.id === stepOfField(e.path));
  const onSteps = errors.filter((e) => stepIndex(e) >= 0);
  if (onSteps.length === 0) return undefined;
  const step = Math.min(...onSteps.map(stepIndex));
  return { step, errors: onSteps.filter((e) => stepIndex(e) === step) };
}
