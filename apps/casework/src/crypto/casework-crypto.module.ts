import { DynamicModule, Global, Module } from '@nestjs/common';
import { FieldCipher } from '@mediation/platform';

/** One key ring for the service: sensitive notes and parties' access needs are sealed with it. */
@Global()
@Module({})
export class CaseworkCryptoModule {
  static forKeys(keys: string): DynamicModule {
    return { module: CaseworkCryptoModule, providers: [{ provide: FieldCipher, useValue: FieldCipher.fromConfig(keys) }], exports: [FieldCipher] };
  }
}
