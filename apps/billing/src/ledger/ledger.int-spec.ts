import { uuidv7, type RpcMeta } from '@mediation/protocol';
import { problemOf, startServiceContext, type ServiceContext } from '@mediation/testing';
import { AppModule } from '../app.module';
import { loadBillingConfig } from '../config/billing.config';
import { BillingTestKit } from '../testing/billing-test-kit';
import { housingContract, possessionContract, preCmhContract, sendContract } from '../testing/seed-contracts';
import { DraftInvoiceUseCase } from '../invoices/draft-invoice.use-case';
import { SetActivityPriceUseCase } from '../activity-prices/set-activity-price.use-case';
import { GetContractBillingUseCase } from '../position/get-contract-billing.use-case';
import { ActivityDeliveredBiller, SessionDidNotAttendBiller } from './ledger.handlers';

jest.setTimeout(180_000);

describe('the billing ledger, fed by case and session events, against real PostgreSQL', () => {
  let service: ServiceContext;
  let kit: BillingTestKit;
  const organisationId = uuidv7();
  const entries = (contractId: string) =>
    service.sql
      .query<{ kind: string; amount_pence: number; case_reference: string; source_key: string }>(
        `SELECT kind, amount_pence, case_reference, source_key FROM billing.ledger_entry WHERE contract_id = $1 ORDER BY occurred_at, id`,
        [contractId],
      )
      .then((r) => r.rows);
  const yearCounts = (contractId: string) =>
    service.sql
      .query<{ contract_year_start: string; cases: number }>(
        `SELECT contract_year_start::text, cases FROM billing.line_year_cases WHERE contract_id = $1 ORDER BY contract_year_start`,
        [contractId],
      )
      .then((r) => r.rows);
  const alerts = (contractId: string) =>
    service.sql
      .query<{ data: { thresholdPercent: number; spentPence: number; limitKind: string } }>(
        `SELECT envelope->'data' AS data FROM billing.outbox WHERE envelope->>'type' = 'billing.spend.threshold-crossed.v1' AND envelope->'data'->>'contractId' = $1 ORDER BY position`,
        [contractId],
      )
      .then((r) => r.rows.map((row) => row.data));

  beforeAll(async () => {
    service = await startServiceContext({ database: 'billing_ledger', namespace: 'bl', module: () => AppModule.register(loadBillingConfig()) });
    kit = new BillingTestKit(service.app, organisationId);
  });
  afterAll(() => service?.close());

  it('housing, N = 3: the first three cases of the contract year are in the annual price, the fourth and fifth cost £1,350 each', async () => {
    const contractId = await kit.publish(housingContract());
    for (const day of ['2026-04-02', '2026-05-10', '2026-06-01', '2026-07-15', '2026-09-01']) await kit.openCase(contractId, 'housing-asb', `${day}T10:00:00Z`);
    // A new contract year (from 1 April 2027) starts the count again.
    await kit.openCase(contractId, 'housing-asb', '2027-04-05T10:00:00Z');
    const rows = await entries(contractId);
    expect(rows.map((r) => [r.kind, r.amount_pence])).toEqual([
      ['case', 0],
      ['case', 0],
      ['case', 0],
      ['case', 135_000],
      ['case', 135_000],
      ['case', 0],
    ]);
    // By hand: 2 cases above 3 × £1,350 = £2,700.
    expect(rows.reduce((sum, r) => sum + r.amount_pence, 0)).toBe(270_000);
    // Each year's count is one row, kept as its cases were appended: the next case reads it instead of counting the year.
    expect(await yearCounts(contractId)).toEqual([
      { contract_year_start: '2026-04-01', cases: 5 },
      { contract_year_start: '2027-04-01', cases: 1 },
    ]);
  });

  it('housing, N = 3: five cases opened at once are counted one at a time, numbered 1 to 5, three in the annual price and two at £1,350', async () => {
    const contractId = await kit.publish(housingContract());
    await Promise.all(
      ['2026-04-02', '2026-04-03', '2026-04-04', '2026-04-05', '2026-04-06'].map((day) => kit.openCase(contractId, 'housing-asb', `${day}T10:00:00Z`)),
    );
    const { rows } = await service.sql.query<{ amount_pence: number; description: string }>(
      `SELECT amount_pence, description FROM billing.ledger_entry WHERE contract_id = $1 ORDER BY recorded_at, id`,
      [contractId],
    );
    // Each case saw the ones appended before it: the ordinals are 1 to 5 in the order appended, the price following the ordinal.
    const ordinals = rows.map((r) => Number(/\(case (\d+)/.exec(r.description)?.[1]));
    expect([...ordinals].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5]);
    expect(rows.map((r) => r.amount_pence)).toEqual(ordinals.map((ordinal) => (ordinal > 3 ? 135_000 : 0)));
    expect(rows.find((r) => r.amount_pence > 0)?.description).toMatch(/^Case C-\d+ \(case [45], above the 3 included, at £1,350\.00\)$/);
  });

  it('a case opened again, redelivered or under a later version, runs under the version it first opened under and is counted once', async () => {
    const contractId = await kit.publish(housingContract());
    const everyCaseCharged = housingContract();
    everyCaseCharged.serviceLines![0].pricing = { ...everyCaseCharged.serviceLines![0].pricing!, includedCasesPerYear: 0 } as never;
    await kit.publish(everyCaseCharged, 2, contractId);
    const { caseId, reference } = await kit.openCase(contractId, 'housing-asb', '2026-04-02T10:00:00Z');
    await kit.openCase(contractId, 'housing-asb', '2026-04-02T10:00:00Z', 1, caseId);
    await kit.openCase(contractId, 'housing-asb', '2026-04-02T10:00:00Z', 2, caseId);
    expect((await entries(contractId)).map((r) => [r.kind, r.amount_pence, r.case_reference])).toEqual([['case', 0, reference]]);
    expect(await yearCounts(contractId)).toEqual([{ contract_year_start: '2026-04-01', cases: 1 }]);
    const kept = await service.sql.query(`SELECT contract_version, reference FROM billing.billing_case WHERE case_id = $1`, [caseId]);
    expect(kept.rows).toEqual([{ contract_version: 1, reference }]);
  });

  it('a redelivered session.held, even under a new event id, changes no total', async () => {
    const contractId = await kit.publish(sendContract());
    const { caseId } = await kit.openCase(contractId, 'send-mediation', '2026-05-01T09:00:00Z');
    const sessionId = await kit.sessionHeld(contractId, caseId, '2026-05-12T10:00:00Z');
    await kit.sessionHeld(contractId, caseId, '2026-05-12T10:00:00Z', sessionId);
    await kit.sessionHeld(contractId, caseId, '2026-05-20T10:00:00Z');
    const rows = await entries(contractId);
    expect(rows.map((r) => [r.kind, r.amount_pence])).toEqual([
      ['session', 48_000],
      ['session', 48_000],
    ]);
    expect(rows.map((r) => r.source_key)).toContain(`session:${sessionId}`);
    // Each entry is told to reporting once, in the transaction that appended it: two sessions, two events.
    const told = await service.sql.query<{ data: { amountPence: number; kind: string } }>(
      `SELECT envelope->'data' AS data FROM billing.outbox WHERE envelope->>'type' = 'billing.ledger.entry-recorded.v1' AND envelope->'data'->>'contractId' = $1 ORDER BY position`,
      [contractId],
    );
    expect(told.rows.map((r) => [r.data.kind, r.data.amountPence])).toEqual([
      ['session', 48_000],
      ['session', 48_000],
    ]);
  });

  it('a did-not-attend is charged only when the contract names a charge', async () => {
    const contractId = await kit.publish(sendContract());
    const { caseId } = await kit.openCase(contractId, 'send-mediation', '2026-05-01T09:00:00Z');
    const dna = { sessionId: uuidv7(), caseId, contractId, sessionType: 'mediation', reason: 'no show', recordedAt: '2026-05-15T10:00:00Z' };
    await kit.tx((tx) => service.app.get(SessionDidNotAttendBiller).handle(kit.envelope(dna, contractId) as never, tx));
    expect(await entries(contractId)).toEqual([]);

    // A version that charges £120 for a session not attended: charged once, whatever the redeliveries.
    const charging = sendContract();
    charging.serviceLines![0].pricing = { ...charging.serviceLines![0].pricing!, didNotAttendPence: 12_000 } as never;
    const chargingId = await kit.publish(charging);
    const opened = await kit.openCase(chargingId, 'send-mediation', '2026-05-01T09:00:00Z');
    const missed = { ...dna, caseId: opened.caseId, contractId: chargingId };
    for (let i = 0; i < 2; i += 1) await kit.tx((tx) => service.app.get(SessionDidNotAttendBiller).handle(kit.envelope(missed, chargingId) as never, tx));
    expect((await entries(chargingId)).map((r) => [r.kind, r.amount_pence])).toEqual([['did-not-attend', 12_000]]);
  });

  it('pre-CMH: a fixed fee’s milestone is charged once, when the first activity naming it is delivered; the rest of the fee by instalment', async () => {
    const contractId = await kit.publish(preCmhContract([{ key: 'workshop.delivered', label: 'First national workshop', pence: 7_100_000 }]));
    const workshop = (deliveredAt: string, activityType = 'workshop', milestone = 'workshop.delivered') => ({
      activityId: uuidv7(),
      contractId,
      serviceLine: 'pre-cmh',
      activityType,
      milestone,
      deliveredAt,
      servedOrganisationKey: 'kent-county-council',
      attendance: [{ attendeeType: 'social-worker', count: 9 }],
      totalAttendees: 9,
    });
    const deliver = (data: ReturnType<typeof workshop>) =>
      kit.tx((tx) => service.app.get(ActivityDeliveredBiller).handle(kit.envelope(data, contractId) as never, tx));
    const first = workshop('2026-04-20T10:00:00Z');
    await deliver(first);
    await deliver(first); // redelivered
    await deliver(workshop('2026-04-27T10:00:00Z')); // a second workshop: the milestone is paid already
    await deliver(workshop('2026-04-28T10:00:00Z', 'drop-in', 'drop-in.held')); // no milestone of that key
    expect((await entries(contractId)).map((r) => [r.kind, r.amount_pence, r.source_key])).toEqual([
      ['milestone', 7_100_000, 'milestone:pre-cmh:workshop.delivered'],
    ]);
    const finance = { organisationId, actorId: 'user:finance', actorType: 'user' as const, correlationId: 'int-milestone' };
    const april = await service.app.get(DraftInvoiceUseCase).execute(finance, { contractId, periodContaining: '2026-04-15' });
    // By hand: (£731,000 − £71,000) / 12 = £55,000.00, plus the £71,000 milestone = £126,000.00 net.
    expect(april.lines.map((l) => l.amountPence)).toEqual([5_500_000, 7_100_000]);
    expect(april.netPence).toBe(12_600_000);
  });

  it('pre-CMH: a workshop priced at £400 per workshop is charged £400 once, however often redelivered; an unpriced drop-in charges nothing', async () => {
    const definition = preCmhContract();
    definition.cap = { netPence: 100_000, currency: 'GBP' };
    definition.billing = { ...definition.billing, contractManager: { email: 'dfe.manager@education.example' } };
    const contractId = await kit.publish(definition);
    const provider: RpcMeta = { organisationId, actorId: 'user:finance', actorType: 'user', correlationId: 'int-activity' };
    const prices = service.app.get(SetActivityPriceUseCase);
    const ref = { contractId, serviceLine: 'pre-cmh', activityType: 'workshop' };
    // The price names a session type of the line; anything else is refused, naming the field.
    expect(await problemOf(prices.execute(provider, { ...ref, activityType: 'webinar' }, { pricePence: 40_000, per: 'activity' }))).toMatchObject({
      status: 400,
      errors: [expect.objectContaining({ field: 'activityType' })],
    });
    expect(await problemOf(prices.execute(provider, { ...ref, serviceLine: 'housing' }, { pricePence: 40_000, per: 'activity' }))).toMatchObject({
      status: 400,
      errors: [expect.objectContaining({ field: 'serviceLine' })],
    });
    expect(await prices.execute(provider, ref, { pricePence: 40_000, per: 'activity' })).toMatchObject({ pricePence: 40_000, per: 'activity' });

    const activity = (activityType: string, deliveredAt: string, totalAttendees = 14) => ({
      activityId: uuidv7(),
      contractId,
      serviceLine: 'pre-cmh',
      activityType,
      milestone: activityType === 'workshop' ? 'workshop.delivered' : 'drop-in.held',
      deliveredAt,
      servedOrganisationKey: 'kent-county-council',
      attendance: [{ attendeeType: 'social-worker', count: totalAttendees }],
      totalAttendees,
    });
    const deliver = (data: ReturnType<typeof activity>) =>
      kit.tx((tx) => service.app.get(ActivityDeliveredBiller).handle(kit.envelope(data, contractId) as never, tx));
    const workshop = activity('workshop', '2026-04-20T10:00:00Z');
    await deliver(workshop);
    await deliver(workshop); // redelivered
    await deliver(activity('drop-in', '2026-04-21T10:00:00Z')); // the contract prices no drop-in
    expect((await entries(contractId)).map((r) => [r.kind, r.amount_pence, r.source_key])).toEqual([['activity', 40_000, `activity:${workshop.activityId}`]]);
    expect(await alerts(contractId)).toEqual([]);

    // A second workshop brings spend to £800 of the £1,000 cap: the 75% warning, once, as for any other entry.
    await deliver(activity('workshop', '2026-04-27T10:00:00Z', 6));
    expect(await alerts(contractId)).toEqual([expect.objectContaining({ thresholdPercent: 75, spentPence: 80_000, limitKind: 'contract-cap' })]);

    // Reporting is told in v2 only (v1 has no `activity` kind), one event per entry.
    const told = await service.sql.query<{ type: string; kind: string; amount: number }>(
      `SELECT envelope->>'type' AS type, envelope->'data'->>'kind' AS kind, (envelope->'data'->>'amountPence')::int AS amount
         FROM billing.outbox WHERE envelope->>'type' LIKE 'billing.ledger.entry-recorded.%' AND envelope->'data'->>'contractId' = $1 ORDER BY position`,
      [contractId],
    );
    expect(told.rows).toEqual([
      { type: 'billing.ledger.entry-recorded.v2', kind: 'activity', amount: 40_000 },
      { type: 'billing.ledger.entry-recorded.v2', kind: 'activity', amount: 40_000 },
    ]);

    // The position counts them, and the month's invoice has a line for each beside the fee's instalment.
    const position = await service.app.get(GetContractBillingUseCase).execute(provider, { contractId });
    expect(position).toMatchObject({ activitiesPence: 80_000, spentThisYearPence: 80_000 });
    // The milestone test above drafted April for its own pre-CMH contract of this organisation: each contract has its instalment.
    const april = await service.app.get(DraftInvoiceUseCase).execute(provider, { contractId, periodContaining: '2026-04-15' });
    expect(april.lines.map((l) => [l.description, l.amountPence])).toEqual([
      ['pre-cmh: fixed fee, instalment 1 of 12, for 2026-04-01 to 2026-04-30', 6_091_666],
      ['pre-cmh: Training workshop for professionals on 2026-04-20 (at £400.00 per training workshop for professionals)', 40_000],
      ['pre-cmh: Training workshop for professionals on 2026-04-27 (at £400.00 per training workshop for professionals)', 40_000],
    ]);
  });

  it('a drop-in priced per attendee is charged the price times its attendance', async () => {
    const contractId = await kit.publish(preCmhContract());
    const provider: RpcMeta = { organisationId, actorId: 'user:finance', actorType: 'user', correlationId: 'int-activity' };
    await service.app
      .get(SetActivityPriceUseCase)
      .execute(provider, { contractId, serviceLine: 'pre-cmh', activityType: 'drop-in' }, { pricePence: 1_500, per: 'attendee' });
    const data = {
      activityId: uuidv7(),
      contractId,
      serviceLine: 'pre-cmh',
      activityType: 'drop-in',
      milestone: 'drop-in.held',
      deliveredAt: '2026-05-06T15:00:00Z',
      servedOrganisationKey: 'kent-county-council',
      attendance: [
        { attendeeType: 'social-worker', count: 5 },
        { attendeeType: 'cafcass-guardian', count: 2 },
      ],
      totalAttendees: 7,
    };
    await kit.tx((tx) => service.app.get(ActivityDeliveredBiller).handle(kit.envelope(data, contractId) as never, tx));
    // By hand: 7 attendees × £15 = £105.
    expect((await entries(contractId)).map((r) => [r.kind, r.amount_pence])).toEqual([['activity', 10_500]]);
  });

  it('two contracts of one organisation with the same service line each get their own instalment for the same period', async () => {
    // One provider holding two councils' housing ASB contracts, both with the line `housing-asb`.
    const provider = new BillingTestKit(service.app, uuidv7());
    const finance: RpcMeta = { organisationId: provider.organisationId, actorId: 'user:finance', actorType: 'user', correlationId: 'int-same-line' };
    const councils = [await provider.publish(housingContract()), await provider.publish(housingContract())];
    for (const contractId of councils) {
      const quarter = await service.app.get(DraftInvoiceUseCase).execute(finance, { contractId, periodContaining: '2026-04-15' });
      // By hand: £90,000 a year invoiced quarterly = £22,500 each.
      expect(quarter.lines.map((l) => l.amountPence)).toEqual([2_250_000]);
    }
    for (const contractId of councils)
      expect((await entries(contractId)).map((r) => [r.kind, r.amount_pence, r.source_key])).toEqual([
        ['instalment', 2_250_000, 'instalment:housing-asb:2026-04-01'],
      ]);
  });

  it('two contracts of one organisation with the same service line each get their own milestone', async () => {
    const provider = new BillingTestKit(service.app, uuidv7());
    const milestones = [{ key: 'workshop.delivered', label: 'First national workshop', pence: 7_100_000 }];
    const pilots = [await provider.publish(preCmhContract(milestones)), await provider.publish(preCmhContract(milestones))];
    for (const contractId of pilots) {
      const workshop = {
        activityId: uuidv7(),
        contractId,
        serviceLine: 'pre-cmh',
        activityType: 'workshop',
        milestone: 'workshop.delivered',
        deliveredAt: '2026-04-20T10:00:00Z',
        servedOrganisationKey: 'kent-county-council',
        attendance: [{ attendeeType: 'social-worker', count: 9 }],
        totalAttendees: 9,
      };
      await provider.tx((tx) => service.app.get(ActivityDeliveredBiller).handle(provider.envelope(workshop, contractId) as never, tx));
    }
    for (const contractId of pilots)
      expect((await entries(contractId)).map((r) => [r.kind, r.amount_pence, r.source_key])).toEqual([
        ['milestone', 7_100_000, 'milestone:pre-cmh:workshop.delivered'],
      ]);
  });

  it('a session whose case billing has not seen open is retried, not lost', async () => {
    const contractId = await kit.publish(sendContract());
    await expect(kit.sessionHeld(contractId, uuidv7(), '2026-05-12T10:00:00Z')).rejects.toThrow(/not yet seen case/);
  });

  it('the ledger is append-only: an entry cannot be edited or deleted, even by a bug', async () => {
    const contractId = await kit.publish(sendContract());
    const { caseId } = await kit.openCase(contractId, 'send-mediation', '2026-05-01T09:00:00Z');
    await kit.sessionHeld(contractId, caseId, '2026-05-12T10:00:00Z');
    await expect(kit.tx((tx) => tx.ledgerEntry.updateMany({ where: { contractId }, data: { amountPence: 1 } }))).rejects.toThrow(/never edited/);
    await expect(kit.tx((tx) => tx.ledgerEntry.deleteMany({ where: { contractId } }))).rejects.toThrow();
  });

  it('possession: spend reaching 75% of the £2,000,000 cap warns once, at the 600th £2,500 session (£1,500,000)', async () => {
    const contractId = await kit.publish(possessionContract());
    const { caseId } = await kit.openCase(contractId, 'possession-mediation', '2021-01-20T09:00:00Z');
    for (let i = 0; i < 599; i += 1) await kit.sessionHeld(contractId, caseId, new Date(Date.parse('2021-02-01T09:00:00Z') + i * 600_000).toISOString());
    expect(await alerts(contractId)).toEqual([]);
    await kit.sessionHeld(contractId, caseId, '2021-03-01T09:00:00Z');
    await kit.sessionHeld(contractId, caseId, '2021-03-01T10:00:00Z');
    expect(await alerts(contractId)).toEqual([
      expect.objectContaining({ thresholdPercent: 75, spentPence: 150_000_000, limitKind: 'contract-cap', limitPence: 200_000_000 }),
    ]);
    // The contract manager is told, once: an event beside the threshold's, which notify turns into the email.
    const told = await service.sql.query(
      `SELECT envelope->'data' AS data FROM billing.outbox WHERE envelope->>'type' = 'billing.spend.alert-email-requested.v1' AND envelope->'data'->>'contractId' = $1 ORDER BY position`,
      [contractId],
    );
    expect(told.rows).toEqual([
      {
        data: expect.objectContaining({
          thresholdPercent: 75,
          spentPence: 150_000_000,
          limitPence: 200_000_000,
          reference: 'POS-000',
          recipient: expect.objectContaining({ email: 'moj.manager@justice.example' }),
        }),
      },
    ]);
  });
});
