import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { parseRpcRequest } from '@mediation/messaging';
import { Rpc } from '@mediation/protocol';
import { CreateVenueUseCase } from './create-venue.use-case';
import { GetVenueUseCase } from './get-venue.use-case';
import { ListVenuesUseCase } from './list-venues.use-case';

@Controller()
export class VenueRpcController {
  constructor(
    private readonly createVenue: CreateVenueUseCase,
    private readonly listVenues: ListVenuesUseCase,
    private readonly getVenue: GetVenueUseCase,
  ) {}

  @MessagePattern(Rpc.scheduling.createVenue.subject)
  create(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.scheduling.createVenue, raw);
    return this.createVenue.execute(meta, data);
  }

  @MessagePattern(Rpc.scheduling.listVenues.subject)
  list(@Payload() raw: unknown) {
    const { meta } = parseRpcRequest(Rpc.scheduling.listVenues, raw);
    return this.listVenues.execute(meta);
  }

  @MessagePattern(Rpc.scheduling.getVenue.subject)
  get(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.scheduling.getVenue, raw);
    return this.getVenue.execute(meta, data.venueId);
  }
}
