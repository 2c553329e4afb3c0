import { Module } from '@nestjs/common';
import { AddLocalAuthorityUseCase } from './add-local-authority.use-case';
import { DataReturnsProcessor } from './data-returns.processor';
import { ListDataReturnsUseCase } from './list-data-returns.use-case';
import { ListLocalAuthoritiesUseCase } from './list-local-authorities.use-case';
import { LocalAuthorityRepository } from './local-authority.repository';
import { LocalAuthorityRpcController } from './local-authority.rpc-controller';
import { ProgrammeContract } from './programme-contract';
import { RecordDataReturnUseCase } from './record-data-return.use-case';
import { SetDataReturnRuleUseCase } from './set-data-return-rule.use-case';
import { SweepDataReturnsUseCase } from './sweep-data-returns.use-case';

/** A contract's programme outside cases: the local authorities taking part, their monthly data returns and the reminders of them. */
@Module({
  controllers: [LocalAuthorityRpcController],
  providers: [
    LocalAuthorityRepository,
    ProgrammeContract,
    AddLocalAuthorityUseCase,
    ListLocalAuthoritiesUseCase,
    SetDataReturnRuleUseCase,
    RecordDataReturnUseCase,
    ListDataReturnsUseCase,
    SweepDataReturnsUseCase,
    DataReturnsProcessor,
  ],
})
export class LocalAuthoritiesModule {}
