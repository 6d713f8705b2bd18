// The few pages the server renders itself because they carry a subscriber's token: unsubscribe (a button, so
// a link scanner's GET never unsubscribes anyone), manage components, and a form's errors without JavaScript.
// Plain, accessible HTML with no script; the site's prerendered pages take over from there.
import type { FieldError } from '../lib/errors.ts';

export const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const STYLE = `body{font:1rem/1.5 system-ui,sans-serif;margin:0;color:#1a1a1a;background:#fff}
main{max-width:36rem;margin:2rem auto;padding:0 1rem}a{color:#0b57d0}
button{font:inherit;padding:.5rem 1rem;border:1px solid #0b57d0;border-radius:.25rem;background:#0b57d0;color:#fff;cursor:pointer}
fieldset{border:1px solid #888;border-radius:.25rem;margin:0 0 1rem}label{display:block;margin:.25rem 0}`;

export function htmlPage(status: number, title: string, body: string): Response {
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main><h1>${escapeHtml(title)}</h1>
${body}
<p><a href="/status/">Back to the status page</a></p></main></body></html>`;
  return new Response(html, {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      // The token is in the URL: never pass it on to another site.
      'referrer-policy': 'no-referrer',
    },
  });
}

export function unsubscribeButtonPage(action: string): Response {
  return htmlPage(
    200,
    'Unsubscribe from status updates',
    `<p>You will get no more e-mails about incidents or maintenance.</p>
<form method="post" action="${escapeHtml(action)}"><button type="submit">Unsubscribe</button></form>`,
  );
}

export function managePage(
  action: string,
  components: ReadonlyArray<{ id: string; name: string }>,
  chosen: { components: readonly string[]; maintenance: boolean },
  unsubscribeUrl: string,
): Response {
  const all = chosen.components.length === 0;
  const boxes = components
    .map(
      (c) =>
        `<label><input type="checkbox" name="components" value="${escapeHtml(c.id)}"${all || chosen.components.includes(c.id) ? ' checked' : ''}> ${escapeHtml(c.name)}</label>`,
    )
    .join('\n');
  return htmlPage(
    200,
    'Choose your status updates',
    `<form method="post" action="${escapeHtml(action)}">
<fieldset><legend>Components to hear about (none ticked: all of them)</legend>
${boxes}
</fieldset>
<fieldset><legend>Planned maintenance</legend>
<label><input type="radio" name="maintenance" value="true"${chosen.maintenance ? ' checked' : ''}> Send maintenance notices</label>
<label><input type="radio" name="maintenance" value="false"${chosen.maintenance ? '' : ' checked'}> No maintenance notices</label>
</fieldset>
<button type="submit">Save</button></form>
<p><a href="${escapeHtml(unsubscribeUrl)}">Unsubscribe from everything</a></p>`,
  );
}

export function errorsPage(errors: readonly FieldError[]): Response {
  const items = errors.map((e) => `<li>${escapeHtml(e.path ? `${e.path}: ${e.message}` : e.message)}</li>`).join('\n');
  return htmlPage(
    400,
    'Your subscription was not saved',
    `<ul>${items}</ul><p><a href="/status/#subscribe">Correct the form on the status page</a></p>`,
  );
}
