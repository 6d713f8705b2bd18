import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  deriveTicket,
  FRESHDESK_PRIORITY,
  helpdeskTags,
  htmlBlock,
  htmlCode,
  htmlText,
  MAX_HTML_BODY,
  ticketSchema,
  toHtml,
  webhookPayload,
  ZENDESK_PRIORITY,
  type TicketFacts,
  type TicketInput,
} from '../../../src/lib/ticket/index.ts';
import { defaultPolicy } from '../../fixtures/ticket/policy.ts';
import { ticketInput } from '../../fixtures/ticket/tickets.ts';

const policy = defaultPolicy();
const ZWSP = '\u200b';
/** The only elements our HTML bodies are made of; customer text never adds one. */
const OUR_TAGS = new Set(['p', 'br', 'strong', 'em', 'ul', 'li', 'h3', 'code', 'blockquote']);

function render(overrides: Partial<TicketInput> = {}) {
  const ticket = ticketSchema.parse(ticketInput(overrides));
  const facts: TicketFacts = {
    ...deriveTicket(ticket, policy, new Date('2026-11-24T15:00:00Z')),
    reference: 'DT-20261124-7F3K9',
  };
  return { ticket, facts, html: toHtml(ticket, facts) };
}

/** What a helpdesk would act on: elements other than ours, mentions, and text it would turn into a link. */
function liveHtml(html: string): string[] {
  const found = [...html.matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map((m) => m[1]!).filter((tag) => !OUR_TAGS.has(tag));
  const outsideCode = html.replace(/<code>[^<]*<\/code>/g, '');
  if (/<[a-z]+\s/i.test(html)) found.push('attribute');
  if (/@[^\u200b]/.test(outsideCode)) found.push('mention');
  if (/:\/\//.test(outsideCode) || /\bwww\./i.test(outsideCode)) found.push('autolink');
  return found;
}

const HOSTILE =
  '<img src=https://evil.example/p.png onerror=alert(1)> <script>alert(1)</script> ![x](https://evil.example/x.png) ' +
  '@octocat <a href="javascript:alert(1)">reset</a> www.evil.example &lt;b&gt; "quoted" \'single\' \u202eevil';

describe('htmlText', () => {
  it('escapes markup and breaks mentions and autolinks', () => {
    const escaped = htmlText(HOSTILE);
    expect(liveHtml(escaped)).toEqual([]);
    expect(escaped).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(escaped).toContain(`@${ZWSP}octocat`);
    expect(escaped).toContain(`https:${ZWSP}//evil.example`);
    expect(escaped).toContain(`www${ZWSP}.evil`);
    expect(escaped).toContain('&amp;lt;b&amp;gt; &quot;quoted&quot; &#39;single&#39;');
    expect(escaped).not.toContain('\u202e');
  });

  it('never leaves live markup, whatever the text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        expect(liveHtml(htmlText(text))).toEqual([]);
        expect(liveHtml(htmlBlock(text))).toEqual([]);
        expect(liveHtml(htmlCode(text))).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});

describe('htmlBlock and htmlCode', () => {
  it('makes paragraphs at blank lines and keeps single line breaks', () => {
    expect(htmlBlock('one\ntwo\n\n\n\nthree <b>')).toBe('<p>one<br>\ntwo</p>\n<p>three &lt;b&gt;</p>');
  });

  it('shows a link or an address verbatim in <code>, escaped', () => {
    expect(htmlCode('https://files.example.com/a?b=1&c=<x>')).toBe(
      '<code>https://files.example.com/a?b=1&amp;c=&lt;x&gt;</code>',
    );
  });
});

describe('toHtml', () => {
  it('renders the reference, priority, due times, impact, details and contact', () => {
    const { html } = render();
    expect(html).toContain('<strong>Reference:</strong> DT-20261124-7F3K9');
    expect(html).toContain('<strong>Priority:</strong> high (derived from the support policy)');
    expect(html).toContain('<strong>First response due:</strong> 2026-11-24 11:00 EST');
    expect(html).toContain('<li><strong>Affected users:</strong> 1 of 40</li>');
    expect(html).toContain('<h3>Steps already tried</h3>\n<ul>\n<li>Rebooted the phone</li>');
    expect(html).toContain('<li><code>https://files.example.com/capture.pcap</code></li>');
    expect(html).toContain('<li><strong>E-mail:</strong> <code>dana@example.com</code></li>');
    expect(liveHtml(html)).toEqual([]);
  });

  it('keeps every customer field inert', () => {
    const { html } = render({
      subject: `<h1>${HOSTILE.slice(0, 120)}`,
      description: HOSTILE,
      affectedNumbers: ['101'],
      stepsTried: [HOSTILE.slice(0, 300)],
      device: { make: '<b>Yealink</b>', model: '@T54W' },
      contact: {
        name: '<script>x</script>',
        email: 'dana@example.com',
        callbackNumber: '+1 212 555 0177',
        company: '@everyone',
        account: '<img src=x>',
      },
      customerUrgency: { requested: 'critical', reason: HOSTILE.slice(0, 900) },
      links: ['https://evil.example/"><img src=x>'],
    });
    expect(liveHtml(html)).toEqual([]);
    expect(html).toContain('&lt;h1&gt;');
  });

  it('stays within what the helpdesk accepts, cutting only between whole elements', () => {
    const { html } = render({
      description: '<'.repeat(5000),
      stepsTried: Array.from({ length: 20 }, () => '<'.repeat(300)),
      links: Array.from({ length: 10 }, (_, i) => `https://files.example.com/${i}/${'a'.repeat(1900)}`),
    });
    expect(html.length).toBeLessThanOrEqual(MAX_HTML_BODY);
    expect(html).toMatch(/The full text is stored under DT-20261124-7F3K9\.<\/em><\/p>$/);
    for (const tag of ['p', 'ul', 'li', 'code']) {
      expect(html.split(`<${tag}>`).length).toBe(html.split(`</${tag}>`).length);
    }
  });
});

describe('helpdesk fields', () => {
  it('maps our priorities onto Zendesk names and Freshdesk numbers', () => {
    expect(ZENDESK_PRIORITY).toEqual({ critical: 'urgent', high: 'high', normal: 'normal', low: 'low' });
    expect(FRESHDESK_PRIORITY).toEqual({ critical: 4, high: 3, normal: 2, low: 1 });
  });

  it('tags the source, the category and a requested review, without spaces', () => {
    expect(helpdeskTags({ category: 'outbound-calls' }, { needsPriorityReview: false })).toEqual([
      'dialtone',
      'category-outbound-calls',
    ]);
    expect(helpdeskTags({ category: 'fax' }, { needsPriorityReview: true })).toContain('needs-priority-review');
  });

  it('gives a webhook our facts and the answers as data, without the browser key or the honeypot', () => {
    const { ticket, facts } = render({ description: HOSTILE });
    const payload = webhookPayload(ticket, facts);
    expect(payload).toMatchObject({
      event: 'ticket.created',
      reference: 'DT-20261124-7F3K9',
      title: 'DT-20261124-7F3K9: Front desk phone shows No Service',
      priority: 'high',
      firstResponseDue: '2026-11-24T16:00:00Z',
    });
    // The ticket schema strips invisible and direction-changing characters (U+202E) before anything else sees it.
    expect(payload.ticket.description).toBe(HOSTILE.replace('\u202e', '').trim());
    expect(payload.ticket).not.toHaveProperty('idempotencyKey');
    expect(payload.ticket).not.toHaveProperty('website');
  });
});
