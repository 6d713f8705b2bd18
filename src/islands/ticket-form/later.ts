// Everything the ticket form needs after its first step, as one chunk the browser loads on demand: the later
// steps and the review, the schema checks (zod), the ticket the draft becomes (luxon for call times), the
// priority and due times, restoring a saved draft. The first step renders and takes answers without it.
export { readableFieldErrors } from '../../lib/policy/field-errors.ts';
export { deriveTicket } from '../../lib/ticket/derive.ts';
export { restoreDraft } from '../../lib/ticket/draft-restore.ts';
export { draftToTicket } from '../../lib/ticket/draft-ticket.ts';
export { ticketSchema } from '../../lib/ticket/schema.ts';
export { validateTicketStep } from '../../lib/ticket/step-validation.ts';
export { ReviewStep, Success } from './review.tsx';
export { ContactStep, DetailsStep, ImpactStep } from './steps.tsx';
