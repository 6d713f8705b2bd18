// The shape a playbook's MDX body must have for the playbook components (<Steps>, <Check>, <Escalate>) to
// render it: the rules a support person meets in `npm run check:content` and the build, with the line to fix.

/** A problem in an article body, at a 1-based line of the body: where to fix it, or where the missing part goes. */
export interface BodyProblem {
  line: number;
  message: string;
}

/** The headings every playbook has, in this order: what to check, how to fix it, how to escalate. */
export const PLAYBOOK_HEADINGS = ['## Check, in this order', '## Fix', '## Still not working?'] as const;

/** How many `<Check>` steps a playbook needs: one check is a tip, not a diagnosis. */
export const MIN_CHECKS = 2;
const MIN_ATTRIBUTE_LENGTH = 5;

// Durations that belong to the support policy: written in an article, they go stale when the policy changes.
const POLICY_DURATION = /\b\d+\s*(?:hours?|h|minutes?|mins?|business days?)\b/i;

export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function attribute(attributes: string, name: string): string | undefined {
  const match = new RegExp(`\\b${name}=(?:"([^"]*)"|'([^']*)'|\\{"([^"]*)"\\})`).exec(attributes);
  return match ? (match[1] ?? match[2] ?? match[3] ?? '') : undefined;
}

/** Every rule about the body of one playbook. `category` decides the policy-number rule (support articles). */
export function playbookBodyProblems(body: string, category: string): BodyProblem[] {
  const problems: BodyProblem[] = [];
  const at = (offset: number, message: string) => problems.push({ line: lineAt(body, offset), message });
  const headingAt = (heading: string) =>
    body.search(new RegExp(`^${heading.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[ \\t]*$`, 'm'));
  // Something missing is reported where it belongs: under its heading, else at the end of the article.
  const missing = (heading: string, message: string) => {
    const index = headingAt(heading);
    at(index === -1 ? body.trimEnd().length : index, message);
  };

  const imports = /^import\s/m.exec(body);
  if (imports) at(imports.index, 'remove the import: Steps, Check, Callout and Escalate are provided to every article');

  let previous = -1;
  for (const heading of PLAYBOOK_HEADINGS) {
    const index = headingAt(heading);
    if (index === -1)
      missing(heading, `add the heading '${heading}' (every playbook has: ${PLAYBOOK_HEADINGS.join(', ')})`);
    else if (index < previous) at(index, `move '${heading}' after the previous playbook heading`);
    else previous = index;
  }

  const steps = [...body.matchAll(/<Steps\b[^>]*>/g)];
  if (steps.length === 0)
    missing(PLAYBOOK_HEADINGS[0], `wrap the checks in one <Steps> ... </Steps> under '${PLAYBOOK_HEADINGS[0]}'`);
  for (const extra of steps.slice(1)) at(extra.index, 'use one <Steps> per article: merge this one into the first');

  const checks = [...body.matchAll(/<Check\b([^>]*)>/g)];
  if (checks.length < MIN_CHECKS) {
    missing(
      PLAYBOOK_HEADINGS[0],
      `has ${checks.length} <Check> step(s): write at least ${MIN_CHECKS}, in the order a customer should try them`,
    );
  }
  checks.forEach((check, i) => {
    const attributes = check[1] ?? '';
    for (const [name, hint] of [
      ['title', 'what to check, as a question'],
      ['expect', 'what a good result looks like'],
    ] as const) {
      const value = attribute(attributes, name)?.trim() ?? '';
      if (value.length < MIN_ATTRIBUTE_LENGTH) {
        at(check.index, `<Check> ${i + 1}: add ${name}="..." (${hint}, at least ${MIN_ATTRIBUTE_LENGTH} characters)`);
      }
    }
  });

  const escalates = [...body.matchAll(/<Escalate\b[^>]*>([\s\S]*?)<\/Escalate>/g)];
  if (escalates.length === 0) {
    missing(
      PLAYBOOK_HEADINGS[2],
      `add one <Escalate> block under '${PLAYBOOK_HEADINGS[2]}' listing what to collect before opening a ticket`,
    );
  }
  for (const extra of escalates.slice(1))
    at(extra.index, 'use one <Escalate> per article: merge this one into the first');
  const escalate = escalates[0];
  if (escalate) {
    const inside = escalate[1] ?? '';
    if (!/^\s*[-*] \S/m.test(inside)) {
      at(
        escalate.index,
        '<Escalate>: list what to collect as a Markdown list (- the phone model, - the time of a failed call)',
      );
    }
    if (inside.includes('/support/new/')) {
      at(escalate.index, '<Escalate>: remove the ticket link: the block adds its own, with the checks carried over');
    }
  }

  if (category === 'support') {
    const duration = POLICY_DURATION.exec(body);
    if (duration) {
      at(
        duration.index,
        `'${duration[0]}': response times live in support-policy.json; use <SupportPolicyTable /> or <SupportContacts /> instead of writing them`,
      );
    }
  }
  return problems.sort((a, b) => a.line - b.line);
}

/** A Markdown link to a knowledge-base article in a body: `[text](/kb/<category>/<slug>/)`. */
export interface ArticleLink {
  line: number;
  text: string;
  target: string;
}

export function articleLinks(body: string): ArticleLink[] {
  return [...body.matchAll(/\[([^\]\n]+)\]\(\/kb\/([a-z0-9-]+\/[a-z0-9-]+)\/?(?:#[^)\s]*)?\)/g)].map((m) => ({
    line: lineAt(body, m.index),
    text: m[1] ?? '',
    target: m[2] ?? '',
  }));
}

const comparable = (text: string) =>
  text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/[.!?:;,]+$/, '')
    .trim();

/**
 * A link's text must say where it goes: the target's title, or a sentence that contains it. A link called "this
 * article" or an old title sends a customer somewhere they did not expect.
 */
export function linkTextMatchesTitle(text: string, title: string): boolean {
  return comparable(text).includes(comparable(title));
}
