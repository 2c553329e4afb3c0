import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { EndMultiAgencyUseCase } from './end-multi-agency.use-case';
import { ListMultiAgencyUseCase } from './list-multi-agency.use-case';
import { MultiAgencyRepository } from './multi-agency.repository';
import { MultiAgencyRpcController } from './multi-agency.rpc-controller';
import { StartMultiAgencyUseCase } from './start-multi-agency.use-case';

/** Other agencies' involvement in a case (the housing KPI counts it at three months). */
@Module({
  imports: [CasesModule],
  controllers: [MultiAgencyRpcController],
  providers: [MultiAgencyRepository, StartMultiAgencyUseCase, EndMultiAgencyUseCase, ListMultiAgencyUseCase],
})
export class MultiAgencyModule {}
