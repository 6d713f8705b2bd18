import { describe, expect, it } from 'vitest';
import { isSafeHref, renderInline, renderMarkdown } from '../../../src/lib/status/markdown.ts';
import { sample } from './helpers.ts';

describe('renderMarkdown (incident updates and postmortems)', () => {
  it('renders paragraphs, headings, lists, code and emphasis', () => {
    const html = renderMarkdown(
      [
        '## What happened',
        '',
        'Calls *failed* with **Q.850 cause 34**.',
        'Dialing again connects.',
        '',
        '- first',
        '- second',
        '  continued',
        '',
        '1. one',
        '2. two',
        '',
        'Run `sip show peers` now.',
        '',
        '```',
        'INVITE <sip:x>',
        '```',
      ].join('\n'),
    );
    expect(html).toBe(
      [
        '<h2>What happened</h2>',
        '<p>Calls <em>failed</em> with <strong>Q.850 cause 34</strong>.\nDialing again connects.</p>',
        '<ul><li>first</li><li>second continued</li></ul>',
        '<ol><li>one</li><li>two</li></ol>',
        '<p>Run <code>sip show peers</code> now.</p>',
        '<pre><code>INVITE &lt;sip:x&gt;</code></pre>',
      ].join('\n'),
    );
  });

  it('shifts headings below the page headings, never past h6', () => {
    expect(renderMarkdown('## Why', { headingShift: 1 })).toBe('<h3>Why</h3>');
    expect(renderMarkdown('###### Deep', { headingShift: 2 })).toBe('<h6>Deep</h6>');
  });

  it('shows raw HTML as text, in every kind of block', () => {
    const attacks = [
      '<script>alert(1)</script>',
      '## <img src=x onerror=alert(1)>',
      '- <iframe src="https://evil.example">',
      '**<b onmouseover="x">**',
      '`<script>`',
    ];
    for (const attack of attacks) {
      const html = renderMarkdown(attack);
      expect(html).not.toMatch(/<(script|img|iframe|b)\b/i);
      expect(html).toContain('&lt;');
    }
  });

  it('links only to safe targets; anything else stays text', () => {
    expect(renderInline('[open a ticket](/support/new/?category=fax&x=1)')).toBe(
      '<a href="/support/new/?category=fax&amp;x=1">open a ticket</a>',
    );
    expect(renderInline('[mail](mailto:noc@example.com)')).toBe('<a href="mailto:noc@example.com">mail</a>');
    for (const href of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html,x',
      'vbscript:x',
      '//evil.example/x',
    ])
      expect(renderInline(`[click](${href})`)).not.toContain('<a');
    expect(renderInline('[x]("onmouseover=alert(1))')).not.toContain('<a');
  });

  it('makes site paths absolute when given a base URL (feeds)', () => {
    expect(
      renderMarkdown('[ticket](/support/new/) or [mail](mailto:a@example.com)', {
        baseUrl: 'https://support.example.com',
      }),
    ).toBe(
      '<p><a href="https://support.example.com/support/new/">ticket</a> or <a href="mailto:a@example.com">mail</a></p>',
    );
  });

  it('isSafeHref accepts web, mail, phone and site links only', () => {
    expect(
      ['https://example.com', 'http://x.example', 'tel:+15555550100', '/status/', '#why', 'page/'].every(isSafeHref),
    ).toBe(true);
    expect(
      ['javascript:x', 'data:x', 'file:///etc/passwd', '//x.example', 'https://x y', 'ftp://x'].some(isSafeHref),
    ).toBe(false);
  });

  it('leaves snake_case and lone asterisks alone', () => {
    expect(renderInline('set max_calls_per_trunk to 10 * 2')).toBe('set max_calls_per_trunk to 10 * 2');
    expect(renderInline('_really_ important')).toBe('<em>really</em> important');
  });

  it('renders every update and postmortem of the sample file without leaking markup', () => {
    const file = sample();
    const bodies = [
      ...file.incidents.flatMap((i) => [...i.updates.map((u) => u.body), i.postmortem?.body ?? '']),
      ...file.maintenances.flatMap((m) => (m.updates ?? []).map((u) => u.body)),
    ];
    for (const body of bodies) {
      const html = renderMarkdown(body);
      expect(html.replace(/<\/?(p|h[2-6]|ul|ol|li|em|strong|code|pre|a)( href="[^"]*")?>/g, '')).not.toMatch(/[<>]/);
    }
    const withLink = file.incidents.find((i) => i.id === '2026-11-09-fax-t38-failures')!;
    expect(renderMarkdown(withLink.updates.at(-1)!.body)).toContain(
      '<a href="/support/new/?category=fax">open a ticket</a>',
    );
  });
});
