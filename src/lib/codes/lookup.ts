// Finding the codes a customer wrote, anywhere in a sentence ("SIP 403", "403 Forbidden", "cause 34",
// NO_ROUTE_DESTINATION), by exact match against the code reference; used by search to put a code's own page
// first. And the phrases a code's page and its playbooks hold in the index.
import { isSipEntry, type CodeEntry, type CodeRef } from './refs.ts';
import type { CodeReference } from './schema.ts';

/** The names a recogniser needs: the shape of content/codes.json without the explanations. */
export interface CodeNames {
  sip: readonly Pick<CodeReference['sip'][number], 'code' | 'phrase'>[];
  q850: readonly Pick<CodeReference['q850'][number], 'cause' | 'name'>[];
}

/** A code written somewhere in a customer's text, and where (so the rest of the text can be searched). */
export interface CodeMention {
  ref: CodeRef;
  /** The offsets of the characters that named it, `text.slice(start, end)`, e.g. 'SIP 403' or 'cause 34'. */
  start: number;
  end: number;
}

// A code is only recognised by an exact match: "40" names nothing (the index prefix-matches numbers, so
// searching it would list 403, 404 and 408). Bare numbers count only for SIP's three-digit codes; a cause
// number needs its context ("cause 34", "Q.850 16", "q850 cause 16"), since "3 phones" is not cause 3.
const q850Context =
  /\b(?:(?:q\.?\s?850|itu)\s*(?:hang[\s-]?up\s+)?(?:cause\s*)?|(?:hang[\s-]?up\s+|disconnect\s+)?cause\s*(?:code\s*)?)#?\s*(\d{1,3})\b/gi;
const sipContext = /\bsip\s*(?:\/\s*2\.0\s*)?(?:error\s*|response\s*|code\s*|status\s*)?#?\s*(\d{3})\b/gi;
const anyContext = /\b(?:error|response|status|code)\s*(?:code\s*)?#?\s*(\d{1,3})\b/gi;
const bareNumber = /(?<![\d+.,:/-])\b(\d{3})\b(?![.,:/-]?\d)/g;

/** Words of a name or phrase, lower case: 'NO_ROUTE_DESTINATION' -> 'no route destination'. */
function spaced(label: string): string {
  return label
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0)
    .join(' ');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Every code named in `text`, in the order written, each once: 'SIP 403', '403 Forbidden', a bare SIP code
 * ('403'), 'error 486', 'cause 34', 'Q.850 16', 'q850 cause 16', a hangup cause by name ('NO_ROUTE_DESTINATION',
 * or spelled out when that takes three words or more: 'no route destination'), and a SIP reason phrase of three
 * words or more ('not acceptable here'). Phone numbers (+1 404 555 0100) are not codes.
 */
export function findCodeMentions(codes: CodeNames, text: string): CodeMention[] {
  const sip = new Map(codes.sip.map((e) => [e.code, e]));
  const q850 = new Map(codes.q850.map((e) => [e.cause, e]));
  const found: CodeMention[] = [];
  const taken = (start: number, end: number) => found.some((m) => start < m.end && end > m.start);
  const add = (ref: CodeRef, start: number, end: number) => {
    if (!taken(start, end)) found.push({ ref, start, end });
  };
  const each = (pattern: RegExp, visit: (match: RegExpExecArray) => void) => {
    for (const match of text.matchAll(pattern)) visit(match);
  };
  // A number followed by its reason phrase or name is one mention: '403 Forbidden', 'cause 3 no route destination'.
  const withLabel = (start: number, end: number, label: string) => {
    const after = new RegExp(`^[\\s:-]*${spaced(label).split(' ').map(escapeRegExp).join('[\\s_/-]+')}\\b`, 'i');
    const tail = after.exec(text.slice(end));
    return { start, end: tail ? end + tail[0].length : end };
  };
  each(q850Context, (m) => {
    const entry = q850.get(Number(m[1]));
    if (!entry) return;
    const span = withLabel(m.index, m.index + m[0].length, entry.name);
    add({ kind: 'q850', code: entry.cause }, span.start, span.end);
  });
  each(sipContext, (m) => {
    const entry = sip.get(Number(m[1]));
    if (!entry) return;
    const span = withLabel(m.index, m.index + m[0].length, entry.phrase);
    add({ kind: 'sip', code: entry.code }, span.start, span.end);
  });
  each(anyContext, (m) => {
    const number = Number(m[1]);
    const sipEntry = m[1]?.length === 3 ? sip.get(number) : undefined;
    const causeEntry = sipEntry ? undefined : q850.get(number);
    if (sipEntry)
      add({ kind: 'sip', code: number }, m.index, withLabel(m.index, m.index + m[0].length, sipEntry.phrase).end);
    else if (causeEntry)
      add({ kind: 'q850', code: number }, m.index, withLabel(m.index, m.index + m[0].length, causeEntry.name).end);
  });
  each(bareNumber, (m) => {
    const entry = sip.get(Number(m[1]));
    // '+1 404 555 0100': an area code, not a SIP response.
    if (
      !entry ||
      /\+\d{1,3}\s*$/.test(text.slice(0, m.index)) ||
      /^\)?[\s.-]*\d{3}[\s.-]*\d{4}/.test(text.slice(m.index + 3))
    )
      return;
    const span = withLabel(m.index, m.index + m[0].length, entry.phrase);
    add({ kind: 'sip', code: entry.code }, span.start, span.end);
  });
  for (const entry of codes.q850) {
    // The name as call records print it (any case, with underscores), or spelled out when distinctive enough.
    const written = entry.name.includes('_')
      ? new RegExp(`\\b${escapeRegExp(entry.name)}\\b`, 'gi')
      : new RegExp(`\\b${escapeRegExp(entry.name)}\\b`, 'g');
    each(written, (m) => add({ kind: 'q850', code: entry.cause }, m.index, m.index + m[0].length));
    const words = spaced(entry.name).split(' ');
    if (words.length >= 3)
      each(new RegExp(`\\b${words.map(escapeRegExp).join('\\s+')}\\b`, 'gi'), (m) =>
        add({ kind: 'q850', code: entry.cause }, m.index, m.index + m[0].length),
      );
  }
  for (const entry of codes.sip) {
    const words = spaced(entry.phrase).split(' ');
    if (words.length >= 3)
      each(new RegExp(`\\b${words.map(escapeRegExp).join('[\\s/]+')}\\b`, 'gi'), (m) =>
        add({ kind: 'sip', code: entry.code }, m.index, m.index + m[0].length),
      );
  }
  const seen = new Set<string>();
  return found
    .sort((a, b) => a.start - b.start)
    .filter((m) => {
      const key = `${m.ref.kind} ${m.ref.code}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** Whether a bare number could only be a prefix of a code ('40' of 403): searching it would list those codes. */
export function isCodePrefix(codes: CodeNames, digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  return [...codes.sip.map((e) => String(e.code)), ...codes.q850.map((e) => String(e.cause))].some((code) =>
    code.startsWith(digits),
  );
}

/** Phrases a search index should hold for a code page, so '403', 'SIP 403' and '403 Forbidden' all find it. */
export function codeSearchTerms(entry: CodeEntry): string[] {
  if (isSipEntry(entry)) {
    return [`SIP ${entry.code}`, `${entry.code} ${entry.phrase}`, `SIP ${entry.code} ${entry.phrase}`, entry.phrase];
  }
  const spaced = entry.name.replace(/_/g, ' ').toLowerCase();
  return [`Q850 ${entry.cause}`, `Q.850 cause ${entry.cause}`, `cause ${entry.cause}`, entry.name, spaced];
}
