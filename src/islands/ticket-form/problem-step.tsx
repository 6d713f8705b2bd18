// The first step of the ticket form, what is wrong: the category, a summary, articles that may solve it, and the
// incidents already known for that category. It is all the form's first load needs (no schema library).
import { articleUrl } from '../../lib/articles/links.ts';
import { lines, type TicketDraft } from '../../lib/ticket/draft.ts';
import type { IncidentNotice } from '../../lib/ticket/incident-notices.ts';
import { CATEGORIES } from '../../lib/triage/categories.ts';
import { useArticleSearch } from '../use-article-search.ts';
import { RadioGroup, TextField, type ErrorsByField } from './fields.tsx';

export interface StepProps {
  draft: TicketDraft;
  update: (patch: Partial<TicketDraft>) => void;
  errors: ErrorsByField;
}

export function IncidentNotices({ notices }: { notices: readonly IncidentNotice[] }) {
  if (notices.length === 0) return null;
  return (
    <div className="incident-notice" role="note" aria-labelledby="ticket-incident-title">
      <h3 id="ticket-incident-title">We are already working on a problem that may be yours</h3>
      <ul>
        {notices.map((notice) => (
          <li key={notice.id}>
            <a href={notice.path}>{notice.title}</a> ({notice.statusLabel.toLowerCase()}; affects{' '}
            {notice.components.join(', ')})
          </li>
        ))}
      </ul>
      <p>Follow the incident for updates. If your problem is different, carry on: your ticket still reaches us.</p>
    </div>
  );
}

/** What the playbook or the troubleshooter sent along, so the customer sees nothing was lost on the way. */
function CarriedOver({ draft }: { draft: TicketDraft }) {
  const tried = lines(draft.stepsTried);
  if (!draft.fromArticle && tried.length === 0) return null;
  return (
    <div className="carried-over meta">
      {draft.fromArticle && (
        <p>
          You came from the article <a href={articleUrl(draft.fromArticle)}>{draft.fromArticle}</a>: we will include it.
        </p>
      )}
      {tried.length > 0 && (
        <>
          <p id="ticket-tried-title">We will include the steps you already tried (you can change them in step 3):</p>
          <ul aria-labelledby="ticket-tried-title">
            {tried.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

export function ProblemStep({ draft, update, errors, notices }: StepProps & { notices: readonly IncidentNotice[] }) {
  // Up to three articles matching the summary, once the customer pauses typing. Suggestions are a help, not a
  // step: without the search index the form works the same.
  const suggestions = useArticleSearch(draft.subject, { limit: 3, debounceMs: 300, minLength: 3 }).hits ?? [];
  return (
    <>
      <CarriedOver draft={draft} />
      <RadioGroup
        field="category"
        label="What is wrong?"
        error={errors.get('category')}
        choices={CATEGORIES.map((c) => ({ value: c.id, label: c.label }))}
        value={draft.category}
        onChange={(category) => update({ category })}
      />
      <IncidentNotices notices={notices} />
      <TextField
        field="subject"
        label="Summary"
        hint='In a few words, e.g. "Front desk phone shows No Service".'
        error={errors.get('subject')}
        value={draft.subject}
        onChange={(subject) => update({ subject })}
        maxLength={150}
        autoComplete="off"
      />
      <div className="suggestions" aria-live="polite">
        {suggestions.length > 0 && (
          <>
            <p id="ticket-suggestions-title">These articles may solve it now:</p>
            <ul aria-labelledby="ticket-suggestions-title">
              {suggestions.map((hit) => (
                <li key={hit.url}>
                  <a href={hit.url}>{hit.title}</a>
                  {hit.summary && <small> {hit.summary}</small>}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </>
  );
}
