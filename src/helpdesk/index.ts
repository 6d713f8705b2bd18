export * from './adapter.ts';
export * from './config.ts';
export * from './delivery.ts';
export * from './github-adapter.ts';
export * from './handler.ts';
export * from './outbox.ts';
export * from './rate-limit.ts';
export * from './runtime.ts';
