// Finds internal links in built HTML that point at no page, so a renamed article cannot leave dead links.

/** Root-relative hrefs (`/kb/...`) in a page, without fragments or queries. */
export function internalHrefs(html: string): string[] {
  const hrefs = new Set<string>();
  for (const match of html.matchAll(/\shref="(\/[^"#?]*)(?:[?#][^"]*)?"/g)) {
    const href = match[1];
    if (href && !href.startsWith('//')) hrefs.add(decodeURI(href));
  }
  return [...hrefs];
}

/**
 * One line per missing target, naming the pages that link to it (the first few), e.g.
 * `/kb/gone/ does not exist; linked from /kb/a/, /kb/b/ and 3 more pages`.
 */
export function deadLinks(
  pages: ReadonlyMap<string, string>,
  exists: (path: string) => boolean,
  ignore: readonly string[] = [],
): string[] {
  const linkedFrom = new Map<string, string[]>();
  for (const [page, html] of pages) {
    for (const href of internalHrefs(html)) {
      if (ignore.some((prefix) => href.startsWith(prefix)) || exists(href)) continue;
      linkedFrom.set(href, [...(linkedFrom.get(href) ?? []), page]);
    }
  }
  return [...linkedFrom.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([href, from]) => {
      const shown = from.sort().slice(0, 3).join(', ');
      const more = from.length > 3 ? ` and ${from.length - 3} more pages` : '';
      return `${href} does not exist; linked from ${shown}${more}`;
    });
}
