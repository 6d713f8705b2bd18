// Customer text made inert for GitHub Markdown: it reads the same, but cannot ping, link, embed or inject HTML.

const ZWSP = '\u200b';

/** Control characters (C0 except tab and newline, DEL, C1) and bidi overrides that could disguise text. */
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
/** ASCII punctuation that Markdown may read as syntax; each is shown literally when backslash-escaped. */
const MARKDOWN_PUNCTUATION = /[\\`*_{}[\]()!|~$+\-.=]/g;

/**
 * Escapes one line of customer text for a Markdown paragraph or list item:
 * HTML as entities, Markdown syntax backslash-escaped, and a zero-width space after `@` (mentions),
 * `#` and `GH-` (issue references) and inside `://` and `www.` (autolinks), which GitHub links after
 * escapes are resolved.
 */
export function escapeInline(text: string): string {
  return (
    text
      .replace(INVISIBLE, '')
      .replace(/[\r\n]+/g, ' ')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(MARKDOWN_PUNCTUATION, (c) => `\\${c}`)
      .replace(/@/g, `@${ZWSP}`)
      .replace(/#/g, `\\#${ZWSP}`)
      .replace(/\b(gh)\\-/gi, `$1${ZWSP}\\-`)
      .replace(/:\/\//g, `:${ZWSP}//`)
      // Not only after a word boundary: GitHub also autolinks `_www.example.com` and `*www.example.com`.
      .replace(/(www)\\\./gi, `$1${ZWSP}\\.`)
  );
}

/** Multi-line customer text: each line escaped, at most one blank line in a row. */
export function escapeBlock(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => escapeInline(line).trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A value shown verbatim as inline code (not processed for mentions, references or links). */
export function inlineCode(value: string): string {
  const flat = value.replace(INVISIBLE, '').replace(/[\r\n]+/g, ' ');
  const longestRun = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat.startsWith(' ') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** Plain title text: no Markdown is rendered in titles, but references and mentions are. */
export function inertTitle(text: string): string {
  return text
    .replace(INVISIBLE, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/@/g, `@${ZWSP}`)
    .replace(/#/g, `#${ZWSP}`)
    .replace(/\b(gh)-/gi, `$1${ZWSP}-`);
}
