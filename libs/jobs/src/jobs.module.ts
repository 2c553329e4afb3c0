import { DynamicModule, Global, Module } from '@nestjs/common';
import { JOBS_OPTIONS, JobsService, type JobsOptionsConfig } from './jobs.service';

@Global()
@Module({})
export class JobsModule {
  static forService(options: JobsOptionsConfig): DynamicModule {
    return { module: JobsModule, providers: [{ provide: JOBS_OPTIONS, useValue: options }, JobsService], exports: [JobsService] };
  }
}
