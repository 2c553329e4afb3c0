import type { INestApplicationContext } from '@nestjs/common';
import { ProblemError } from '@mediation/platform';
import { uuidv7, type ContractDetailView, type CreateReferralBody, type RpcMeta } from '@mediation/protocol';
import { startServiceContext, type ServiceContext } from '@mediation/testing';
import type { Client } from 'pg';
import { AppModule } from '../app.module';
import { loadIntakeConfig } from '../config/intake.config';
import { CreateContractUseCase } from '../contracts/create-contract.use-case';
import { FindSubmittedReferralUseCase } from './find-submitted-referral.use-case';
import { SubmitReferralUseCase } from './submit-referral.use-case';

jest.setTimeout(120_000);

describe('idempotent referral submission against real PostgreSQL', () => {
  let service: ServiceContext;
  let app: INestApplicationContext;
  let sql: Client;
  let housing: ContractDetailView;
  const meta: RpcMeta = { organisationId: uuidv7(), actorId: 'user:officer', actorType: 'user', correlationId: 'int-idem' };
  const consent = [{ givenBy: 'Ann Resident', relationship: 'tenant', givenAt: '2026-11-01T10:00:00Z', method: 'verbal' as const, recordedBy: 'Officer Pat' }];
  const body = (extra: Partial<CreateReferralBody> = {}): CreateReferralBody => ({
    contractId: housing.id,
    serviceLine: 'noise',
    referrer: { name: 'Officer Pat', email: 'pat@council.example' },
    referrerType: 'council',
    parties: [{ role: 'complainant', name: 'Ann Resident', email: 'ann@home.example' }],
    summary: 'Loud music at night.',
    consent,
    ...extra,
  });
  const submit = (key: string | undefined, request: CreateReferralBody, who: RpcMeta = meta) =>
    app.get(SubmitReferralUseCase).execute(who, { ...request, ...(key ? { idempotencyKey: key } : {}) });
  const countWithKey = async (key: string) =>
    (await sql.query(`SELECT count(*)::int AS n FROM intake.referral WHERE idempotency_key = $1`, [key])).rows[0].n as number;

  beforeAll(async () => {
    service = await startServiceContext({ database: 'intake_idem', namespace: 'ii', module: () => AppModule.register(loadIntakeConfig()) });
    ({ app, sql } = service);
    housing = await app.get(CreateContractUseCase).execute(meta, { template: 'housing-asb', reference: 'HOUSING-IDEM', publish: true });
  });

  afterAll(() => service?.close());

  it('a repeat of a key returns the referral already stored, and stores and announces nothing new', async () => {
    const first = await submit('key-repeat-0001', body());
    const again = await submit('key-repeat-0001', body());
    expect(again).toEqual(first);
    expect(await countWithKey('key-repeat-0001')).toBe(1);
    expect(
      (
        await sql.query(`SELECT count(*)::int AS n FROM intake.outbox WHERE envelope->>'type' = 'intake.referral.received.v2' AND envelope->>'subject' = $1`, [
          first.id,
        ])
      ).rows[0].n,
    ).toBe(1);
  });

  it('a rejected referral repeats as the same rejection, not a second one', async () => {
    const first = await submit('key-reject-0001', body({ consent: undefined }));
    expect(first).toMatchObject({ status: 'rejected', rejection: { code: 'no-consent' } });
    expect(await submit('key-reject-0001', body({ consent: undefined }))).toEqual(first);
    expect(await countWithKey('key-reject-0001')).toBe(1);
  });

  it('the same key with another body is a 409 conflict', async () => {
    await submit('key-differ-0001', body());
    await expect(submit('key-differ-0001', body({ summary: 'Something else.' }))).rejects.toMatchObject({ problem: { status: 409 } });
    await expect(submit('key-differ-0001', body({ summary: 'Something else.' }))).rejects.toBeInstanceOf(ProblemError);
  });

  it('concurrent submissions with one key create one referral and all answer with it', async () => {
    const views = await Promise.all([1, 2, 3, 4].map(() => submit('key-race-00001', body())));
    expect(new Set(views.map((v) => v.id)).size).toBe(1);
    expect(await countWithKey('key-race-00001')).toBe(1);
  });

  it('keys are scoped by organisation, and without a key every submission creates', async () => {
    const other: RpcMeta = { ...meta, organisationId: uuidv7() };
    const theirs = await app.get(CreateContractUseCase).execute(other, { template: 'housing-asb', reference: 'HOUSING-IDEM', publish: true });
    const ours = await submit('key-shared-0001', body());
    const another = await submit('key-shared-0001', body({ contractId: theirs.id }), other);
    expect(another.id).not.toBe(ours.id);
    const [a, b] = [await submit(undefined, body()), await submit(undefined, body())];
    expect(a.id).not.toBe(b.id);
  });

  it('a gateway reconciling a key finds the referral stored under it for the same request, nothing for a key never used, and a 409 for another body; it stores nothing', async () => {
    const find = (key: string, request: CreateReferralBody) => app.get(FindSubmittedReferralUseCase).execute(meta, { ...request, idempotencyKey: key });
    expect(await find('key-reconcile-1', body())).toBeNull();
    expect(await countWithKey('key-reconcile-1')).toBe(0);
    const stored = await submit('key-reconcile-1', body());
    expect(await find('key-reconcile-1', body())).toEqual(stored);
    await expect(find('key-reconcile-1', body({ summary: 'Another matter.' }))).rejects.toMatchObject({ problem: { status: 409 } });
    expect(await countWithKey('key-reconcile-1')).toBe(1);
  });
});
