import { Module } from '@nestjs/common';
import { LedgerModule } from '../ledger/ledger.module';
import { GetContractBillingUseCase } from './get-contract-billing.use-case';
import { PositionRpcController } from './position.rpc-controller';

/** A contract's spend this year against its budget or cap, with a forecast. */
@Module({
  imports: [LedgerModule],
  controllers: [PositionRpcController],
  providers: [GetContractBillingUseCase],
})
export class PositionModule {}
