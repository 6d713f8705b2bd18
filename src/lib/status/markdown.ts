// The small Markdown of incident updates and postmortems (paragraphs, headings, lists, code, emphasis, links)
// rendered to HTML that is safe by construction: every character of the source is escaped, raw HTML shows
// as text, and links only go to http(s), mailto, tel or paths on this site.

export interface MarkdownOptions {
  /** `##` becomes `<h{2 + headingShift}>`, so a postmortem's headings sit below the page's own (max h6). */
  headingShift?: number;
  /** Makes site paths absolute (`/support/new/` → `https://site/support/new/`), for feeds read elsewhere. */
  baseUrl?: string;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A link target we are willing to render: absolute http(s), mailto:, tel:, or a path or anchor on this site. */
export function isSafeHref(href: string): boolean {
  if (/[\s\u0000-\u001f\u007f]/.test(href)) return false;
  if (/^(https?:\/\/|mailto:|tel:)/i.test(href)) return true;
  return /^(\/(?!\/)|#|\?)/.test(href) || (!href.includes(':') && !href.startsWith('/'));
}

function absolute(href: string, baseUrl: string | undefined): string {
  return baseUrl && href.startsWith('/') ? new URL(href, baseUrl).href : href;
}

// Code spans, links, strong, then emphasis with * or _ (underscores only at word edges, so snake_case stays).
const INLINE =
  /`([^`]+)`|\[([^\]]+)\]\(([^()\s]+)\)|\*\*(\S(?:.*?\S)?)\*\*|\*(\S(?:.*?\S)?)\*|(?<!\w)_(\S(?:.*?\S)?)_(?!\w)/g;

export function renderInline(text: string, baseUrl?: string): string {
  let html = '';
  let last = 0;
  for (const match of text.matchAll(INLINE)) {
    const [whole, code, label, href, strong, em, underscored] = match;
    html += escapeHtml(text.slice(last, match.index));
    last = match.index + whole.length;
    if (code !== undefined) html += `<code>${escapeHtml(code)}</code>`;
    else if (label !== undefined && href !== undefined)
      html += isSafeHref(href)
        ? `<a href="${escapeHtml(absolute(href, baseUrl))}">${renderInline(label)}</a>`
        : escapeHtml(whole);
    else if (strong !== undefined) html += `<strong>${renderInline(strong, baseUrl)}</strong>`;
    else html += `<em>${renderInline(em ?? underscored ?? '', baseUrl)}</em>`;
  }
  return html + escapeHtml(text.slice(last));
}

type Block =
  | { kind: 'p'; lines: string[] }
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'ul' | 'ol'; items: string[] }
  | { kind: 'code'; lines: string[] };

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const BULLET = /^\s{0,3}[-*+]\s+(.*)$/;
const NUMBERED = /^\s{0,3}\d{1,9}[.)]\s+(.*)$/;
const FENCE = /^\s{0,3}(```|~~~)/;

function parseBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const current = blocks.at(-1);
    const fence = FENCE.exec(line);
    if (fence) {
      const code: string[] = [];
      while (++i < lines.length && !(lines[i] as string).trimStart().startsWith(fence[1] as string))
        code.push(lines[i] as string);
      blocks.push({ kind: 'code', lines: code });
      blocks.push({ kind: 'p', lines: [] });
      continue;
    }
    const heading = HEADING.exec(line);
    const bullet = BULLET.exec(line);
    const numbered = NUMBERED.exec(line);
    if (line.trim() === '') blocks.push({ kind: 'p', lines: [] });
    else if (heading) blocks.push({ kind: 'heading', level: (heading[1] as string).length, text: heading[2] ?? '' });
    else if (bullet || numbered) {
      const kind = bullet ? 'ul' : 'ol';
      const item = (bullet ?? numbered)?.[1] ?? '';
      if (current?.kind === kind) current.items.push(item);
      else blocks.push({ kind, items: [item] });
    } else if ((current?.kind === 'ul' || current?.kind === 'ol') && /^\s+\S/.test(line)) {
      // An indented line continues the list item above it.
      current.items[current.items.length - 1] += ` ${line.trim()}`;
    } else if (current?.kind === 'p') current.lines.push(line.trim());
    else blocks.push({ kind: 'p', lines: [line.trim()] });
  }
  return blocks;
}

/** Markdown to safe HTML. */
export function renderMarkdown(markdown: string, { headingShift = 0, baseUrl }: MarkdownOptions = {}): string {
  const inline = (text: string) => renderInline(text, baseUrl);
  return parseBlocks(markdown)
    .map((block) => {
      switch (block.kind) {
        case 'p':
          return block.lines.length > 0 ? `<p>${inline(block.lines.join('\n'))}</p>` : '';
        case 'heading': {
          const level = Math.min(6, block.level + headingShift);
          return `<h${level}>${inline(block.text)}</h${level}>`;
        }
        case 'ul':
        case 'ol':
          return `<${block.kind}>${block.items.map((item) => `<li>${inline(item)}</li>`).join('')}</${block.kind}>`;
        case 'code':
          return `<pre><code>${escapeHtml(block.lines.join('\n'))}</code></pre>`;
      }
    })
    .filter((html) => html !== '')
    .join('\n');
}
