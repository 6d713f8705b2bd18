// Checking one step of the form with the ticket schema the endpoint uses. Apart from steps.ts so the form's first
// step renders without the schema library; the form loads this when the customer first continues.
import { z } from 'zod';
import type { FieldError } from '../errors.ts';
import { readableFieldErrors } from '../policy/field-errors.ts';
import { CROSS_FIELD_RULES, ticketShape, withCrossFieldRules, type TicketField } from './schema.ts';
import { TICKET_STEPS, type TicketStepId } from './steps.ts';

/**
 * Errors of one step's fields for a draft: the draft is checked with the fields of this and earlier steps
 * (so rules like "device is needed for registration" apply), but only this step's errors are returned.
 */
export function validateTicketStep(step: TicketStepId, draft: unknown): FieldError[] {
  const index = TICKET_STEPS.findIndex((s) => s.id === step);
  const known = new Set<TicketField>(TICKET_STEPS.slice(0, index + 1).flatMap((s) => s.fields));
  const shape = Object.fromEntries([...known].map((field) => [field, ticketShape[field]]));
  const rules = CROSS_FIELD_RULES.filter((rule) => rule.fields.every((f) => known.has(f)));
  const result = withCrossFieldRules(z.object(shape), rules).safeParse(draft);
  if (result.success) return [];
  const own = new Set<TicketField>(TICKET_STEPS[index]!.fields);
  return readableFieldErrors(result.error, draft).filter((e) => {
    const field = e.path.split(/[.[]/)[0] as TicketField;
    return own.has(field) || (e.path === '' && index === 0);
  });
}
