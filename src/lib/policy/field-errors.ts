// zod issues in words a support engineer or customer can act on, one per field.
import type { z } from 'zod';
import { formatPath, type FieldError } from '../errors.ts';

/** Like `fieldErrors`, but says "is missing" for absent fields and names each unknown key on its own path. */
export function readableFieldErrors(error: z.ZodError, input: unknown, { locate = false } = {}): FieldError[] {
  const errors: FieldError[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        errors.push({
          path: formatPath([...issue.path, key]),
          message: 'is not a known field: remove it or correct its spelling',
          ...(locate && { at: [...issue.path, key] }),
        });
      }
      continue;
    }
    const missing = issue.code !== 'custom' && valueAt(input, issue.path) === undefined;
    // Every schema field names what it must be, also when it is absent: "is missing: it must be ...".
    const message = missing ? `is missing: it ${issue.message}` : issue.message;
    errors.push({
      path: formatPath(issue.path),
      message,
      ...(locate && { at: issue.path }),
      ...(missing && { missing: true as const }),
    });
  }
  return errors;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}
