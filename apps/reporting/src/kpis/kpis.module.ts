import { Module } from '@nestjs/common';
import { ProgrammeModule } from '../programme/programme.module';
import { GetKpisUseCase } from './get-kpis.use-case';
import { ListContractCasesUseCase } from './list-contract-cases.use-case';
import { KpiFactsReader } from './kpi-facts.reader';
import { KpisRpcController } from './kpis.rpc-controller';
import { SpendModule } from '../spend/spend.module';

/** A contract's KPIs for a period, computed from the read model by the KPI engine. */
@Module({
  imports: [SpendModule, ProgrammeModule],
  controllers: [KpisRpcController],
  providers: [KpiFactsReader, GetKpisUseCase, ListContractCasesUseCase],
  exports: [GetKpisUseCase, KpiFactsReader, ProgrammeModule],
})
export class KpisModule {}
