export * from './schema.ts';
export * from './validate.ts';
export * from './walk.ts';
export * from './json-schema.ts';
