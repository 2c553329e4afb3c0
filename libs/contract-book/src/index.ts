export * from './activity-type';
export * from './contract-book';
export * from './contract-book.module';
export * from './contract-book.options';
export * from './contract-published.handler';
export * from './contract-version.projection';
export * from './intake-contracts.client';
