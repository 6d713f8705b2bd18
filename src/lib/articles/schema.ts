// The frontmatter of a playbook (content/articles/<category>/<slug>.mdx). Astro's collection and
// `npm run check` both validate with this schema, so the build and CI say the same thing.
import { z } from 'zod';
import { audiences, categoryIds } from './categories.ts';

const codeRef = z.string().regex(/^(SIP [1-6]\d\d|Q850 \d{1,3})$/, {
  message: "write a SIP response code as 'SIP 403' and a Q.850 cause as 'Q850 3'",
});

const articleId = z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, {
  message: "write a related article as '<category>/<slug>', e.g. 'registration/phone-wont-register'",
});

const REVIEW_BY = 'write the review date as YYYY-MM-DD, or leave it out';

export const articleFrontmatter = z.strictObject({
  title: z
    .string()
    .trim()
    .min(5, { message: "add a title phrased as the customer says it, e.g. 'My phone won't register'" })
    .max(90, { message: 'keep the title under 90 characters: it is the search result and the tab title' }),
  summary: z
    .string()
    .trim()
    .min(10, { message: 'add a one-line summary of what the article fixes' })
    .max(200, { message: 'keep the summary to one line (200 characters at most)' }),
  category: z.enum(categoryIds, {
    error: `use one of the categories: ${categoryIds.join(', ')} (the list is in src/lib/articles/categories.ts)`,
  }),
  audience: z.enum(audiences, { error: `use one of: ${audiences.join(', ')}` }),
  symptoms: z
    .array(z.string().trim().min(3, { message: 'write each symptom as a phrase of at least 3 characters' }))
    .min(3, { message: 'list 3 to 8 phrases customers type, e.g. "phone says no service": search weighs them' })
    .max(8, { message: 'keep to the 8 phrases customers type most: more dilute the weight search gives each' }),
  codes: z.array(codeRef).default([]),
  keywords: z
    .array(
      z.string({ error: "write each keyword as text; quote numbers, e.g. '911'" }).trim().min(2, {
        message: 'write each keyword with at least 2 characters',
      }),
    )
    .default([]),
  related: z.array(articleId).default([]),
  // YAML turns 2026-11-20 into a Date; a quoted date arrives as text. Anything else (true, 5) is a mistake.
  updated: z
    .union([z.date(), z.iso.date()], { error: 'write the date as YYYY-MM-DD, or leave it out to use the last commit' })
    .pipe(z.coerce.date())
    .optional(),
  // The day the article must be re-read by; past it, `npm run check:content` warns (never fails).
  reviewBy: z
    .union([z.date(), z.iso.date({ error: REVIEW_BY })], { error: REVIEW_BY })
    .pipe(z.coerce.date())
    .optional(),
  // Listed under "Most useful articles" on the home page.
  featured: z.boolean().default(false),
  draft: z.boolean().default(false),
});

export type ArticleFrontmatter = z.infer<typeof articleFrontmatter>;
