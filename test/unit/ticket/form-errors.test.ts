import { describe, expect, it } from 'vitest';
import { draftToTicket } from '../../../src/lib/ticket/draft-ticket.ts';
import { newDraft } from '../../../src/lib/ticket/draft.ts';
import { fieldInputId, formError, sentence } from '../../../src/lib/ticket/form-errors.ts';
import { validateTicketStep } from '../../../src/lib/ticket/step-validation.ts';
import { TICKET_STEPS } from '../../../src/lib/ticket/steps.ts';

describe('formError', () => {
  it('shows every line of a list on its one text area, naming the line', () => {
    expect(formError({ path: 'affectedNumbers[1]', message: 'must be a phone number' })).toEqual({
      field: 'affectedNumbers',
      label: 'Affected numbers, line 2',
      message: 'must be a phone number',
      line: 2,
    });
  });

  it('names the example call and says what to enter instead of the ISO 8601 format', () => {
    expect(
      formError({ path: 'exampleCalls[0].time', message: 'must be an ISO 8601 date-time with an offset' }),
    ).toEqual({
      field: 'exampleCalls[0].time',
      label: 'Example call 1, time',
      message: 'enter the date and time of the call',
    });
    expect(formError({ path: 'exampleCalls[2].callId', message: 'must be at most 256 characters' }).label).toBe(
      'Example call 3, call ID',
    );
  });

  it('puts an error on a group (device, contact) on its first input', () => {
    expect(formError({ path: 'device', message: 'is needed' }).field).toBe('device.make');
    expect(formError({ path: 'contact', message: 'must give your name' }).field).toBe('contact.name');
  });

  it('asks for an unanswered question in words instead of listing the ids', () => {
    expect(
      formError({ path: 'category', message: 'is missing: it must be one of: outage, fax', missing: true }).message,
    ).toBe('choose what is wrong');
    expect(formError({ path: 'category', message: 'must be one of: outage, fax' }).message).toBe(
      'must be one of: outage, fax',
    );
  });

  it('labels every field the steps ask for', () => {
    const fields = TICKET_STEPS.flatMap((s) => s.fields as readonly string[]);
    const unlabelled = fields.filter((field) => formError({ path: field, message: 'x' }).label === field);
    expect(unlabelled).toEqual([]);
  });

  it('labels the errors of an empty draft on each step', () => {
    const ticket = draftToTicket(newDraft('6f1c2a1e-2b7d-4c4e-9a57-3f0e5d9a2b10'), {
      timeZone: 'UTC',
      website: '',
    });
    const labels = TICKET_STEPS.flatMap((s) => validateTicketStep(s.id, ticket).map((e) => formError(e).label));
    expect(labels).toEqual([
      'What is wrong',
      'Summary',
      'How calls are affected',
      'Users affected',
      'Users in total',
      'Did it work before',
      'Workaround',
      'What happens',
      'Your name',
      'E-mail',
      'Callback number',
      'Company',
    ]);
  });
});

describe('fieldInputId', () => {
  it('turns a field path into the id of its input', () => {
    expect(fieldInputId('subject')).toBe('ticket-subject');
    expect(fieldInputId('contact.email')).toBe('ticket-contact-email');
    expect(fieldInputId('exampleCalls[0].time')).toBe('ticket-exampleCalls-0-time');
  });
});

describe('sentence', () => {
  it('capitalises the message shown under its label', () => {
    expect(sentence('must not be empty')).toBe('Must not be empty');
  });
});
