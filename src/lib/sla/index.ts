export * from './business-hours.ts';
export * from './sla.ts';
export * from './attainment.ts';
