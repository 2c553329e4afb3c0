import { DynamicModule, Module } from '@nestjs/common';
import { ResealSensitiveFieldsUseCase } from './reseal-sensitive-fields.use-case';
import { ResealingJob } from './resealing.job';
import { RESEALING_OPTIONS, type ResealingOptions } from './resealing.options';
import { ResealingRepository } from './resealing.repository';

/** Key rotation for casework's sealed fields: re-encrypts under the current key what an older key sealed. */
@Module({})
export class ResealingModule {
  static forService(options: ResealingOptions): DynamicModule {
    return {
      module: ResealingModule,
      providers: [{ provide: RESEALING_OPTIONS, useValue: options }, ResealingRepository, ResealSensitiveFieldsUseCase, ResealingJob],
    };
  }
}
