export * from './schema.ts';
export * from './derive.ts';
export * from './steps.ts';
export * from './step-validation.ts';
export * from './markdown.ts';
export * from './markdown-safety.ts';
export * from './html.ts';
export * from './helpdesk-fields.ts';
