// The guided ticket form: five steps, each checked with the same schema the endpoint uses, the priority and
// due times derived in the browser with the same functions as the server (whose answer is what counts), the
// draft kept on this device until the ticket is received. One idempotency key per draft: sending twice, or
// again after a network error, gives the same reference.
import { useEffect, useMemo, useRef, useState, type SubmitEvent } from 'react';
import type { FieldError } from '../lib/errors.ts';
import { readableFieldErrors } from '../lib/policy/field-errors.ts';
import type { SupportPolicy } from '../lib/policy/schema.ts';
import { deriveTicket } from '../lib/ticket/derive.ts';
import {
  applyPrefill,
  draftToTicket,
  isBlankDraft,
  newDraft,
  prefillFromQuery,
  restoreDraft,
  type TicketDraft,
} from '../lib/ticket/draft.ts';
import { newIdempotencyKey, sendProblemMessage, sendTicket, type TicketReceipt } from '../lib/ticket/client.ts';
import { formError, type FormError } from '../lib/ticket/form-errors.ts';
import type { IncidentNotice, IncidentNotices } from '../lib/ticket/incident-notices.ts';
import { ticketSchema } from '../lib/ticket/schema.ts';
import { earliestStepErrors, TICKET_STEPS, validateTicketStep } from '../lib/ticket/steps.ts';
import { ErrorSummary, errorsByField } from './ticket-form/fields.tsx';
import { ReviewStep, Success } from './ticket-form/review.tsx';
import { ContactStep, DetailsStep, ImpactStep, ProblemStep } from './ticket-form/steps.tsx';
import './ticket-form/ticket-form.css';

interface Props {
  policy: SupportPolicy;
  /** Unresolved incidents per ticket category, as of the build. */
  incidents: IncidentNotices;
  /** POST /api/tickets on this site, or another deployment's endpoint. */
  endpoint: string;
}

const DRAFT_STORAGE_KEY = 'dialtone:ticket-draft';

function saveDraft(draft: TicketDraft | undefined): void {
  try {
    if (draft) localStorage.setItem(DRAFT_STORAGE_KEY, JSON.stringify(draft));
    else localStorage.removeItem(DRAFT_STORAGE_KEY);
  } catch {
    // Private browsing or a full quota: the form still works, the draft just does not survive a reload.
  }
}

function freshDraft(): TicketDraft {
  return applyPrefill(newDraft(newIdempotencyKey()), prefillFromQuery(new URLSearchParams(location.search)));
}

type FocusTarget = 'heading' | 'summary' | 'success';

export default function TicketForm({ policy, incidents, endpoint }: Props) {
  const [draft, setDraft] = useState<TicketDraft>();
  const [restored, setRestored] = useState(false);
  const [timeZone, setTimeZone] = useState('UTC');
  const [website, setWebsite] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [problem, setProblem] = useState<string>();
  const [sending, setSending] = useState(false);
  const [receipt, setReceipt] = useState<TicketReceipt>();
  const heading = useRef<HTMLHeadingElement>(null);
  const summary = useRef<HTMLDivElement>(null);
  const successHeading = useRef<HTMLHeadingElement>(null);
  const focusNext = useRef<FocusTarget | undefined>(undefined);

  // The draft and the zone live in the browser: read them once mounted. The page mounts the form with client:only:
  // a server render of `null` would make Astro probe it outside React ("Invalid hook call" in `npm run dev`).
  useEffect(() => {
    // The page's "this form needs JavaScript" note stays for browsers where this never runs.
    document.querySelector('[data-ticket-nojs]')?.setAttribute('hidden', '');
    const saved = restoreDraft(localStorage.getItem(DRAFT_STORAGE_KEY));
    setRestored(saved !== undefined && !isBlankDraft(saved));
    setDraft(saved ? applyPrefill(saved, prefillFromQuery(new URLSearchParams(location.search))) : freshDraft());
    setTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
  }, []);
  useEffect(() => {
    if (draft && !receipt) saveDraft(draft);
  }, [draft, receipt]);
  useEffect(() => {
    const target = focusNext.current;
    focusNext.current = undefined;
    if (target === 'heading') heading.current?.focus();
    else if (target === 'summary') summary.current?.focus();
    else if (target === 'success') successHeading.current?.focus();
  });

  const input = useMemo(() => draft && draftToTicket(draft, { timeZone, website }), [draft, timeZone, website]);
  // What the policy makes of the answers so far; the urgency request never changes it, so it is left out.
  const derived = useMemo(() => {
    if (!input || draft?.step !== TICKET_STEPS.length - 1) return undefined;
    const parsed = ticketSchema.safeParse({ ...input, customerUrgency: undefined });
    return parsed.success ? deriveTicket(parsed.data, policy, new Date()) : undefined;
  }, [input, draft?.step, policy]);

  if (!draft || !input) return null;

  const step = TICKET_STEPS[draft.step]!;
  const update = (patch: Partial<TicketDraft>) => setDraft((d) => (d ? { ...d, ...patch } : d));
  const byField = errorsByField(errors);

  function goTo(index: number, stepErrors: FormError[] = []) {
    setErrors(stepErrors);
    setProblem(undefined);
    update({ step: index });
    focusNext.current = stepErrors.length > 0 ? 'summary' : 'heading';
  }

  /** Shows errors on the earliest step that has any (the server's, or a full check before sending). */
  function showErrors(found: FieldError[]) {
    const earliest = earliestStepErrors(found);
    if (earliest) goTo(earliest.step, earliest.errors.map(formError));
    else setProblem(found.map((e) => e.message).join('; '));
  }

  async function send() {
    const full = ticketSchema.safeParse(input);
    if (!full.success) return showErrors(readableFieldErrors(full.error, input));
    setSending(true);
    setProblem(undefined);
    const outcome = await sendTicket((url, init) => fetch(url, init), endpoint, input);
    setSending(false);
    if (outcome.kind === 'received') {
      saveDraft(undefined);
      setReceipt(outcome.receipt);
      focusNext.current = 'success';
    } else if (outcome.kind === 'invalid') {
      showErrors(outcome.errors);
    } else if (outcome.kind === 'conflict') {
      // The edited draft is a new ticket: a new key, so sending again stores it instead of hitting 409 again.
      update({ idempotencyKey: newIdempotencyKey() });
      setProblem(sendProblemMessage(outcome, policy.contacts.supportEmail));
    } else {
      setProblem(sendProblemMessage(outcome, policy.contacts.supportEmail));
    }
  }

  function startOver() {
    const fresh = freshDraft();
    setDraft(fresh);
    setRestored(false);
    setReceipt(undefined);
    setErrors([]);
    setProblem(undefined);
    setWebsite('');
    focusNext.current = 'heading';
  }

  if (receipt) {
    return (
      <Success
        receipt={receipt}
        policy={policy}
        timeZone={timeZone}
        headingRef={successHeading}
        onAnother={startOver}
      />
    );
  }

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (sending) return;
    if (step.id === 'review') {
      void send();
      return;
    }
    const found = validateTicketStep(step.id, input).map(formError);
    if (found.length > 0) {
      setErrors(found);
      focusNext.current = 'summary';
    } else goTo(draft!.step + 1);
  }

  const stepProps = { draft, update, errors: byField };
  const notices = (draft.category && incidents[draft.category]) || [];
  const last = draft.step === TICKET_STEPS.length - 1;

  return (
    <form className="ticket-form" onSubmit={onSubmit} noValidate aria-labelledby="ticket-step-title">
      {restored && (
        <p className="restored">
          We kept the ticket you started earlier on this device.{' '}
          <button type="button" className="link-button" onClick={startOver}>
            Start over
          </button>
        </p>
      )}
      <h2 id="ticket-step-title" ref={heading} tabIndex={-1}>
        <span className="progress">
          Step {draft.step + 1} of {TICKET_STEPS.length}
        </span>{' '}
        {step.title}
      </h2>
      {errors.length > 0 && <ErrorSummary errors={errors} ref={summary} />}

      {step.id === 'problem' && <ProblemStep {...stepProps} notices={notices} />}
      {step.id === 'impact' && <ImpactStep {...stepProps} />}
      {step.id === 'details' && <DetailsStep {...stepProps} />}
      {step.id === 'contact' && <ContactStep {...stepProps} timeZone={timeZone} />}
      {step.id === 'review' && (
        <>
          <ReviewStep
            {...stepProps}
            policy={policy}
            derived={derived}
            timeZone={timeZone}
            goTo={(index) => goTo(index)}
            website={website}
            setWebsite={setWebsite}
          />
          <IncidentReminder notices={notices} />
        </>
      )}

      <div role="alert" className={problem ? 'form-problem' : undefined}>
        {problem}
      </div>
      <div className="form-actions">
        <button type="submit" className="button" aria-disabled={sending || undefined}>
          {last ? (sending ? 'Sending…' : 'Send ticket') : 'Continue'}
        </button>
        {draft.step > 0 && (
          <button type="button" className="button secondary" onClick={() => goTo(draft.step - 1)}>
            Back
          </button>
        )}
      </div>
    </form>
  );
}

function IncidentReminder({ notices }: { notices: readonly IncidentNotice[] }) {
  if (notices.length === 0) return null;
  return (
    <p className="incident-notice">
      Before you send: we are working on{' '}
      {notices.map((n, i) => (
        <span key={n.id}>
          {i > 0 && ', '}
          <a href={n.path}>{n.title}</a>
        </span>
      ))}
      . Your ticket still reaches us.
    </p>
  );
}
