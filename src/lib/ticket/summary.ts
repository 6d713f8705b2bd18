// The review step's summary of a draft: each step's answers in words, for the customer to check before sending.
import { categoryLabel, SERVICE_STATES } from '../triage/categories.ts';
import { lines, type TicketDraft } from './draft.ts';
import { asksForDevice } from './form-rules.ts';
import { TICKET_STEPS } from './steps.ts';

export interface SummaryAnswer {
  question: string;
  answer: string;
}

export function draftSummary(draft: TicketDraft): Array<{ step: number; title: string; answers: SummaryAnswer[] }> {
  const state = SERVICE_STATES.find((s) => s.id === draft.serviceState)?.label ?? '';
  const yes = (value: string) => (value === 'yes' ? 'Yes' : value === 'no' ? 'No' : '');
  const list = (value: string) => lines(value).join('; ');
  return [
    {
      step: 0,
      title: TICKET_STEPS[0].title,
      answers: [
        { question: 'Problem', answer: draft.category ? categoryLabel(draft.category) : '' },
        { question: 'Summary', answer: draft.subject },
      ],
    },
    {
      step: 1,
      title: TICKET_STEPS[1].title,
      answers: [
        { question: 'Service', answer: state },
        { question: 'Users affected', answer: `${draft.affectedUsers} of ${draft.totalUsers}` },
        { question: 'Worked before', answer: yes(draft.previouslyWorking) },
        { question: 'Workaround', answer: yes(draft.workaround) },
      ],
    },
    {
      step: 2,
      title: TICKET_STEPS[2].title,
      answers: [
        { question: 'What happens', answer: draft.description },
        { question: 'Affected numbers', answer: list(draft.affectedNumbers) },
        { question: 'Example calls', answer: draft.exampleCalls.length ? String(draft.exampleCalls.length) : '' },
        {
          question: 'Phone',
          answer: asksForDevice(draft.category) ? `${draft.device.make} ${draft.device.model}`.trim() : '',
        },
        { question: 'Already tried', answer: list(draft.stepsTried) },
        { question: 'Links', answer: list(draft.links) },
      ],
    },
    {
      step: 3,
      title: TICKET_STEPS[3].title,
      answers: [
        { question: 'Name', answer: draft.contact.name },
        { question: 'E-mail', answer: draft.contact.email },
        { question: 'Callback number', answer: draft.contact.callbackNumber },
        {
          question: 'Company',
          answer: [draft.contact.company, draft.contact.account].filter(Boolean).join(', account '),
        },
      ],
    },
  ];
}
