export * from './schema.ts';
export * from './validate.ts';
export * from './json-schema.ts';
export { readableFieldErrors } from './field-errors.ts';
