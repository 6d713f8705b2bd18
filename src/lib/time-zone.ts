// Whether a name is an IANA time zone ("America/Chicago"), asked of every ticket that carries one.
import { IANAZone } from 'luxon';

// Luxon's check builds an Intl.DateTimeFormat each time, the costliest step of validating a ticket. Valid names
// are remembered: there are a few hundred (with aliases), so the set stays small whatever clients send; invalid
// names are not, so junk cannot grow it.
const known = new Set<string>();

export function isTimeZone(name: string): boolean {
  if (known.has(name)) return true;
  if (!IANAZone.isValidZone(name)) return false;
  known.add(name);
  return true;
}
