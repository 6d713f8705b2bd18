// Ticket errors as the form shows them: which input each belongs to, its label, and words for a customer.
import type { FieldError } from '../errors.ts';

export interface FormError {
  /** The input the error is shown next to, e.g. `contact.email`, `affectedNumbers`, `exampleCalls[0].time`. */
  field: string;
  /** The input's label, with the line or call number for lists: "Affected numbers, line 2". */
  label: string;
  message: string;
  /** For lists typed one per line: the line (from 1) the error is about. */
  line?: number;
}

const LABELS: Record<string, string> = {
  category: 'What is wrong',
  subject: 'Summary',
  fromArticle: 'Article',
  serviceState: 'How calls are affected',
  affectedUsers: 'Users affected',
  totalUsers: 'Users in total',
  previouslyWorking: 'Did it work before',
  workaround: 'Workaround',
  description: 'What happens',
  affectedNumbers: 'Affected numbers',
  exampleCalls: 'Example calls',
  'device.make': 'Phone make',
  'device.model': 'Phone model',
  stepsTried: 'Steps already tried',
  links: 'Links',
  'contact.name': 'Your name',
  'contact.email': 'E-mail',
  'contact.callbackNumber': 'Callback number',
  'contact.company': 'Company',
  'contact.account': 'Account number',
  customerTimeZone: 'Your time zone',
  'customerUrgency.requested': 'Priority you need',
  'customerUrgency.reason': 'Why it is more urgent',
  idempotencyKey: 'Form key',
  website: 'Leave this empty',
};

const CALL_FIELDS: Record<string, string> = { time: 'time', from: 'from', to: 'to', callId: 'call ID' };

/** What to do when a question was not answered, instead of the schema's wording (which lists ids). */
const UNANSWERED: Record<string, string> = {
  category: 'choose what is wrong',
  serviceState: 'choose how calls are affected',
  affectedUsers: 'enter how many users are affected (0 or more)',
  totalUsers: 'enter how many users are on your account (1 or more)',
  previouslyWorking: 'say whether it worked before',
  workaround: 'say whether a workaround works for now',
  'customerUrgency.requested': 'choose the priority you need',
};

/** Errors on a whole group (the device, the contact) are shown on its first input. */
const GROUP_FIRST_FIELD: Record<string, string> = {
  device: 'device.make',
  contact: 'contact.name',
  customerUrgency: 'customerUrgency.reason',
};

/** Lists typed one per line: every line's error is shown on the one text area. */
const LINE_LISTS = new Set(['affectedNumbers', 'stepsTried', 'links']);

export function formError(error: FieldError): FormError {
  const line = /^(\w+)\[(\d+)\]$/.exec(error.path);
  if (line && LINE_LISTS.has(line[1]!)) {
    const field = line[1]!;
    const number = Number(line[2]) + 1;
    return { field, label: `${LABELS[field]}, line ${number}`, message: error.message, line: number };
  }
  const call = /^exampleCalls\[(\d+)\]\.(\w+)$/.exec(error.path);
  if (call) {
    const [, index, part] = call;
    // The form fills the ISO 8601 time from the date and time inputs: ask for those instead.
    const message = part === 'time' ? 'enter the date and time of the call' : error.message;
    return {
      field: error.path,
      label: `Example call ${Number(index) + 1}, ${CALL_FIELDS[part!] ?? part}`,
      message,
    };
  }
  const field = GROUP_FIRST_FIELD[error.path] ?? error.path;
  const unanswered = UNANSWERED[field];
  const message = unanswered && error.missing ? unanswered : error.message;
  return { field, label: LABELS[field] ?? (field || 'Ticket'), message };
}

/** The id of the input a field's error belongs to: `contact.email` -> `ticket-contact-email`. */
export function fieldInputId(field: string): string {
  return `ticket-${field.replace(/[.[\]]+/g, '-').replace(/-$/, '')}`;
}

/** "must not be empty" -> "Must not be empty": the message next to the input, which already has its label. */
export function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}
