// Phone numbers as links: what the page shows stays as written, the link keeps only what a dialler reads.

/** `+1 (555) 010-0199` -> `tel:+15550100199` */
export function telHref(number: string): string {
  return `tel:${number.replace(/[^\d+]/g, '')}`;
}
