export * from './business-hours.ts';
export * from './sla.ts';
