// The review step (answers, the priority the policy gives and when they will hear back) and the success screen.
import type { Ref } from 'react';
import { telHref } from '../../lib/links/tel.ts';
import { priorityLabels } from '../../lib/policy/describe.ts';
import { PRIORITIES, type SupportPolicy } from '../../lib/policy/schema.ts';
import type { TicketReceipt } from '../../lib/ticket/client.ts';
import { needsOnCall, ON_CALL_MARKER, type DerivedTicket } from '../../lib/ticket/derive.ts';
import type { TicketDraft } from '../../lib/ticket/draft.ts';
import { draftSummary } from '../../lib/ticket/summary.ts';
import { formatInstantIn } from '../../lib/time-format.ts';
import { isMoreUrgent } from '../../lib/triage/triage.ts';
import { RadioGroup, TextArea, type ErrorsByField } from './fields.tsx';

/** One instant in the customer's zone and, when it differs, the support team's. */
function TimeInZones({ iso, customerZone, teamZone }: { iso: string; customerZone: string; teamZone: string }) {
  if (customerZone === teamZone) return <>{formatInstantIn(iso, teamZone, 'day')}</>;
  return (
    <>
      {formatInstantIn(iso, customerZone, 'day')} your time
      <span className="meta"> ({formatInstantIn(iso, teamZone, 'day')} for our support team)</span>
    </>
  );
}

function EmergencyInstructions({ policy }: { policy: SupportPolicy }) {
  const { emergencyPhone, emergencyInstructions } = policy.contacts;
  return (
    <div className="emergency" role="note" aria-labelledby="ticket-emergency-title">
      <h4 id="ticket-emergency-title">Outside business hours: call the emergency line too</h4>
      <p>
        A ticket alone pages nobody outside business hours. Your ticket is marked {ON_CALL_MARKER} for the on-call
        engineer, but call the line and leave a message so they start now.
      </p>
      <p>
        Emergency line: <a href={telHref(emergencyPhone)}>{emergencyPhone}</a>
      </p>
      <ol>
        {emergencyInstructions.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
    </div>
  );
}

export interface ReviewProps {
  draft: TicketDraft;
  update: (patch: Partial<TicketDraft>) => void;
  errors: ErrorsByField;
  policy: SupportPolicy;
  derived: DerivedTicket | undefined;
  timeZone: string;
  goTo: (step: number) => void;
  website: string;
  setWebsite: (value: string) => void;
}

export function ReviewStep({
  draft,
  update,
  errors,
  policy,
  derived,
  timeZone,
  goTo,
  website,
  setWebsite,
}: ReviewProps) {
  const moreUrgent = derived ? PRIORITIES.filter((p) => isMoreUrgent(p, derived.priority)) : [];
  return (
    <>
      {draftSummary(draft).map((section) => (
        <section className="review-section" key={section.step} aria-labelledby={`ticket-review-${section.step}`}>
          <div className="review-heading">
            <h3 id={`ticket-review-${section.step}`}>{section.title}</h3>
            <button
              type="button"
              className="button secondary"
              onClick={() => goTo(section.step)}
              aria-label={`Change ${section.title.toLowerCase()}`}
            >
              Change
            </button>
          </div>
          <dl>
            {section.answers
              .filter((a) => a.answer)
              .map((a) => (
                <div key={a.question}>
                  <dt>{a.question}</dt>
                  <dd>{a.answer}</dd>
                </div>
              ))}
          </dl>
        </section>
      ))}

      {derived && (
        <section className="priority" aria-labelledby="ticket-priority-title">
          <h3 id="ticket-priority-title">Priority: {priorityLabels[derived.priority]}</h3>
          <p>Our support policy sets the priority from your answers:</p>
          <ul>
            {derived.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
          <dl>
            <div>
              <dt>First response by</dt>
              <dd>
                <TimeInZones iso={derived.firstResponseDue} customerZone={timeZone} teamZone={policy.timeZone} />
              </dd>
            </div>
            <div>
              <dt>Resolution target</dt>
              <dd>
                {derived.resolutionDue === null ? (
                  'Best effort'
                ) : (
                  <TimeInZones iso={derived.resolutionDue} customerZone={timeZone} teamZone={policy.timeZone} />
                )}
              </dd>
            </div>
          </dl>
          <p className="meta">
            {derived.clock === '24x7'
              ? 'Counted around the clock.'
              : `Counted in business hours: ${policy.contacts.hours}`}
          </p>
          {derived.afterHours && needsOnCall(derived) && <EmergencyInstructions policy={policy} />}
        </section>
      )}

      {moreUrgent.length > 0 && (
        <div className="field urgency">
          <div className="choice">
            <input
              type="checkbox"
              id="ticket-moreUrgent"
              checked={draft.moreUrgent}
              onChange={(e) => update({ moreUrgent: e.target.checked })}
            />
            <label htmlFor="ticket-moreUrgent">It is more urgent than this</label>
          </div>
          {draft.moreUrgent && (
            <>
              <RadioGroup
                field="customerUrgency.requested"
                label="Which priority do you need?"
                hint="A support engineer reviews your reason; until then the policy's priority applies."
                error={errors.get('customerUrgency.requested')}
                choices={moreUrgent.map((p) => ({ value: p, label: priorityLabels[p] }))}
                value={draft.requestedPriority}
                onChange={(requestedPriority) => update({ requestedPriority })}
              />
              <TextArea
                field="customerUrgency.reason"
                label="Why is it more urgent?"
                hint="e.g. our only sales line, a launch today, a regulatory deadline."
                error={errors.get('customerUrgency.reason')}
                value={draft.urgencyReason}
                onChange={(urgencyReason) => update({ urgencyReason })}
                rows={3}
              />
            </>
          )}
        </div>
      )}

      {/* Bots fill every field; people never see this one, and screen readers skip it. */}
      <div className="hp" aria-hidden="true">
        <label htmlFor="ticket-website">Leave this empty</label>
        <input
          id="ticket-website"
          name="website"
          type="text"
          tabIndex={-1}
          autoComplete="off"
          value={website}
          onChange={(e) => setWebsite(e.target.value)}
        />
      </div>
    </>
  );
}

export function Success({
  receipt,
  policy,
  timeZone,
  headingRef,
  onAnother,
}: {
  receipt: TicketReceipt;
  policy: SupportPolicy;
  timeZone: string;
  headingRef: Ref<HTMLHeadingElement>;
  onAnother: () => void;
}) {
  return (
    <section className="ticket-success" aria-labelledby="ticket-success-title">
      <h2 id="ticket-success-title" ref={headingRef} tabIndex={-1}>
        Ticket received
      </h2>
      <p>
        Your reference is <strong className="reference">{receipt.reference}</strong>. Quote it when you call or write to{' '}
        {policy.contacts.supportEmail}.
      </p>
      <dl>
        <div>
          <dt>Priority</dt>
          <dd>{priorityLabels[receipt.priority] ?? receipt.priority}</dd>
        </div>
        <div>
          <dt>First response by</dt>
          <dd>
            <TimeInZones iso={receipt.firstResponseDue} customerZone={timeZone} teamZone={policy.timeZone} />
          </dd>
        </div>
      </dl>
      {receipt.priority === 'critical' && (
        <p>
          If calls are down outside business hours, also call the emergency line:{' '}
          <a href={telHref(policy.contacts.emergencyPhone)}>{policy.contacts.emergencyPhone}</a>.
        </p>
      )}
      <p>
        <button type="button" className="button secondary" onClick={onAnother}>
          Open another ticket
        </button>
      </p>
    </section>
  );
}
