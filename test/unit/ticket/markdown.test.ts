import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  deliveryMarker,
  deriveTicket,
  escapeBlock,
  escapeInline,
  inertTitle,
  inlineCode,
  MAX_ISSUE_BODY,
  ticketLabels,
  ticketSchema,
  ticketTitle,
  needsOnCall,
  toMarkdown,
  type TicketFacts,
} from '../../../src/lib/ticket/index.ts';
import { defaultPolicy } from '../../fixtures/ticket/policy.ts';
import { ticketInput } from '../../fixtures/ticket/tickets.ts';
import type { TicketInput } from '../../../src/lib/ticket/index.ts';

const policy = defaultPolicy();
const ZWSP = '\u200b';

function render(overrides: Partial<TicketInput> = {}, now = '2026-11-24T15:00:00Z') {
  const ticket = ticketSchema.parse(ticketInput(overrides));
  const facts: TicketFacts = {
    ...deriveTicket(ticket, policy, new Date(now)),
    reference: 'DT-20261124-7F3K9',
    deliveryKey: '0b5e6f0e-7a51-4f7e-8d0c-6a3c9d8e1f22',
  };
  return { ticket, facts, body: toMarkdown(ticket, facts), title: ticketTitle(ticket, facts) };
}

/** What GitHub would act on in the text outside inline code spans we produced. */
function liveSyntax(markdown: string): string[] {
  const found: string[] = [];
  const patterns: Array<[string, RegExp]> = [
    ['mention', /(^|[^\w`])@[A-Za-z0-9]/],
    ['issue reference', /#\d/],
    ['GH- reference', /\bGH-\d/i],
    ['image', /!\[/],
    ['HTML tag', /<[A-Za-z!/?]/],
    ['autolink', /(https?|ftp):\/\/|\bwww\./i],
    ['link', /\]\(/],
  ];
  for (const [name, pattern] of patterns) if (pattern.test(markdown)) found.push(name);
  return found;
}

describe('escapeInline', () => {
  it('cannot ping, reference, embed, link or inject HTML', () => {
    const hostile =
      '@octocat @org/team #12 owner/repo#3 GH-9 ![x](https://evil.example/p.png) <img src=x onerror=alert(1)> ' +
      '<script>alert(1)</script> [click](javascript:alert(1)) https://github.com/o/r/issues/1 www.example.com ' +
      'dana@example.com &#64;octocat <!-- comment -->';
    const escaped = escapeInline(hostile);
    expect(liveSyntax(escaped)).toEqual([]);
    expect(escaped).toContain(`@${ZWSP}octocat`);
    expect(escaped).toContain('&lt;script&gt;');
    expect(escaped).toContain(`&amp;\\#${ZWSP}64;octocat`);
  });

  it('keeps Markdown structure out of a line', () => {
    expect(escapeInline('# Priority: critical')).toBe(`\\#${ZWSP} Priority: critical`);
    expect(escapeInline('- item')).toBe('\\- item');
    expect(escapeInline('1. first')).toBe('1\\. first');
    expect(escapeInline('> quoted')).toBe('&gt; quoted');
    expect(escapeInline('| a | b |')).toBe('\\| a \\| b \\|');
    expect(escapeInline('line one\nline two')).toBe('line one line two');
  });

  it.each([
    'www.example.com',
    '_www.example.com',
    '*www.example.com*',
    '~www.example.com',
    '(www.example.com)',
    'WWW.example.com',
  ])('neutralises the autolink in %s, also once GitHub resolves the escapes', (text) => {
    // GitHub resolves backslash escapes, then links `www.` after a space, `*`, `_`, `~` or `(`.
    const resolved = escapeInline(`see ${text}`).replace(/\\([\\`*_{}[\]()!|~$+\-.=#])/g, '$1');
    expect(resolved).not.toMatch(/(^|[\s*_~(])www\./i);
    expect(resolved.replaceAll(ZWSP, '')).toBe(`see ${text}`);
  });

  it('removes bidi overrides and control characters', () => {
    expect(escapeInline('abc\u202edef\u0000')).toBe('abcdef');
  });

  it('never leaves live syntax, whatever the text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        expect(liveSyntax(escapeInline(text))).toEqual([]);
        expect(liveSyntax(escapeBlock(text))).toEqual([]);
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom(
            '@',
            '#',
            '!',
            '[',
            ']',
            '(',
            ')',
            '<',
            '>',
            'a',
            '1',
            'GH-',
            'www.',
            '://',
            'http',
            '\n',
            ' ',
            '`',
            '\\',
            '&',
          ),
        ),
        (parts) => {
          expect(liveSyntax(escapeBlock(parts.join('')))).toEqual([]);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('escapeBlock', () => {
  it('keeps line breaks but at most one blank line', () => {
    expect(escapeBlock('one\r\ntwo\n\n\n\nthree  ')).toBe('one\ntwo\n\nthree');
  });
});

describe('inlineCode', () => {
  it('uses a fence longer than any backtick run inside', () => {
    expect(inlineCode('a84b@pbx')).toBe('`a84b@pbx`');
    expect(inlineCode('a`b``c')).toBe('```a`b``c```');
    expect(inlineCode('`edge`')).toBe('`` `edge` ``');
  });
});

describe('toMarkdown', () => {
  it('renders the ticket with priority, reasons, due times in both zones and the hidden key', () => {
    const { body } = render({ customerTimeZone: 'America/Chicago' });
    expect(body).toContain('**Reference:** DT-20261124-7F3K9');
    expect(body).toContain('**Priority:** high (derived from the support policy)');
    expect(body).toContain('**First response due:** 2026-11-24 11:00 EST (customer: 2026-11-24 10:00 CST)');
    expect(body).toContain('- 1 of 40 users \\(2\\.5%\\) have phones that will not register');
    expect(body).toContain('- **E-mail:** `dana@example.com`');
    expect(body).toContain('- `https://files.example.com/capture.pcap`');
    expect(body.endsWith(`${deliveryMarker('0b5e6f0e-7a51-4f7e-8d0c-6a3c9d8e1f22')}\n`)).toBe(true);
  });

  it('says "best effort" when there is no resolution target', () => {
    const { body } = render({ category: 'question', device: undefined });
    expect(body).toContain('**Resolution due:** best effort');
  });

  it('keeps mentions, references, images and HTML in customer text inert', () => {
    const hostile =
      '@octocat #1 GH-2 ![x](https://evil.example/x.png) <img src=x> <b>bold</b> https://github.com/a/b/pull/3';
    const { body, title } = render({
      subject: `@octocat #7 broke ${'<b>'}`,
      description: hostile,
      stepsTried: [hostile.slice(0, 300)],
      contact: { ...ticketInput().contact, name: '@octocat', company: '<script>x</script>' },
      customerUrgency: { requested: 'critical', reason: hostile },
    });
    // The only code spans are ours (category, state, email, links, call ID); drop them, then nothing is live.
    const outsideCode = body.replace(/`[^`\n]*`/g, '').replace(/<!-- dialtone:key=[\w-]+ -->/, '');
    expect(liveSyntax(outsideCode)).toEqual([]);
    expect(title).toBe(`DT-20261124-7F3K9: @${ZWSP}octocat #${ZWSP}7 broke <b>`);
  });

  it("stays within GitHub's body limit with huge text, and keeps the hidden key", () => {
    const huge = '&<@#'.repeat(1250);
    const { body } = render({
      description: huge,
      stepsTried: Array.from({ length: 20 }, () => huge.slice(0, 300)),
      links: Array.from({ length: 10 }, (_, i) => `https://files.example.com/${i}/${'a'.repeat(1900)}`),
      customerUrgency: { requested: 'critical', reason: huge.slice(0, 1000) },
      subject: huge.slice(0, 150),
      exampleCalls: Array.from({ length: 5 }, () => ({
        time: '2026-11-24T08:12:00-05:00',
        from: huge.slice(0, 80),
        to: huge.slice(0, 80),
        callId: huge.slice(0, 256),
      })),
      contact: { ...ticketInput().contact, name: huge.slice(0, 120), company: huge.slice(0, 160) },
    });
    expect(body.length).toBeLessThanOrEqual(MAX_ISSUE_BODY);
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(body).toMatch(
      /_Truncated: the ticket is longer than a GitHub issue allows\. The full text is stored under DT-20261124-7F3K9\._/,
    );
    expect(body).toContain(deliveryMarker('0b5e6f0e-7a51-4f7e-8d0c-6a3c9d8e1f22'));
    // Cut after a whole line: every inline code span that was opened is closed.
    for (const line of body.split('\n')) expect((line.match(/(?<!\\)`/g) ?? []).length % 2).toBe(0);
  });

  it('leaves a normal ticket untruncated', () => {
    expect(render().body).not.toContain('Truncated');
  });
});

describe('ticketTitle and ticketLabels', () => {
  it('leads a critical ticket with EMERGENCY', () => {
    const { title, facts, ticket } = render({ category: 'outage', affectedUsers: 40, device: undefined });
    expect(facts.priority).toBe('critical');
    expect(title).toBe('EMERGENCY DT-20261124-7F3K9: Front desk phone shows No Service');
    expect(ticketLabels(ticket, facts)).toEqual(['priority: critical', 'category: outage']);
  });

  it('never lets a customer put EMERGENCY first on a non-critical ticket', () => {
    const { title } = render({ subject: 'EMERGENCY phone down' });
    expect(title).toBe('DT-20261124-7F3K9: EMERGENCY phone down');
  });

  it('leads a high ticket with EMERGENCY after hours only (the on-call engineer watches for it)', () => {
    // 2026-11-24 is a Tuesday: 15:00Z is 10:00 in New York (open), 01:00Z on the 25th is 20:00 (closed).
    const inHours = render({}, '2026-11-24T15:00:00Z');
    expect([inHours.facts.priority, inHours.facts.afterHours]).toEqual(['high', false]);
    expect(inHours.title).toBe('DT-20261124-7F3K9: Front desk phone shows No Service');
    const afterHours = render({}, '2026-11-25T01:00:00Z');
    expect([afterHours.facts.priority, afterHours.facts.afterHours]).toEqual(['high', true]);
    expect(afterHours.title).toBe('EMERGENCY DT-20261124-7F3K9: Front desk phone shows No Service');
    expect(needsOnCall(afterHours.facts)).toBe(true);
    // Normal and low tickets wait for business hours: no marker, no call.
    const normal = render({ category: 'voicemail', device: undefined }, '2026-11-25T01:00:00Z');
    expect(normal.title).toBe('DT-20261124-7F3K9: Front desk phone shows No Service');
    expect(needsOnCall(normal.facts)).toBe(false);
  });

  it('cuts a long title between whole characters, never through an emoji', () => {
    const { facts } = render();
    const title = ticketTitle({ subject: '📞'.repeat(300) }, facts);
    expect(Array.from(title)).toHaveLength(256);
    expect(title.endsWith('📞…')).toBe(true);
    expect(title.isWellFormed()).toBe(true);
  });

  it('labels a ticket whose customer asked for more for priority review', () => {
    const { ticket, facts } = render({
      customerUrgency: { requested: 'critical', reason: 'Front desk is our only line' },
    });
    expect(ticketLabels(ticket, facts)).toEqual(['priority: high', 'category: registration', 'needs-priority-review']);
  });

  it('caps the title at 256 characters', () => {
    expect(inertTitle('a\n  b\tc')).toBe('a b c');
    const { title } = render({ subject: 'x'.repeat(150) });
    expect(title.length).toBeLessThanOrEqual(256);
  });
});
