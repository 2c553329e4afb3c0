import { DynamicModule, Module } from '@nestjs/common';
import { JobsModule } from '@mediation/jobs';
import { AnonymiseExpiredCasesUseCase } from './anonymise-expired-cases.use-case';
import { CaseRetentionProcessor } from './case-retention.processor';
import { CaseRetentionRepository } from './case-retention.repository';
import { CaseRetentionRpcController } from './case-retention.rpc-controller';
import { loadCaseRetentionConfig } from './retention.config';
import { SetCaseLegalHoldUseCase } from './set-case-legal-hold.use-case';

/** Legal holds on cases and the daily anonymisation of closed cases past their retention period. */
@Module({})
export class CaseRetentionModule {
  static forService(options: { namespace: string }): DynamicModule {
    return {
      module: CaseRetentionModule,
      imports: [JobsModule.forService({ redisUrl: loadCaseRetentionConfig().REDIS_URL, namespace: options.namespace })],
      controllers: [CaseRetentionRpcController],
      providers: [CaseRetentionRepository, AnonymiseExpiredCasesUseCase, SetCaseLegalHoldUseCase, CaseRetentionProcessor],
    };
  }
}
