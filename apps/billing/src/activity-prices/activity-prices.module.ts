import { Module } from '@nestjs/common';
import { ActivityPriceRepository } from './activity-price.repository';
import { ActivityPriceRpcController } from './activity-price.rpc-controller';
import { GetActivityPriceUseCase } from './get-activity-price.use-case';
import { SetActivityPriceUseCase } from './set-activity-price.use-case';

/** What a contract's programme activities cost, per activity type: set by the provider, read by the ledger when one is delivered. */
@Module({
  controllers: [ActivityPriceRpcController],
  providers: [ActivityPriceRepository, SetActivityPriceUseCase, GetActivityPriceUseCase],
  exports: [ActivityPriceRepository],
})
export class ActivityPricesModule {}
