import { addDaysToDate, atLondonTime, londonDate, londonWeekday } from '@mediation/calendar';
import { PlatformUnderTest, waitUntil } from '@mediation/testing';
import { randomUUID } from 'node:crypto';

jest.setTimeout(180_000);

interface Summary {
  contracts: { contractId: string; referralsReceived: number; casesOpened: number }[];
  from: string | null;
  to: string | null;
}
interface Problem {
  errors: { field: string; code: string }[];
}

describe('GET /v1/reports/summary honours contractId, from and to, and refuses anything else', () => {
  let platform: PlatformUnderTest;

  beforeAll(async () => {
    platform = await PlatformUnderTest.start();
  });

  afterAll(async () => {
    await platform?.shutdown();
  });

  it('an unknown parameter, a date that is not one, and a range that ends before it starts are 400s naming them', async () => {
    expect(await platform.request<Problem>('GET', '/v1/reports/summary?contract=x')).toMatchObject({
      status: 400,
      body: { errors: [{ field: 'contract', code: 'unrecognized_keys' }] },
    });
    expect(await platform.request<Problem>('GET', '/v1/reports/summary?from=2026-13-01')).toMatchObject({ status: 400, body: { errors: [{ field: 'from' }] } });
    expect(await platform.request<Problem>('GET', '/v1/reports/summary?from=2026-11-02&to=2026-11-01')).toMatchObject({
      status: 400,
      body: { errors: [{ field: 'to' }] },
    });
    expect(await platform.request<Problem>('GET', '/v1/reports/summary?contractId=nope')).toMatchObject({
      status: 400,
      body: { errors: [{ field: 'contractId' }] },
    });
  });

  it('a referral typed in today that was received last Friday counts on Friday, in its own contract only', async () => {
    const contract = await platform.request<{ id: string }>('POST', '/v1/contracts', {
      template: 'housing-asb',
      reference: `SUMMARY-${randomUUID().slice(0, 8)}`,
      publish: true,
    });
    let friday = addDaysToDate(londonDate(new Date()), -1);
    while (londonWeekday(friday) !== 5) friday = addDaysToDate(friday, -1);
    const organisation = (await platform.request<{ slug: string }>('GET', '/v1/organisation')).body.slug;
    const manager = { email: `summary-${randomUUID().slice(0, 8)}@provider.example`, password: 'a-long-case-manager-password' };
    expect((await platform.request('POST', '/v1/users', { ...manager, name: 'Casey Manager', roles: ['case-manager'] })).status).toBe(201);
    const token = (await platform.request<{ token: string }>('POST', '/v1/sign-in', { organisation, ...manager }, { authorization: '' })).body.token;
    const referral = await platform.request<{ id: string }>(
      'POST',
      '/v1/referrals',
      {
        contractId: contract.body.id,
        serviceLine: 'noise',
        receivedAt: atLondonTime(friday, '16:00').toISOString(),
        referrer: { name: 'Pat Officer', email: 'pat@council.example' },
        referrerType: 'council',
        parties: [{ role: 'complainant', name: 'Sam Resident' }],
        summary: 'Phoned in on Friday afternoon.',
        consent: [
          {
            givenBy: 'Sam Resident',
            relationship: 'tenant',
            givenAt: atLondonTime(friday, '15:00').toISOString(),
            method: 'verbal',
            recordedBy: 'Pat Officer',
          },
        ],
      },
      { authorization: `Bearer ${token}` },
    );
    expect(referral.status).toBe(201);
    const onFriday = `/v1/reports/summary?contractId=${contract.body.id}&from=${friday}&to=${friday}`;
    const counted = await waitUntil(async () => (await platform.request<Summary>('GET', onFriday)).body.contracts[0], { what: 'the referral counted' });
    expect(counted).toMatchObject({ contractId: contract.body.id, referralsReceived: 1 });
    const dayAfter = await platform.request<Summary>(
      'GET',
      `/v1/reports/summary?contractId=${contract.body.id}&from=${addDaysToDate(friday, 1)}&to=${addDaysToDate(friday, 1)}`,
    );
    expect(dayAfter.body).toMatchObject({ contracts: [], from: addDaysToDate(friday, 1), to: addDaysToDate(friday, 1) });
    const oneContract = await platform.request<Summary>('GET', `/v1/reports/summary?contractId=${contract.body.id}`);
    expect(oneContract.body.contracts.map((c) => c.contractId)).toEqual([contract.body.id]);
    const all = await platform.request<Summary>('GET', '/v1/reports/summary');
    expect(all.body).toMatchObject({ from: null, to: null });
  });
});
