import { Controller, Get, Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { storage } from 'nestjs-pino/storage';
import type { AddressInfo } from 'node:net';
import { PlatformModule } from './platform.module';

@Controller('v1/things')
class ThingsController {
  @Get()
  list() {
    return [];
  }
}

@Module({ imports: [PlatformModule.forService({ service: 'platform-spec', logLevel: 'silent' })], controllers: [ThingsController] })
class ServiceModule {}

describe('the platform module of a service', () => {
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    app = await NestFactory.create(ServiceModule, { logger: false });
    await app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  });

  afterAll(() => app.close());

  // nestjs-pino keeps each request's logger in an AsyncLocalStorage: on Node 20, once run, it hooks every promise of the process.
  it('answers health probes without a request-scoped logger, so an orchestrator’s probes do not switch those hooks on', async () => {
    const runs = jest.spyOn(storage, 'run');
    expect((await fetch(`${url}/health/live`)).status).toBe(200);
    await fetch(`${url}/health/ready`);
    expect(runs).not.toHaveBeenCalled();
    runs.mockRestore();
  });

  it('gives any other request its correlation id and its request-scoped logger', async () => {
    const runs = jest.spyOn(storage, 'run');
    const answer = await fetch(`${url}/v1/things`, { headers: { 'X-Correlation-Id': 'spec-1' } });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('x-correlation-id')).toBe('spec-1');
    expect(runs).toHaveBeenCalledTimes(1);
    runs.mockRestore();
  });
});
