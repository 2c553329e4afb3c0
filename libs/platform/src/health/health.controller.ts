import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import type { Response } from 'express';
import { HealthRegistry } from './health.registry';

@Controller('health')
export class HealthController {
  constructor(private readonly registry: HealthRegistry) {}

  /** The process is up; an orchestrator restarts it when this stops answering. */
  @Get('live')
  live() {
    return { status: 'live' };
  }

  /** The process can do its work: its database schema, NATS and (where used) Redis answer. */
  @Get('ready')
  async ready(@Res() res: Response) {
    const { ready, checks } = await this.registry.readiness();
    res.status(ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json({ status: ready ? 'ready' : 'not ready', checks });
  }
}
