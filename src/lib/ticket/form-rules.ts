// What the ticket form and the ticket schema agree on, apart from the schema so the form's first step can use
// it without loading the schema library (zod) in the browser.

/** A knowledge-base article id, `<category>/<slug>`: what `fromArticle` and the form's `article` query hold. */
export const ARTICLE_ID_PATTERN = /^[a-z0-9-]{1,80}\/[a-z0-9-]{1,120}$/;

/** A phone that won't register is looked up by its make and model: only that category asks for the device. */
export function asksForDevice(category: string): boolean {
  return category === 'registration';
}
