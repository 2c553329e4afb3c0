import { DynamicModule, Module } from '@nestjs/common';
import { JobsModule } from '@mediation/jobs';
import { loadConfig, RedisEnvSchema, withDevDefaults } from '@mediation/platform';
import { KpisModule } from '../kpis/kpis.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { IssueMonthlyPacksUseCase } from './issue-monthly-packs.use-case';
import { IssuePackUseCase } from './issue-pack.use-case';
import { PackFilesUseCase } from './pack-files.use-case';
import { PackRepository } from './pack.repository';
import { PacksProcessor } from './packs.processor';
import { PacksRpcController } from './packs.rpc-controller';
import { SpendModule } from '../spend/spend.module';

/** The monthly KPI packs: issued by the monthly job or on demand, stored, listed and served. */
@Module({})
export class PacksModule {
  static forService(options: { namespace: string }): DynamicModule {
    return {
      module: PacksModule,
      imports: [
        JobsModule.forService({ redisUrl: loadConfig(RedisEnvSchema, withDevDefaults(process.env)).REDIS_URL, namespace: options.namespace }),
        KpisModule,
        OrganisationsModule,
        SpendModule,
      ],
      controllers: [PacksRpcController],
      providers: [PackRepository, IssuePackUseCase, IssueMonthlyPacksUseCase, PackFilesUseCase, PacksProcessor],
      exports: [IssuePackUseCase, IssueMonthlyPacksUseCase],
    };
  }
}
