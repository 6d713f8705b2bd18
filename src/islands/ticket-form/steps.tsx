// The later steps of the ticket form: who is affected, details, contact. Loaded once the customer is past the
// first step (or comes back to a saved draft), with the schema checks: see ../TicketForm.tsx.
import {
  emptyExampleCall,
  MAX_EXAMPLE_CALLS,
  type ExampleCallDraft,
  type TicketDraft,
} from '../../lib/ticket/draft.ts';
import { fieldInputId } from '../../lib/ticket/form-errors.ts';
import { asksForDevice } from '../../lib/ticket/form-rules.ts';
import { SERVICE_STATES } from '../../lib/triage/categories.ts';
import { RadioGroup, TextArea, TextField, type ErrorsByField } from './fields.tsx';
import type { StepProps } from './problem-step.tsx';

const YES_NO = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
] as const;

export function ImpactStep({ draft, update, errors }: StepProps) {
  return (
    <>
      <RadioGroup
        field="serviceState"
        label="How are calls or the service affected?"
        error={errors.get('serviceState')}
        choices={SERVICE_STATES.map((s) => ({ value: s.id, label: s.label }))}
        value={draft.serviceState}
        onChange={(serviceState) => update({ serviceState })}
      />
      <TextField
        field="affectedUsers"
        label="How many users are affected?"
        hint="People whose phones, calls or faxes have the problem. 0 if nobody's calls are affected."
        error={errors.get('affectedUsers')}
        value={draft.affectedUsers}
        onChange={(affectedUsers) => update({ affectedUsers })}
        inputMode="numeric"
        autoComplete="off"
        className="short"
      />
      <TextField
        field="totalUsers"
        label="How many users are on your account in total?"
        hint="An estimate is fine."
        error={errors.get('totalUsers')}
        value={draft.totalUsers}
        onChange={(totalUsers) => update({ totalUsers })}
        inputMode="numeric"
        autoComplete="off"
        className="short"
      />
      <RadioGroup
        field="previouslyWorking"
        label="Did this work before?"
        hint="No means it is new: something being set up for the first time."
        error={errors.get('previouslyWorking')}
        choices={YES_NO}
        value={draft.previouslyWorking}
        onChange={(previouslyWorking) => update({ previouslyWorking })}
      />
      <RadioGroup
        field="workaround"
        label="Is there a workaround that works for now?"
        hint="For example forwarding calls to mobiles, or using the softphone instead."
        error={errors.get('workaround')}
        choices={YES_NO}
        value={draft.workaround}
        onChange={(workaround) => update({ workaround })}
      />
    </>
  );
}

function ExampleCall({
  index,
  call,
  errors,
  onChange,
  onRemove,
}: {
  index: number;
  call: ExampleCallDraft;
  errors: ErrorsByField;
  onChange: (call: ExampleCallDraft) => void;
  onRemove: () => void;
}) {
  const field = (part: keyof ExampleCallDraft) => `exampleCalls[${index}].${part}`;
  return (
    <fieldset className="example-call">
      <legend>Example call {index + 1}</legend>
      <TextField
        field={field('time')}
        label="When (your time)"
        type="datetime-local"
        error={errors.get(field('time'))}
        value={call.time}
        onChange={(time) => onChange({ ...call, time })}
      />
      <TextField
        field={field('from')}
        label="From"
        hint="The number or extension that called."
        error={errors.get(field('from'))}
        value={call.from}
        onChange={(from) => onChange({ ...call, from })}
      />
      <TextField
        field={field('to')}
        label="To"
        hint="The number or extension that was called."
        error={errors.get(field('to'))}
        value={call.to}
        onChange={(to) => onChange({ ...call, to })}
      />
      <TextField
        field={field('callId')}
        label="Call ID"
        optional
        error={errors.get(field('callId'))}
        value={call.callId}
        onChange={(callId) => onChange({ ...call, callId })}
      />
      <button type="button" className="button secondary" onClick={onRemove}>
        Remove example call {index + 1}
      </button>
    </fieldset>
  );
}

export function DetailsStep({ draft, update, errors }: StepProps) {
  const calls = draft.exampleCalls;
  const setCall = (index: number, call: ExampleCallDraft) =>
    update({ exampleCalls: calls.map((c, i) => (i === index ? call : c)) });
  const addCall = () => {
    update({ exampleCalls: [...calls, emptyExampleCall()] });
    // Focus the new call's first input once it is rendered.
    setTimeout(() => document.getElementById(fieldInputId(`exampleCalls[${calls.length}].time`))?.focus());
  };
  const removeCall = (index: number) => {
    update({ exampleCalls: calls.filter((_, i) => i !== index) });
    setTimeout(() => document.getElementById('ticket-add-call')?.focus());
  };
  return (
    <>
      <TextArea
        field="description"
        label="What happens?"
        hint="Since when, what you see or hear, and what you expected instead."
        error={errors.get('description')}
        value={draft.description}
        onChange={(description) => update({ description })}
        rows={5}
      />
      <TextArea
        field="affectedNumbers"
        label="Affected numbers or extensions"
        hint="One per line."
        optional
        error={errors.get('affectedNumbers')}
        value={draft.affectedNumbers}
        onChange={(affectedNumbers) => update({ affectedNumbers })}
        rows={3}
      />
      <div className="field">
        <p className="label">Example calls (optional)</p>
        <p className="hint" id="ticket-exampleCalls-hint">
          Up to {MAX_EXAMPLE_CALLS} calls that failed, so an engineer can find them in the call records.
        </p>
        {errors.get('exampleCalls') && (
          <p className="error-message" id={fieldInputId('exampleCalls')} tabIndex={-1}>
            {errors.get('exampleCalls')}
          </p>
        )}
        {calls.map((call, i) => (
          <ExampleCall
            key={i}
            index={i}
            call={call}
            errors={errors}
            onChange={(c) => setCall(i, c)}
            onRemove={() => removeCall(i)}
          />
        ))}
        {calls.length < MAX_EXAMPLE_CALLS && (
          <button
            type="button"
            id="ticket-add-call"
            className="button secondary"
            onClick={addCall}
            aria-describedby="ticket-exampleCalls-hint"
          >
            Add an example call
          </button>
        )}
      </div>
      {asksForDevice(draft.category) && (
        <fieldset className="field">
          <legend>The phone that will not register</legend>
          <TextField
            field="device.make"
            label="Make"
            hint="e.g. Yealink, Poly, Cisco, or the softphone's name."
            error={errors.get('device.make')}
            value={draft.device.make}
            onChange={(make) => update({ device: { ...draft.device, make } })}
          />
          <TextField
            field="device.model"
            label="Model"
            hint="e.g. T54W; it is on the label under the phone."
            error={errors.get('device.model')}
            value={draft.device.model}
            onChange={(model) => update({ device: { ...draft.device, model } })}
          />
        </fieldset>
      )}
      <TextArea
        field="stepsTried"
        label="Steps you already tried"
        hint="One per line. Steps from the article you came from are already listed."
        optional
        error={errors.get('stepsTried')}
        value={draft.stepsTried}
        onChange={(stepsTried) => update({ stepsTried })}
        rows={4}
      />
      <TextArea
        field="links"
        label="Links to screenshots or captures"
        hint="One per line, starting with https://, e.g. a shared folder with a packet capture."
        optional
        error={errors.get('links')}
        value={draft.links}
        onChange={(links) => update({ links })}
        rows={2}
      />
    </>
  );
}

export function ContactStep({ draft, update, errors, timeZone }: StepProps & { timeZone: string }) {
  const contact = draft.contact;
  const set = (patch: Partial<TicketDraft['contact']>) => update({ contact: { ...contact, ...patch } });
  return (
    <>
      <TextField
        field="contact.name"
        label="Your name"
        autoComplete="name"
        error={errors.get('contact.name')}
        value={contact.name}
        onChange={(name) => set({ name })}
      />
      <TextField
        field="contact.email"
        label="E-mail"
        type="email"
        autoComplete="email"
        spellCheck={false}
        error={errors.get('contact.email')}
        value={contact.email}
        onChange={(email) => set({ email })}
      />
      <TextField
        field="contact.callbackNumber"
        label="A number we can call you back on"
        hint="Not one of the lines that are broken: a mobile works best."
        type="tel"
        autoComplete="tel"
        error={errors.get('contact.callbackNumber')}
        value={contact.callbackNumber}
        onChange={(callbackNumber) => set({ callbackNumber })}
      />
      <TextField
        field="contact.company"
        label="Company or account name"
        autoComplete="organization"
        error={errors.get('contact.company')}
        value={contact.company}
        onChange={(company) => set({ company })}
      />
      <TextField
        field="contact.account"
        label="Account number"
        optional
        autoComplete="off"
        error={errors.get('contact.account')}
        value={contact.account}
        onChange={(account) => set({ account })}
      />
      <p className="meta">
        We show times in your time zone, <strong>{timeZone}</strong>, and send it with the ticket.
      </p>
    </>
  );
}
