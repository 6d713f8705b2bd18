// A code reference as articles write it ('SIP 403', 'Q850 3'), and the URL and label derived from it.
import type { CodeReference, Q850CauseEntry, SipCodeEntry } from './schema.ts';

export type CodeKind = 'sip' | 'q850';

/** The search page's Topic filter value for code pages (articles use their category's label). */
export const codesSearchTopic = 'Error codes';

export interface CodeRef {
  kind: CodeKind;
  code: number;
}

const refPattern = /^(SIP|Q850) (\d{1,3})$/;

/** `'SIP 403'` -> `{ kind: 'sip', code: 403 }`; undefined for anything not written that way. */
export function parseCodeRef(text: string): CodeRef | undefined {
  const match = refPattern.exec(text.trim());
  if (!match?.[1] || !match[2]) return undefined;
  const kind: CodeKind = match[1] === 'SIP' ? 'sip' : 'q850';
  return { kind, code: Number(match[2]) };
}

/** `{ kind: 'sip', code: 403 }` -> `'SIP 403'`, the form used in article frontmatter. */
export function formatCodeRef(ref: CodeRef): string {
  return `${ref.kind === 'sip' ? 'SIP' : 'Q850'} ${ref.code}`;
}

/** The stable deep link a provider's portal can point at: `/codes/sip/403/`, `/codes/q850/3/`. */
export function codeUrl(ref: CodeRef | string): string {
  const parsed = typeof ref === 'string' ? parseCodeRef(ref) : ref;
  if (!parsed) throw new Error(`not a code reference: '${String(ref)}' (expected 'SIP 403' or 'Q850 3')`);
  return `/codes/${parsed.kind}/${parsed.code}/`;
}

export type CodeEntry = SipCodeEntry | Q850CauseEntry;

export function isSipEntry(entry: CodeEntry): entry is SipCodeEntry {
  return 'code' in entry;
}

export function refOf(entry: CodeEntry): CodeRef {
  return isSipEntry(entry) ? { kind: 'sip', code: entry.code } : { kind: 'q850', code: entry.cause };
}

export function findCode(codes: CodeReference, ref: CodeRef): CodeEntry | undefined {
  return ref.kind === 'sip'
    ? codes.sip.find((entry) => entry.code === ref.code)
    : codes.q850.find((entry) => entry.cause === ref.code);
}

/** What a person reads: `SIP 403 Forbidden`, `Q.850 3 NO_ROUTE_DESTINATION` (the bare number if unknown). */
export function codeLabel(ref: CodeRef | CodeEntry | string, codes?: CodeReference): string {
  if (typeof ref === 'object' && !('kind' in ref)) return entryLabel(ref);
  const parsed = typeof ref === 'string' ? parseCodeRef(ref) : ref;
  if (!parsed) return String(ref);
  const entry = codes && findCode(codes, parsed);
  if (entry) return entryLabel(entry);
  return parsed.kind === 'sip' ? `SIP ${parsed.code}` : `Q.850 cause ${parsed.code}`;
}

function entryLabel(entry: CodeEntry): string {
  return isSipEntry(entry) ? `SIP ${entry.code} ${entry.phrase}` : `Q.850 ${entry.cause} ${entry.name}`;
}

/** The other family's codes for the same failure: SIP 404 -> Q.850 1 and 3; Q.850 3 -> SIP 404 (if listed). */
export function equivalentCodes(codes: CodeReference, entry: CodeEntry): CodeEntry[] {
  if (isSipEntry(entry)) return codes.q850.filter((cause) => cause.sipEquivalent === entry.code);
  const sip =
    entry.sipEquivalent === undefined ? undefined : findCode(codes, { kind: 'sip', code: entry.sipEquivalent });
  return sip ? [sip] : [];
}
