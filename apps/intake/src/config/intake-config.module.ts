import { DynamicModule, Global, Module } from '@nestjs/common';
import { FieldCipher } from '@mediation/platform';
import type { IntakeConfig } from './intake.config';

export const INTAKE_CONFIG = Symbol('INTAKE_CONFIG');

/** The parsed configuration and the field cipher built from its key ring, for every module of intake. */
@Global()
@Module({})
export class IntakeConfigModule {
  static forRoot(config: IntakeConfig): DynamicModule {
    return {
      module: IntakeConfigModule,
      providers: [
        { provide: INTAKE_CONFIG, useValue: config },
        { provide: FieldCipher, useValue: FieldCipher.fromConfig(config.DATA_ENCRYPTION_KEYS) },
      ],
      exports: [INTAKE_CONFIG, FieldCipher],
    };
  }
}
