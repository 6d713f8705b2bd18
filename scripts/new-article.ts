// `npm run new:article`: asks for (or takes as flags) the title as the customer says it, the category, the
// audience, the symptoms and the error codes, and writes content/articles/<category>/<slug>.mdx: a playbook that
// passes `npm run check:content` as written. The article is added to its codes' `articles` in codes.json.
import { parseArgs } from 'node:util';
import {
  articleFilePath,
  contentFilePath,
  createArticleFile,
  readContentTexts,
  readTextFile,
  shownPath,
  writeContentFile,
} from '../src/content-io.ts';
import { audiences, categories, categoryIds, type Audience } from '../src/lib/articles/categories.ts';
import { articleSkeleton, codesTextWithArticle, findCodes, newArticleId } from '../src/lib/articles/skeleton.ts';
import { validateCodesText } from '../src/lib/codes/validate.ts';
import { checkContent } from '../src/lib/content/index.ts';
import { formatProblem } from '../src/lib/errors.ts';

const help = `Usage: npm run new:article [-- options]

Without options, asks for each answer. With them (for scripts), asks only for what is missing, and only in a
terminal.

  --title TEXT       the problem as the customer says it, e.g. "My phone won't register"
  --category ID      one of: ${categoryIds.join(', ')}
  --audience WHO     ${audiences.join(' or ')}
  --symptom TEXT     repeatable, 3 to 8: phrases customers type, e.g. "phone says no service"
  --code CODE        repeatable: an error code the article resolves, 'SIP 403' or 'Q850 3' (must be in codes.json)
  --slug SLUG        the file name, default from the title (my-phone-wont-register)
  -h, --help         this text

Writes content/articles/<category>/<slug>.mdx (CONTENT_DIR for another content folder); never overwrites.`;

function fail(lines: string[], code = 1): never {
  for (const line of lines) console.error(line);
  process.exit(code);
}

function readFlags() {
  try {
    return parseArgs({
      options: {
        title: { type: 'string' },
        category: { type: 'string' },
        audience: { type: 'string' },
        symptom: { type: 'string', multiple: true },
        code: { type: 'string', multiple: true },
        slug: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    return fail([`new:article: ${(error as Error).message}`, 'Run npm run new:article -- --help for the options.'], 2);
  }
}
const flags = readFlags();
if (flags.help) {
  console.log(help);
  process.exit(0);
}

const codesRead = readTextFile(contentFilePath('codes'));
if (!codesRead.ok) fail([codesRead.error]);
const codesFile = validateCodesText(codesRead.file.text, codesRead.file.file);
if (!codesFile.ok) fail([...codesFile.errors, 'Fix codes.json first: npm run check:content says how.']);

const interactive = process.stdin.isTTY && process.stdout.isTTY;
const missing = (['title', 'category', 'audience'] as const).filter((name) => !flags[name]);
if ((flags.symptom?.length ?? 0) < 3) missing.push('symptom' as never);
if (missing.length > 0 && !interactive) {
  fail(
    [
      `new:article: missing ${missing.map((m) => `--${m}`).join(', ')} (--symptom 3 to 8 times); or run it in a terminal to be asked`,
      'Run npm run new:article -- --help for the options.',
    ],
    2,
  );
}

const answers = missing.length > 0 ? await ask() : undefined;
const title = (answers?.title ?? flags.title ?? '').trim();
const category = answers?.category ?? flags.category ?? '';
const audience = (answers?.audience ?? flags.audience ?? '') as Audience;
const symptoms = answers?.symptoms ?? flags.symptom ?? [];
const codes = answers?.codes ?? flags.code ?? [];

if (!categoryIds.includes(category as never)) {
  fail([`new:article: --category '${category}' is not a category; use one of: ${categoryIds.join(', ')}`], 2);
}
if (!audiences.includes(audience)) fail([`new:article: --audience must be ${audiences.join(' or ')}`], 2);
if (flags.slug !== undefined && !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(flags.slug)) {
  fail([`new:article: --slug '${flags.slug}': use lower-case letters, digits and single hyphens`], 2);
}

const found = findCodes(codesFile.codes, codes);
if (!found.ok) {
  fail([
    ...found.malformed.map(
      (c) => `new:article: '${c}' is not a code: write a SIP response as 'SIP 403', a cause as 'Q850 3'`,
    ),
    ...found.unknown.map(
      (c) =>
        `new:article: '${c}' is not in ${codesRead.file.file}: add its entry there first (code and phrase, or cause and name; meaning, likelyCauses, whatToDo, articles: see the README's "Error codes and troubleshooters"), then run this again`,
    ),
  ]);
}

const article = { title, category, audience, symptoms, codes, slug: flags.slug };
const id = newArticleId(article);
const text = articleSkeleton(article);
// Formatted as the repository formats JSON, so `prettier --check` in `npm run check` stays green.
const edited = codesTextWithArticle(codesRead.file.text, found.paths, id, codesFile.codes);
const codesText = edited === codesRead.file.text ? edited : await prettierFormatted(edited, contentFilePath('codes'));

// The article and codes.json as they would be, checked with everything else before anything is written.
const file = shownPath(articleFilePath(id));
const texts = readContentTexts();
if (texts.articles.some((a) => a.id === id)) fail([`${file}: already exists; choose another --slug or edit that file`]);
const check = checkContent({
  ...texts,
  articles: [...texts.articles, { id, file, text }],
  codes: { file: codesRead.file.file, text: codesText },
});
const mine = check.problems.filter(
  (p) => p.file === file || (p.file === codesRead.file.file && p.message.includes(id)),
);
if (mine.length > 0) fail(['new:article: nothing written; fix the answers:', ...mine.map(formatProblem)]);

const written = createArticleFile(id, text);
if (!written.ok) fail([written.error]);
console.log(`Wrote ${written.file.file}`);
if (codesText !== codesRead.file.text) {
  writeContentFile('codes', codesText);
  console.log(`Added '${id}' to the articles of ${codes.join(', ')} in ${codesRead.file.file}`);
}
console.log(`
Next:
  1. Replace the placeholder steps (the summary too, if you like) with the real checks.
  2. npm run dev, then open http://127.0.0.1:4321/kb/${id}/
  3. npm run check:content, commit, and open a pull request.`);

/** Asks for every answer not given as a flag (the given ones are the defaults). */
async function ask() {
  const { input, select } = await import('@inquirer/prompts');
  const given = flags;
  const asked = {
    title: await input({
      message: 'Title, as the customer says it (e.g. My phone won’t register):',
      default: given.title,
      validate: (v) => (v.trim().length >= 5 && v.trim().length <= 90) || 'between 5 and 90 characters',
    }),
    category: await select({
      message: 'Category:',
      choices: categories.map((c) => ({ name: `${c.label} (${c.id})`, value: c.id as string })),
      default: given.category,
    }),
    audience: (await select({
      message: 'Who follows it?',
      choices: [
        { name: 'Phone users (end-user)', value: 'end-user' },
        { name: 'Administrators (admin)', value: 'admin' },
      ],
      default: given.audience as Audience | undefined,
    })) as Audience,
    symptoms: [...(given.symptom ?? [])],
    codes: [] as string[],
  };
  while (asked.symptoms.length < 8) {
    const need = asked.symptoms.length < 3;
    const symptom = await input({
      message: `Symptom ${asked.symptoms.length + 1}, as customers type it${need ? '' : ' (empty: done)'}:`,
      validate: (v) => !need || v.trim().length >= 3 || 'at least 3 phrases of 3 characters or more',
    });
    if (!symptom.trim()) break;
    asked.symptoms.push(symptom.trim());
  }
  const codeText = await input({
    message: "Error codes it resolves, comma-separated ('SIP 403, Q850 3'; empty: none):",
    default: given.code?.join(', '),
  });
  asked.codes = codeText
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  return asked;
}

async function prettierFormatted(text: string, file: string): Promise<string> {
  const prettier = await import('prettier');
  const options = await prettier.resolveConfig(file);
  return prettier.format(text, { ...options, filepath: file });
}
