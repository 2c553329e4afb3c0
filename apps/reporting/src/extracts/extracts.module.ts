import { DynamicModule, Module } from '@nestjs/common';
import { KpisModule } from '../kpis/kpis.module';
import { EvaluatorExtractUseCase, PSEUDONYM_KEY } from './evaluator-extract.use-case';
import { ExtractsRpcController } from './extracts.rpc-controller';

/** Pseudonymised extracts of a contract's cases for independent evaluators. */
@Module({})
export class ExtractsModule {
  static forService(options: { pseudonymKey: string }): DynamicModule {
    return {
      module: ExtractsModule,
      imports: [KpisModule],
      controllers: [ExtractsRpcController],
      providers: [{ provide: PSEUDONYM_KEY, useValue: options.pseudonymKey }, EvaluatorExtractUseCase],
    };
  }
}
