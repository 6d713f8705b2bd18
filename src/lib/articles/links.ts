// URLs of knowledge-base pages, in one place so pages, islands and tests agree.
export function articleUrl(id: string): string {
  return `/kb/${id}/`;
}

export function categoryUrl(categoryId: string): string {
  return `/kb/${categoryId}/`;
}

export interface TicketPrefill {
  category?: string;
  article?: string;
  subject?: string;
  tried?: readonly string[];
}

/** The intake form, opened with what the customer already told us or already tried. */
export function ticketFormUrl(prefill: TicketPrefill = {}): string {
  const params = new URLSearchParams();
  if (prefill.category) params.set('category', prefill.category);
  if (prefill.article) params.set('article', prefill.article);
  if (prefill.subject) params.set('subject', prefill.subject);
  for (const step of prefill.tried ?? []) params.append('tried', step);
  const query = params.toString();
  return `/support/new/${query ? `?${query}` : ''}`;
}

/** The article's source file in the configured repository, for "Edit this article". */
export function editUrl(repoUrl: string, branch: string, filePath: string): string {
  return `${repoUrl.replace(/\/+$/, '')}/edit/${branch}/${filePath.replace(/^\/+/, '')}`;
}
