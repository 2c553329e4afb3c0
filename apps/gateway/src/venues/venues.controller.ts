import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { RpcClient } from '@mediation/messaging';
import { CreateVenueBodySchema, Rpc, VenueListSchema, VenueViewSchema, type RpcMeta } from '@mediation/protocol';
import type { Response } from 'express';
import { z } from 'zod';
import { Access } from '../auth/access';
import { CurrentMeta } from '../auth/principal';
import { ApiOperation } from '../http/api-operation.decorator';
import { ZodPipe } from '../http/zod.pipe';

const VenueIdParamsSchema = z.object({ id: z.uuid().describe('The venue id.') }).describe('Path parameters.');
const READERS = { roles: ['provider-admin', 'case-manager', 'mediator', 'auditor'], scopes: ['sessions:read'] } as const;

@Controller('v1/venues')
export class VenuesController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Add a venue with its accessibility', body: CreateVenueBodySchema, response: { status: 201, schema: VenueViewSchema } })
  @Access({ roles: ['provider-admin', 'case-manager'], scopes: ['sessions:write'] })
  async create(@CurrentMeta() meta: RpcMeta, @Body() raw: unknown, @Res({ passthrough: true }) res: Response) {
    const venue = await this.rpc.call(Rpc.scheduling.createVenue, meta, new ZodPipe(CreateVenueBodySchema).transform(raw));
    res.setHeader('Location', `/v1/venues/${venue.id}`);
    return venue;
  }

  @Get()
  @ApiOperation({ summary: 'List your venues', response: { status: 200, schema: VenueListSchema } })
  @Access({ roles: [...READERS.roles], scopes: [...READERS.scopes] })
  list(@CurrentMeta() meta: RpcMeta) {
    return this.rpc.call(Rpc.scheduling.listVenues, meta, {});
  }

  @Get(':id')
  @ApiOperation({ summary: 'Read a venue', response: { status: 200, schema: VenueViewSchema }, params: { id: 'The venue id.' } })
  @Access({ roles: [...READERS.roles], scopes: [...READERS.scopes] })
  get(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(VenueIdParamsSchema)) params: { id: string }) {
    return this.rpc.call(Rpc.scheduling.getVenue, meta, { venueId: params.id });
  }
}
