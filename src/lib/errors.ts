// Errors a person reads: `file: path: message`, with the path written as in JSON (`incidents[2].updates[1].at`).
import { findNodeAtLocation, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { z } from 'zod';

export interface FieldError {
  path: string;
  message: string;
  /** The same path as keys (`['sip', 1, 'code']`), so a shell that has the file's text can find its line. */
  at?: readonly PropertyKey[];
  /** Set when the field is absent rather than wrong, so a form can ask for it in its own words. */
  missing?: true;
}

/** `['incidents', 2, 'updates', 1, 'at']` -> `incidents[2].updates[1].at` */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/**
 * Flattens zod issues into `{ path, message }`, one per issue, in zod's order. `locate`: keep the path as keys too
 * (`at`), for content files whose problems get line numbers; answers to a browser leave it out.
 */
export function fieldErrors(error: z.ZodError, { locate = false } = {}): FieldError[] {
  return error.issues.map((issue) => ({
    path: formatPath(issue.path),
    message: issue.message,
    ...(locate && { at: issue.path }),
  }));
}

/**
 * One problem in a file, as data: where it is (the file as people type it, the 1-based line when known) and the
 * message with its fix. Shells format it for where it is shown: a terminal line, a CI annotation.
 */
export interface Problem {
  file: string;
  line?: number;
  message: string;
  /** For a JSON file: the path of the value at fault, as keys, until a line is found for it (`jsonLines`). */
  at?: readonly PropertyKey[];
}

/** `file:line: message`, or `file: message` when the problem has no line. */
export function formatProblem({ file, line, message }: Problem): string {
  return `${file}${line === undefined ? '' : `:${line}`}: ${message}`;
}

/** Field errors of one file as problems: the message starts with the field's path. */
export function fieldProblems(file: string, errors: readonly FieldError[]): Problem[] {
  return errors.map((e) => ({
    file,
    message: e.path ? `${e.path}: ${e.message}` : e.message,
    ...(e.at && { at: e.at }),
  }));
}

/**
 * The problems of one JSON file with the line of each value at fault (or of its nearest ancestor that exists:
 * a missing field is reported at the object that lacks it). `text` is the file the problems are about.
 */
export function jsonLines(text: string, problems: readonly Problem[]): Problem[] {
  const root = problems.some((p) => p.at && p.line === undefined) ? parseTree(text) : undefined;
  if (!root) return [...problems];
  return problems.map((problem) => {
    if (!problem.at || problem.line !== undefined) return problem;
    for (let depth = problem.at.length; depth >= 0; depth--) {
      const path = problem.at.slice(0, depth).filter((k): k is string | number => typeof k !== 'symbol');
      const node = findNodeAtLocation(root, path);
      if (node) {
        // A property's value: report the line of its key, where a person looks.
        const offset = node.parent?.type === 'property' ? node.parent.offset : node.offset;
        return { ...problem, line: lineColumnAt(text, offset).line };
      }
    }
    return problem;
  });
}

/** One line per error: `file: path: message` (the path is left out when the error is about the whole file). */
export function formatFieldErrors(file: string, errors: readonly FieldError[]): string[] {
  return fieldProblems(file, errors).map(formatProblem);
}

/** A failed validation: its problems, and the same formatted one a line for the shells that print them. */
export function failed(problems: readonly Problem[]): { ok: false; problems: Problem[]; errors: string[] } {
  return { ok: false, problems: [...problems], errors: problems.map(formatProblem) };
}

export type JsonParseResult = { ok: true; value: unknown } | { ok: false; error: FieldError };

/** JSON.parse that reports a syntax error as `line L, column C` (V8's own message often has no position). */
export function parseJson(text: string): JsonParseResult {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    const problems: ParseError[] = [];
    parseTree(text, problems, { disallowComments: true, allowTrailingComma: false });
    const first = problems[0];
    const where = first ? lineColumnAt(text, first.offset) : lineColumnAt(text, text.length);
    const reason = first ? printParseErrorCode(first.error) : 'UnexpectedEndOfInput';
    return {
      ok: false,
      error: { path: '', message: `invalid JSON at line ${where.line}, column ${where.column}: ${reason}` },
    };
  }
}

export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return { line, column };
}
