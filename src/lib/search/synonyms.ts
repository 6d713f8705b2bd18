// content/search-synonyms.json: the words customers use, mapped to the words our playbooks use. Support teams
// edit it like an article; a customer whose sentence contains every meaningful word of one of an entry's
// `phrases` also gets the results for each of its `terms`. Example entry:
//   { "phrases": ["can't hear anything I say", "they can't hear me"], "terms": ["one-way audio"] }
import { z } from 'zod';
import { failed, fieldErrors, fieldProblems, parseJson, type FieldError, type Problem } from '../errors.ts';
import { tokenize } from './normalise.ts';
import { meaningfulWords, phraseKeys } from './phrases.ts';

const text = (what: string) =>
  z
    .string()
    .trim()
    .min(2, { message: `write ${what} (2 characters at least)` })
    .max(120, { message: `keep ${what} under 120 characters; split a long one into two entries` });

export const synonymEntry = z.strictObject(
  {
    phrases: z
      .array(text('a phrase as a customer types it'), {
        error: 'list the phrases customers type, e.g. "phrases": ["keep my number"]',
      })
      .min(1, { message: 'list at least one phrase a customer types, e.g. "can\'t hear anything I say"' })
      .meta({
        description:
          'How customers say it, e.g. "they can\'t hear me". Matches a query that holds every word of the phrase ' +
          '(any order, any tense, with or without apostrophes) except grammar words such as "my", "the", "do".',
      }),
    terms: z
      .array(text('the words our articles use'), { error: 'list what to search instead, e.g. "terms": ["port"]' })
      .min(1, { message: 'list at least one search the phrase stands for, e.g. "one-way audio"' })
      .meta({
        description:
          'What to search for instead, in the words our playbooks use (their titles, symptoms or keywords), ' +
          'e.g. "one-way audio". Each is searched on its own and its results are merged with the rest.',
      }),
    note: z.string().optional().meta({ description: 'Why the entry exists, for the next person who edits it.' }),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}: an entry has "phrases", "terms" and an optional "note"`
        : undefined,
  },
);

export const synonymTable = z
  .strictObject({
    $schema: z.string().optional(),
    synonyms: z.array(synonymEntry, {
      error: 'list the entries under "synonyms": [{ "phrases": [...], "terms": [...] }]',
    }),
  })
  .meta({ title: 'dialtone search synonyms (content/search-synonyms.json)' });

export type SynonymEntry = z.infer<typeof synonymEntry>;
export type SynonymTable = z.infer<typeof synonymTable>;

export type SynonymsValidation =
  { ok: true; synonyms: SynonymTable } | { ok: false; problems: Problem[]; errors: string[] };

export function validateSynonymsText(text: string, file: string): SynonymsValidation {
  const parsed = parseJson(text);
  if (!parsed.ok) return failed(fieldProblems(file, [parsed.error]));
  return validateSynonyms(parsed.value, file);
}

export function validateSynonyms(value: unknown, file: string): SynonymsValidation {
  const result = synonymTable.safeParse(value);
  if (!result.success) return failed(fieldProblems(file, fieldErrors(result.error, { locate: true })));
  const problems = meaningProblems(result.data);
  if (problems.length > 0) return failed(fieldProblems(file, problems));
  return { ok: true, synonyms: result.data };
}

// A phrase of filler words only would match every query; a term of filler words finds nothing; the same
// phrase in two entries is a copy-paste slip (merge them).
function meaningProblems(table: SynonymTable): FieldError[] {
  const errors: FieldError[] = [];
  const firstSeen = new Map<string, string>();
  table.synonyms.forEach((entry, i) => {
    entry.phrases.forEach((phrase, j) => {
      const path = `synonyms[${i}].phrases[${j}]`;
      const keys = phraseKeys(phrase);
      if (meaningfulWords(phrase).length === 0) {
        errors.push({
          path,
          message: `"${phrase}" has only filler words (${tokenize(phrase).join(', ')}), so it would match every search; add the word that names the problem`,
        });
        return;
      }
      const key = [...keys].sort().join(' ');
      const earlier = firstSeen.get(key);
      if (earlier) errors.push({ path, message: `"${phrase}" means the same as ${earlier}; remove one` });
      else firstSeen.set(key, path);
    });
    entry.terms.forEach((term, j) => {
      if (meaningfulWords(term).length === 0)
        errors.push({
          path: `synonyms[${i}].terms[${j}]`,
          message: `"${term}" has only filler words, so it finds nothing; use the words a playbook's title or symptoms use`,
        });
    });
  });
  return errors;
}

export function synonymsJsonSchema(): unknown {
  return z.toJSONSchema(synonymTable, { io: 'input' });
}
