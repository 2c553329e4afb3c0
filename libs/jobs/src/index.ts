export * from './job-id';
export * from './job-catalog';
export * from './jobs.service';
export * from './jobs.module';
