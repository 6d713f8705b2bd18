// Finding a code the way a customer types it: by number (403), by name (NO_ROUTE_DESTINATION, "no route"),
// or by phrase ("403 Forbidden", "busy here"). Used by the code index filter and search.
import { isSipEntry, refOf, type CodeEntry, type CodeKind } from './refs.ts';
import type { CodeReference } from './schema.ts';

interface Query {
  kind?: CodeKind;
  number?: number;
  words: string[];
}

export function parseCodeQuery(text: string): Query {
  let rest = text
    .toLowerCase()
    .replace(/_/g, ' ')
    .replace(/q\.?\s?850/g, ' q850 ');
  let kind: CodeKind | undefined;
  if (/\bsip\b/.test(rest)) kind = 'sip';
  else if (/\b(q850|cause|hangup)\b/.test(rest)) kind = 'q850';
  rest = rest.replace(/\b(sip|q850|cause|hangup|code|error|response)\b/g, ' ');
  const digits = /\b(\d{1,3})\b/.exec(rest);
  if (digits?.[1]) rest = rest.replace(digits[1], ' ');
  const words = rest.split(/[^a-z0-9]+/).filter((w) => w.length > 0);
  return { kind, number: digits?.[1] ? Number(digits[1]) : undefined, words };
}

/** The words a code is known by: 'Busy Here' -> [busy, here]; 'NO_ROUTE_DESTINATION' -> [no, route, destination]. */
function labelWords(entry: CodeEntry): string[] {
  const label = isSipEntry(entry) ? entry.phrase : entry.name;
  return label
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

function score(entry: CodeEntry, query: Query): number {
  const ref = refOf(entry);
  if (query.kind && query.kind !== ref.kind) return 0;
  const numberMatches = query.number !== undefined && query.number === ref.code;
  if (query.number !== undefined && !numberMatches) return 0;
  const words = labelWords(entry);
  const wordsMatch = query.words.length > 0 && query.words.every((q) => words.some((w) => w.startsWith(q)));
  if (!numberMatches && !wordsMatch) return 0;
  return (numberMatches ? 100 : 0) + (wordsMatch ? 50 + (query.words.length === words.length ? 10 : 0) : 0);
}

/** The codes that match what was typed, best first; SIP before Q.850 on a tie. Empty for an empty query. */
export function findCodes(codes: CodeReference, text: string): CodeEntry[] {
  const query = parseCodeQuery(text);
  if (query.number === undefined && query.words.length === 0) return [];
  const all: CodeEntry[] = [...codes.sip, ...codes.q850];
  return all
    .map((entry, order) => ({ entry, order, score: score(entry, query) }))
    .filter((hit) => hit.score > 0)
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .map((hit) => hit.entry);
}

/** Phrases a search index should hold for a code page, so '403', 'SIP 403' and '403 Forbidden' all find it. */
export function codeSearchTerms(entry: CodeEntry): string[] {
  if (isSipEntry(entry)) {
    return [`SIP ${entry.code}`, `${entry.code} ${entry.phrase}`, `SIP ${entry.code} ${entry.phrase}`, entry.phrase];
  }
  const spaced = entry.name.replace(/_/g, ' ').toLowerCase();
  return [`Q850 ${entry.cause}`, `Q.850 cause ${entry.cause}`, `cause ${entry.cause}`, entry.name, spaced];
}
