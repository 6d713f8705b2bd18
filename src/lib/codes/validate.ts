// content/codes.json text -> the code reference, or one error per line naming the file, the JSON path and the fix.
import { failed, fieldErrors, fieldProblems, formatPath, parseJson, type FieldError, type Problem } from '../errors.ts';
import { codeReference, type CodeReference } from './schema.ts';

export type CodesValidation = { ok: true; codes: CodeReference } | { ok: false; errors: string[]; problems: Problem[] };

export function validateCodesText(text: string, file: string): CodesValidation {
  const parsed = parseJson(text);
  if (!parsed.ok) return failed(fieldProblems(file, [parsed.error]));
  return validateCodes(parsed.value, file);
}

export function validateCodes(value: unknown, file: string): CodesValidation {
  const result = codeReference.safeParse(value);
  if (!result.success) return failed(fieldProblems(file, fieldErrors(result.error, { locate: true })));
  const duplicates = duplicateErrors(result.data);
  if (duplicates.length > 0) return failed(fieldProblems(file, duplicates));
  return { ok: true, codes: result.data };
}

// A code listed twice would give two pages one URL; an article listed twice is a copy-paste slip.
function duplicateErrors(codes: CodeReference): FieldError[] {
  const errors: FieldError[] = [];
  const firstSip = new Map<number, number>();
  codes.sip.forEach((entry, i) => {
    const earlier = firstSip.get(entry.code);
    if (earlier === undefined) firstSip.set(entry.code, i);
    else
      errors.push({
        ...located(['sip', i, 'code']),
        message: `${entry.code} is already listed at sip[${earlier}]; merge the two entries`,
      });
    errors.push(...repeatedArticles(entry.articles, ['sip', i]));
  });
  const firstCause = new Map<number, number>();
  const firstName = new Map<string, number>();
  codes.q850.forEach((entry, i) => {
    const earlier = firstCause.get(entry.cause);
    if (earlier === undefined) firstCause.set(entry.cause, i);
    else
      errors.push({
        ...located(['q850', i, 'cause']),
        message: `${entry.cause} is already listed at q850[${earlier}]; merge the two entries`,
      });
    const sameName = firstName.get(entry.name);
    if (sameName === undefined) firstName.set(entry.name, i);
    else
      errors.push({
        ...located(['q850', i, 'name']),
        message: `${entry.name} is already the name of q850[${sameName}]; each cause has its own name`,
      });
    errors.push(...repeatedArticles(entry.articles, ['q850', i]));
  });
  return errors;
}

function repeatedArticles(articles: readonly string[], entry: readonly PropertyKey[]): FieldError[] {
  return articles.flatMap((id, j) => {
    const first = articles.indexOf(id);
    return first < j
      ? [
          {
            ...located([...entry, 'articles', j]),
            message: `'${id}' is already listed at articles[${first}]; remove one`,
          },
        ]
      : [];
  });
}

const located = (at: readonly PropertyKey[]) => ({ path: formatPath(at), at });
