import type { INestApplication } from '@nestjs/common';
import { MetricsService } from '@mediation/platform';
import { NatsConnectionService } from '../nats/nats.connection';
import { NatsRpcServer } from './nats-rpc.server';

/** The request/reply transport for a service, sharing the process's NATS connection. */
export function rpcTransport(service: string) {
  return (app: INestApplication) => new NatsRpcServer(app.get(NatsConnectionService), service, app.get(MetricsService));
}
