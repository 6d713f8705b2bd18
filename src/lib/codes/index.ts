export * from './schema.ts';
export * from './refs.ts';
export * from './validate.ts';
export * from './cross-check.ts';
export * from './lookup.ts';
export * from './json-schema.ts';
