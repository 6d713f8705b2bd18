// The guided ticket form: five steps, each checked with the same schema the endpoint uses, the priority and
// due times derived in the browser with the same functions as the server (whose answer is what counts), the
// draft kept on this device until the ticket is received. One idempotency key per draft: sending twice, or
// again after a network error, gives the same reference.
// The form's first step (what is wrong) is all the page loads: the server renders it with an empty draft and
// React hydrates over the same markup. The later steps, the schema checks, the ticket the draft becomes and the
// priority come as one chunk (./ticket-form/later.ts) once the customer starts answering, continues, or comes
// back to a saved draft. While a saved draft or a prefilled link is being applied, the page's inline script
// keeps the form hidden (data-ticket-pending, ticket-form.css) so the customer never sees it jump.
import { useEffect, useMemo, useRef, useState, type SubmitEvent } from 'react';
import type { FieldError } from '../lib/errors.ts';
import type { SupportPolicy } from '../lib/policy/schema.ts';
import { newIdempotencyKey, sendProblemMessage, sendTicket, type TicketReceipt } from '../lib/ticket/client.ts';
import { applyPrefill, isBlankDraft, newDraft, prefillFromQuery, type TicketDraft } from '../lib/ticket/draft.ts';
import { formError, type FormError } from '../lib/ticket/form-errors.ts';
import type { IncidentNotice, IncidentNotices } from '../lib/ticket/incident-notices.ts';
import { earliestStepErrors, TICKET_STEPS } from '../lib/ticket/steps.ts';
import { ErrorSummary, errorsByField } from './ticket-form/fields.tsx';
import { ProblemStep } from './ticket-form/problem-step.tsx';
import './ticket-form/ticket-form.css';

interface Props {
  policy: SupportPolicy;
  /** Unresolved incidents per ticket category, as of the build. */
  incidents: IncidentNotices;
  /** POST /api/tickets on this site, or another deployment's endpoint. */
  endpoint: string;
}

/** Where the draft is kept; the page's inline script (support/new.astro) reads the same key. */
const DRAFT_STORAGE_KEY = 'dialtone:ticket-draft';
/** On <html> while the first state is being applied: set by the page before the first paint. */
const PENDING_MARK = 'data-ticket-pending';

function saveDraft(draft: TicketDraft | undefined): void {
  try {
    // A blank draft is not kept: nothing to restore, and the next visit need not wait for the restoring code.
    if (draft && !isBlankDraft(draft)) localStorage.setItem(DRAFT_STORAGE_KEY, JSON.stringify(draft));
    else localStorage.removeItem(DRAFT_STORAGE_KEY);
  } catch {
    // Private browsing or a full quota: the form still works, the draft just does not survive a reload.
  }
}

function savedDraft(): string | null {
  try {
    return localStorage.getItem(DRAFT_STORAGE_KEY);
  } catch {
    return null;
  }
}

function freshDraft(): TicketDraft {
  return applyPrefill(newDraft(newIdempotencyKey()), prefillFromQuery(new URLSearchParams(location.search)));
}

type Later = typeof import('./ticket-form/later.ts');
let laterChunk: Promise<Later> | undefined;

/** The later steps and the checks, fetched once (again after a failed fetch: the network may be back). */
function loadLater(): Promise<Later> {
  laterChunk ??= import('./ticket-form/later.ts').catch((error: unknown) => {
    laterChunk = undefined;
    throw error;
  });
  return laterChunk;
}

type FocusTarget = 'heading' | 'summary' | 'success';

export default function TicketForm({ policy, incidents, endpoint }: Props) {
  // The server's first state (and the first render in the browser, which must match it): step 1, nothing typed.
  const [draft, setDraft] = useState<TicketDraft>(() => newDraft(''));
  const [ready, setReady] = useState(false);
  const [later, setLater] = useState<Later>();
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

  // The draft, the link's prefill and the zone live in the browser: apply them once hydrated.
  useEffect(() => {
    setTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
    const start = (saved: TicketDraft | undefined) => {
      setRestored(saved !== undefined && !isBlankDraft(saved));
      setDraft(saved ? applyPrefill(saved, prefillFromQuery(new URLSearchParams(location.search))) : freshDraft());
      setReady(true);
    };
    const saved = savedDraft();
    if (!saved) return start(undefined);
    loadLater().then(
      (chunk) => {
        setLater(chunk);
        start(chunk.restoreDraft(saved));
      },
      () => start(undefined),
    );
  }, []);
  useEffect(() => {
    if (ready) document.documentElement.removeAttribute(PENDING_MARK);
  }, [ready]);
  useEffect(() => {
    if (ready && !receipt) saveDraft(draft);
  }, [ready, draft, receipt]);
  useEffect(() => {
    const target = focusNext.current;
    focusNext.current = undefined;
    if (target === 'heading') heading.current?.focus();
    else if (target === 'summary') summary.current?.focus();
    else if (target === 'success') successHeading.current?.focus();
  });

  const last = draft.step === TICKET_STEPS.length - 1;
  const ticketOf = (chunk: Later) => chunk.draftToTicket(draft, { timeZone, website });
  // What the policy makes of the answers so far; the urgency request never changes it, so it is left out.
  const derived = useMemo(() => {
    if (!later || !last) return undefined;
    const parsed = later.ticketSchema.safeParse({ ...ticketOf(later), customerUrgency: undefined });
    return parsed.success ? later.deriveTicket(parsed.data, policy, new Date()) : undefined;
    // ticketOf reads draft, timeZone and website.
  }, [later, last, draft, timeZone, website, policy]);

  const step = TICKET_STEPS[draft.step]!;
  const update = (patch: Partial<TicketDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    // The customer is answering: fetch what the next steps need while they type.
    if (!later) loadLater().then(setLater, () => undefined);
  };
  const byField = errorsByField(errors);

  /** The later chunk, or undefined with a problem shown when it cannot be fetched (offline). */
  async function laterOrProblem(): Promise<Later | undefined> {
    try {
      const chunk = later ?? (await loadLater());
      setLater(chunk);
      return chunk;
    } catch {
      setProblem('The next step could not be loaded. Check your connection and try again: your answers are kept.');
      return undefined;
    }
  }

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

  async function send(chunk: Later) {
    const input = ticketOf(chunk);
    const full = chunk.ticketSchema.safeParse(input);
    if (!full.success) return showErrors(chunk.readableFieldErrors(full.error, input));
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

  if (receipt && later) {
    return (
      <later.Success
        receipt={receipt}
        policy={policy}
        timeZone={timeZone}
        headingRef={successHeading}
        onAnother={startOver}
      />
    );
  }

  async function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (sending) return;
    const chunk = await laterOrProblem();
    if (!chunk) return;
    if (step.id === 'review') {
      void send(chunk);
      return;
    }
    const found = chunk.validateTicketStep(step.id, ticketOf(chunk)).map(formError);
    if (found.length > 0) {
      setErrors(found);
      focusNext.current = 'summary';
    } else goTo(draft.step + 1);
  }

  const stepProps = { draft, update, errors: byField };
  const notices = (draft.category && incidents[draft.category]) || [];

  return (
    <form className="ticket-form needs-js" onSubmit={onSubmit} noValidate aria-labelledby="ticket-step-title">
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
      {later && step.id === 'impact' && <later.ImpactStep {...stepProps} />}
      {later && step.id === 'details' && <later.DetailsStep {...stepProps} />}
      {later && step.id === 'contact' && <later.ContactStep {...stepProps} timeZone={timeZone} />}
      {later && step.id === 'review' && (
        <>
          <later.ReviewStep
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
