// The form's draft: what the customer has typed so far, as the inputs hold it (text), kept in local storage
// between visits. Pure, and free of the schema library and luxon: the form's first step runs on this alone.
// Restoring a saved draft is in draft-restore.ts, the ticket the form sends in draft-ticket.ts.
import { categoryById } from '../articles/categories.ts';
import type { Priority } from '../policy/schema.ts';
import { CATEGORY_IDS, type Category, type ServiceState } from '../triage/categories.ts';
import { ARTICLE_ID_PATTERN } from './form-rules.ts';

export const MAX_EXAMPLE_CALLS = 5;

export interface ExampleCallDraft {
  time: string;
  from: string;
  to: string;
  callId: string;
}

export interface TicketDraft {
  idempotencyKey: string;
  /** The step the customer is on, 0 to 4. */
  step: number;
  category: '' | Category;
  subject: string;
  fromArticle: string;
  serviceState: '' | ServiceState;
  affectedUsers: string;
  totalUsers: string;
  previouslyWorking: '' | 'yes' | 'no';
  workaround: '' | 'yes' | 'no';
  description: string;
  /** One number or extension per line. */
  affectedNumbers: string;
  exampleCalls: ExampleCallDraft[];
  device: { make: string; model: string };
  /** One step per line. */
  stepsTried: string;
  /** One link per line. */
  links: string;
  contact: { name: string; email: string; callbackNumber: string; company: string; account: string };
  moreUrgent: boolean;
  requestedPriority: '' | Priority;
  urgencyReason: string;
}

export function newDraft(idempotencyKey: string): TicketDraft {
  return {
    idempotencyKey,
    step: 0,
    category: '',
    subject: '',
    fromArticle: '',
    serviceState: '',
    affectedUsers: '',
    totalUsers: '',
    previouslyWorking: '',
    workaround: '',
    description: '',
    affectedNumbers: '',
    exampleCalls: [],
    device: { make: '', model: '' },
    stepsTried: '',
    links: '',
    contact: { name: '', email: '', callbackNumber: '', company: '', account: '' },
    moreUrgent: false,
    requestedPriority: '',
    urgencyReason: '',
  };
}

/** Nothing answered yet: a visit that typed nothing leaves nothing worth "restoring". */
export function isBlankDraft(draft: TicketDraft): boolean {
  return JSON.stringify({ ...draft, step: 0 }) === JSON.stringify(newDraft(draft.idempotencyKey));
}

export function emptyExampleCall(): ExampleCallDraft {
  return { time: '', from: '', to: '', callId: '' };
}

export interface Prefill {
  category?: Category;
  fromArticle?: string;
  subject?: string;
  stepsTried?: string[];
}

/**
 * What a playbook, the troubleshooter or a search sent along (`ticketFormUrl`): `category` is a ticket category
 * or a knowledge-base category, `article` an article id, `tried` the steps already tried. Anything invalid is
 * left out rather than shown as an error the customer did not make.
 */
export function prefillFromQuery(params: URLSearchParams): Prefill {
  const prefill: Prefill = {};
  const category = params.get('category') ?? '';
  const ticketCategory = (CATEGORY_IDS as readonly string[]).includes(category)
    ? category
    : categoryById(category)?.ticketCategory;
  if (ticketCategory) prefill.category = ticketCategory as Category;
  const article = params.get('article') ?? '';
  if (ARTICLE_ID_PATTERN.test(article)) prefill.fromArticle = article;
  const subject = (params.get('subject') ?? '').trim();
  if (subject) prefill.subject = subject.slice(0, 150);
  const tried = params
    .getAll('tried')
    .map((step) => step.trim().slice(0, 300))
    .filter(Boolean);
  if (tried.length > 0) prefill.stepsTried = [...new Set(tried)].slice(0, 20);
  return prefill;
}

/** Fills what the customer has not answered yet; steps already tried are added to theirs. */
export function applyPrefill(draft: TicketDraft, prefill: Prefill): TicketDraft {
  const steps = lines(draft.stepsTried);
  const newSteps = (prefill.stepsTried ?? []).filter((step) => !steps.includes(step));
  return {
    ...draft,
    category: draft.category || prefill.category || '',
    fromArticle: draft.fromArticle || prefill.fromArticle || '',
    subject: draft.subject || prefill.subject || '',
    stepsTried: [...steps, ...newSteps].join('\n'),
  };
}

/** Non-empty lines, trimmed: lists typed one per line. */
export function lines(value: string): string[] {
  return value
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}
