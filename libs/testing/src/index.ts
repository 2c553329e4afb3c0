export * from './test-database';
export * from './test-namespace';
export * from './wait-until';
export * from './platform-under-test';
