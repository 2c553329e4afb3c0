export * from './test-database';
export * from './test-namespace';
export * from './wait-until';
export * from './platform-under-test';
export * from './pdf-text';
export * from './service-context';
export * from './problem-of';
export * from './fixed-clock';
