import { Controller, Get, Query } from '@nestjs/common';
import type { Request } from 'express';
import { RpcClient } from '@mediation/messaging';
import { EventFeedQuerySchema, EventFeedSchema, Rpc, type RpcMeta } from '@mediation/protocol';
import { Access } from '../auth/access';
import { CurrentMeta } from '../auth/principal';
import { ApiOperation } from '../http/api-operation.decorator';
import { ZodPipe } from '../http/zod.pipe';

/** The answer to a long poll may take `wait` seconds; the call waits that long and a little more. */
const LONG_POLL_MARGIN_MS = 5_000;

/** A pull of the feed that asks to wait for events: it holds its request open on purpose, so the gateway's admission does not count it. */
export function isEventFeedLongPoll(req: Request): boolean {
  return req.method === 'GET' && /^\/v1\/events\/?$/.test(req.path) && Number(req.query.wait) > 0;
}

@Controller('v1/events')
export class EventsFeedController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({
    summary: 'The pull feed: your public events in order after a cursor, as webhooks would send them (optional long poll with `wait`)',
    query: EventFeedQuerySchema,
    response: { status: 200, schema: EventFeedSchema },
  })
  @Access({ roles: ['provider-admin'], scopes: ['events:read'] })
  list(@CurrentMeta() meta: RpcMeta, @Query() raw: unknown) {
    const query = new ZodPipe(EventFeedQuerySchema).transform(raw);
    return this.rpc.call(Rpc.webhooks.listEvents, meta, query, query.wait * 1000 + LONG_POLL_MARGIN_MS);
  }
}
