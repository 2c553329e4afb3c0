import { CreateReferralBodySchema } from '@mediation/protocol';
import { PlatformUnderTest } from '@mediation/testing';
import { createHash } from 'node:crypto';

jest.setTimeout(180_000);

/** An Idempotency-Key a gateway left in progress when it died mid-request (ARCHITECTURE.md, "idempotency across a crash"). */
describe('a retried referral whose first gateway died mid-request', () => {
  let platform: PlatformUnderTest;

  beforeAll(async () => {
    platform = await PlatformUnderTest.start();
  });

  afterAll(async () => {
    await platform?.shutdown();
  });

  const referral = (summary: string) => ({
    contractId: platform.contractId,
    referrerType: 'council',
    referrer: { name: 'Pat Officer', email: 'pat@council.example' },
    parties: [{ role: 'complainant', name: 'Sam Resident' }],
    summary,
    consent: [{ givenBy: 'Sam Resident', relationship: 'tenant', givenAt: '2026-11-20T10:00:00Z', method: 'verbal', recordedBy: 'Pat Officer' }],
  });

  it('when intake already holds the referral, the retry gets it at once (201, replayed), not a 409 until the lease runs out', async () => {
    const key = `crash-stored-${Date.now()}`;
    const body = referral('Music through the wall every night.');
    const first = await platform.request<{ id: string }>('POST', '/v1/referrals', body, { 'idempotency-key': key });
    expect(first.status).toBe(201);
    // The gateway died after intake stored the referral and before it recorded the answer.
    await platform.sql(
      `UPDATE identity.idempotency_record SET status = 'in-progress', response_status = NULL, response_body = NULL, claimed_at = now() WHERE key = $1`,
      [key],
    );

    const retry = await platform.request<{ id: string }>('POST', '/v1/referrals', body, { 'idempotency-key': key });
    expect({ status: retry.status, id: retry.body.id, replayed: retry.headers.get('idempotent-replayed') }).toEqual({
      status: 201,
      id: first.body.id,
      replayed: 'true',
    });
    expect(await platform.sql('SELECT count(*)::int AS n FROM intake.referral WHERE idempotency_key = $1', [key])).toEqual([{ n: 1 }]);
    expect(await platform.sql('SELECT status FROM identity.idempotency_record WHERE key = $1', [key])).toEqual([{ status: 'done' }]);
  });

  it('when intake does not hold it, the retry is a 409 with Retry-After, and creates nothing', async () => {
    const key = `crash-lost-${Date.now()}`;
    const body = referral('Shouting on the stairs.');
    // The gateway died before intake heard of the request: its claim is all that is left.
    const requestHash = createHash('sha256')
      .update(JSON.stringify(CreateReferralBodySchema.parse(body)))
      .digest('hex');
    await platform.sql(`INSERT INTO identity.idempotency_record (organisation_id, key, request_hash, status) VALUES ($1, $2, $3, 'in-progress')`, [
      platform.organisationId,
      key,
      requestHash,
    ]);

    const retry = await platform.request<{ detail: string }>('POST', '/v1/referrals', body, { 'idempotency-key': key });
    expect({ status: retry.status, detail: retry.body.detail }).toEqual({
      status: 409,
      detail: expect.stringMatching(/still being processed; retry in \d+ s/),
    });
    expect(Number(retry.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(retry.headers.get('retry-after'))).toBeLessThanOrEqual(5);
    expect(await platform.sql('SELECT count(*)::int AS n FROM intake.referral WHERE idempotency_key = $1', [key])).toEqual([{ n: 0 }]);
  });
});
