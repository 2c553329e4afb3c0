import { Module } from '@nestjs/common';
import { CreateVenueUseCase } from './create-venue.use-case';
import { GetVenueUseCase } from './get-venue.use-case';
import { ListVenuesUseCase } from './list-venues.use-case';
import { VenueRepository } from './venue.repository';
import { VenueRpcController } from './venue.rpc-controller';

@Module({
  controllers: [VenueRpcController],
  providers: [VenueRepository, CreateVenueUseCase, ListVenuesUseCase, GetVenueUseCase],
  exports: [VenueRepository],
})
export class VenuesModule {}
