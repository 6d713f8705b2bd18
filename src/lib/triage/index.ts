export * from './categories.ts';
export * from './answers.ts';
export * from './triage.ts';
