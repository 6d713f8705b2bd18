// Where a troubleshooter walk ends: "fixed" or "open a ticket". Apart from the schema so the browser's walk
// (the island) can name the outcomes without bringing the schema library along.

export const FIXED = '@fixed';
export const TICKET = '@ticket';
export type Outcome = typeof FIXED | typeof TICKET;

export function isOutcome(target: string): target is Outcome {
  return target === FIXED || target === TICKET;
}
