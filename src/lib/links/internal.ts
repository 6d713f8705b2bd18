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
 * Every link from `pages` (URL path -> HTML) to a path that `exists` says is missing, as
 * `page: links to target, which does not exist`.
 */
export function deadLinks(
  pages: ReadonlyMap<string, string>,
  exists: (path: string) => boolean,
  ignore: readonly string[] = [],
): string[] {
  const errors: string[] = [];
  for (const [page, html] of pages) {
    for (const href of internalHrefs(html)) {
      if (ignore.some((prefix) => href.startsWith(prefix))) continue;
      if (!exists(href)) errors.push(`${page}: links to ${href}, which does not exist`);
    }
  }
  return errors.sort();
}
