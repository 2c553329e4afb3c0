import type { INestApplicationContext } from '@nestjs/common';
import { uuidv7, type RpcMeta } from '@mediation/protocol';
import { startServiceContext, type ServiceContext } from '@mediation/testing';
import { AppModule } from '../app.module';
import { loadIntakeConfig } from '../config/intake.config';
import { CreateContractUseCase } from './create-contract.use-case';
import { ReplaceContractUseCase } from './replace-contract.use-case';

jest.setTimeout(120_000);

describe('who made each contract version', () => {
  let service: ServiceContext;
  let app: INestApplicationContext;
  const organisationId = uuidv7();
  // The gateway's actor ids already name their kind (`api-key:<id>`, `user:<id>`).
  const councilSystem: RpcMeta = { organisationId, actorId: `api-key:${uuidv7()}`, actorType: 'api-key', correlationId: 'int-versions-1' };
  const administrator: RpcMeta = { organisationId, actorId: `user:${uuidv7()}`, actorType: 'user', correlationId: 'int-versions-2' };

  beforeAll(async () => {
    service = await startServiceContext({ database: 'intake_versions', namespace: 'iv', module: () => AppModule.register(loadIntakeConfig()) });
    ({ app } = service);
  });

  afterAll(() => service?.close());

  it('records the actor as the gateway names it, never with its kind twice ("api-key:api-key:…")', async () => {
    const created = await app.get(CreateContractUseCase).execute(councilSystem, { template: 'housing-asb', reference: 'HOUSING-VERSIONS', publish: false });
    const revised = await app.get(ReplaceContractUseCase).execute(administrator, created.id, { ...created.definition, title: 'Housing mediation, revised' });
    expect(created.versions.map((v) => v.createdBy)).toEqual([councilSystem.actorId]);
    expect(revised.versions.map((v) => v.createdBy)).toEqual([councilSystem.actorId, administrator.actorId]);
  });
});
