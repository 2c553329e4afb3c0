import { addMonthsToDate } from '@mediation/calendar';
import { Rpc, uuidv7, type RpcMeta } from '@mediation/protocol';
import { JOB_CATALOG } from '@mediation/jobs';
import { FixedClock, pdfText, problemOf, startServiceContext, type ServiceContext } from '@mediation/testing';
import { AppModule } from '../app.module';
import { loadBillingConfig } from '../config/billing.config';
import { BillingTestKit } from '../testing/billing-test-kit';
import { blockContract, housingContract, preCmhContract, sendContract } from '../testing/seed-contracts';
import { CreditInvoiceUseCase } from './credit-invoice.use-case';
import { DraftInvoiceUseCase } from './draft-invoice.use-case';
import { IssueInvoiceUseCase } from './issue-invoice.use-case';
import { ReadInvoicesUseCase } from './read-invoices.use-case';
import { RecordPaymentUseCase } from './record-payment.use-case';
import { VoidInvoiceUseCase } from './void-invoice.use-case';

jest.setTimeout(180_000);

describe('invoices drafted from the ledger, issued, credited and rendered, against real PostgreSQL', () => {
  let service: ServiceContext;
  let kit: BillingTestKit;
  const clock = new FixedClock(new Date('2026-07-01T09:00:00Z'));
  const organisationId = uuidv7();
  const finance: RpcMeta = { organisationId, actorId: 'user:finance', actorType: 'user', correlationId: 'int-invoices' };
  const draft = (contractId: string, periodContaining: string) => service.app.get(DraftInvoiceUseCase).execute(finance, { contractId, periodContaining });
  const issue = (id: string, meta = finance) => service.app.get(IssueInvoiceUseCase).execute(meta, id);
  const read = () => service.app.get(ReadInvoicesUseCase);
  const ledgerTotal = (invoiceId: string) =>
    service.sql
      .query<{ sum: string }>(`SELECT COALESCE(SUM(amount_pence), 0) AS sum FROM billing.ledger_entry WHERE invoice_id = $1`, [invoiceId])
      .then((r) => Number(r.rows[0].sum));

  let housingId: string;
  let housingInvoiceId: string;

  beforeAll(async () => {
    service = await startServiceContext({ database: 'billing_invoices', namespace: 'bi', clock, module: () => AppModule.register(loadBillingConfig()) });
    kit = new BillingTestKit(service.app, organisationId);
    await kit.profile();
    housingId = await kit.publish(housingContract());
    // Five cases in the first quarter of the contract year (April to June 2026): N = 3 are in the price.
    for (const day of ['2026-04-02', '2026-04-20', '2026-05-10', '2026-06-01', '2026-06-30']) await kit.openCase(housingId, 'housing-asb', `${day}T10:00:00Z`);
  });
  afterAll(() => service?.close());

  it('housing, N = 3: the quarter’s instalment and exactly £1,350 for each case above 3, with VAT at 20% shown separately', async () => {
    const invoice = await draft(housingId, '2026-05-15');
    housingInvoiceId = invoice.id;
    // By hand: £90,000 a year quarterly = £22,500; cases 4 and 5 at £1,350 = £2,700; net £25,200; VAT £5,040; gross £30,240.
    expect(invoice).toMatchObject({
      status: 'draft',
      number: null,
      periodFrom: '2026-04-01',
      periodTo: '2026-07-01',
      netPence: 2_520_000,
      vatPence: 504_000,
      grossPence: 3_024_000,
    });
    expect(invoice.lines.map((l) => [l.caseReference, l.amountPence])).toEqual([
      [null, 2_250_000],
      ['C-004', 135_000],
      ['C-005', 135_000],
    ]);
    expect(await ledgerTotal(invoice.id)).toBe(invoice.netPence);
    // The period is invoiced once.
    expect((await problemOf(draft(housingId, '2026-06-01'))).status).toBe(409);
  });

  it('issuing numbers the invoice in a gap-free series, publishes billing.invoice.issued.v1, and then it cannot change', async () => {
    const issued = await issue(housingInvoiceId);
    expect(issued).toMatchObject({
      status: 'issued',
      number: 'INV-000001',
      dueOn: '2026-07-31',
      seller: { name: 'Calm Waters Mediation CIC', vatNumber: 'GB123456789' },
    });
    expect((await problemOf(issue(housingInvoiceId))).status).toBe(409);
    const events = await service.sql.query(
      `SELECT envelope->'data' AS data FROM billing.outbox WHERE envelope->>'type' = 'billing.invoice.issued.v1' ORDER BY position`,
    );
    expect(events.rows).toEqual([{ data: expect.objectContaining({ invoiceId: housingInvoiceId, number: 'INV-000001', grossPence: 3_024_000 }) }]);
    // Not even a bug can edit it: the database refuses.
    await expect(kit.tx((tx) => tx.invoice.update({ where: { id: housingInvoiceId }, data: { netPence: 1 } }))).rejects.toThrow(/cannot change/);
    await expect(kit.tx((tx) => tx.invoiceLine.updateMany({ where: { invoiceId: housingInvoiceId }, data: { amountPence: 1 } }))).rejects.toThrow(
      /cannot change/,
    );
  });

  it('the email to the contract’s invoice recipient is an event in the issuing transaction, for notify to send; billing sends none itself', async () => {
    const requested = await service.sql.query(
      `SELECT envelope->'data' AS data FROM billing.outbox WHERE envelope->>'type' = 'billing.invoice.email-requested.v1' AND envelope->>'subject' = $1 ORDER BY position`,
      [housingInvoiceId],
    );
    expect(requested.rows).toEqual([
      {
        data: expect.objectContaining({
          invoiceId: housingInvoiceId,
          kind: 'invoice',
          number: 'INV-000001',
          grossPence: 3_024_000,
          dueOn: '2026-07-31',
          recipient: { name: null, email: 'ap@council.example' },
        }),
      },
    ]);
    // The PDF is not on the event: notify fetches it by the invoice's id when sending.
    const pdf = await service.app.get(ReadInvoicesUseCase).file({ ...finance, actorId: 'notify:delivery', actorType: 'system' }, housingInvoiceId, 'pdf');
    expect(pdfText(Buffer.from(pdf.base64, 'base64'))).toContain('INV-000001');
    // No queue of billing's own for email: notify's delivery log (with its sweeper) is the only sender.
    expect(JOB_CATALOG.map((job) => job.queue)).not.toContain('billing-emails');
    expect(JOB_CATALOG.some((job) => /email/i.test(job.name))).toBe(false);
  });

  it('the invoice PDF shows the organisation, VAT number, buyer, lines and totals equal to the ledger’s; the CSV too', async () => {
    const pdf = Buffer.from((await read().file(finance, housingInvoiceId, 'pdf')).base64, 'base64');
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    for (const expected of [
      'Calm Waters Mediation CIC',
      '1 Harbour Row',
      'GB123456789',
      'Test Council',
      'ap@council.example',
      'INV-000001',
      'C-004',
      '£1,350.00',
      '£22,500.00',
      '£25,200.00',
      '£5,040.00',
      '£30,240.00',
    ]) {
      expect(text).toContain(expected);
    }
    // The totals as printed, read back and turned into pence, equal the ledger's entries for the invoice.
    const printed = (label: string) => Math.round(Number(new RegExp(`${label} £([\\d,.]+)`).exec(text)![1].replace(/,/g, '')) * 100);
    expect(printed('NET')).toBe(await ledgerTotal(housingInvoiceId));
    expect(printed('VAT AT 20%')).toBe(504_000);
    expect(printed('TOTAL DUE')).toBe(printed('NET') + printed('VAT AT 20%'));
    const csv = Buffer.from((await read().file(finance, housingInvoiceId, 'csv')).base64, 'base64').toString('utf8');
    expect(csv.split('\r\n').at(-2)).toBe('INV-000001,invoice,issued,2026-04-01,2026-06-30,total,Total,,25200.00,5040.00,30240.00');
  });

  it('an issued invoice is recorded as paid, not before it was issued nor in the future; a paid one is not voided', async () => {
    const early = await problemOf(service.app.get(RecordPaymentUseCase).execute(finance, { invoiceId: housingInvoiceId, paidAt: '2026-06-30T09:00:00Z' }));
    expect(early).toMatchObject({ status: 400, errors: [{ field: 'paidAt', code: 'before-issue' }] });
    const paid = await service.app.get(RecordPaymentUseCase).execute(finance, { invoiceId: housingInvoiceId, paidAt: '2026-07-01T09:00:00Z' });
    expect(paid).toMatchObject({ status: 'paid', paidAt: '2026-07-01T09:00:00.000Z', number: 'INV-000001', grossPence: 3_024_000 });
    expect((await problemOf(service.app.get(VoidInvoiceUseCase).execute(finance, { invoiceId: housingInvoiceId, reason: 'late' }))).status).toBe(409);
  });

  it('a credit note corrects an issued invoice: its own series, negative lines and VAT, and credit entries in the ledger', async () => {
    const credit = await service.app
      .get(CreditInvoiceUseCase)
      .execute(finance, { invoiceId: housingInvoiceId, reason: 'Case C-005 was a duplicate referral', lines: [3] });
    expect(credit).toMatchObject({
      kind: 'credit-note',
      status: 'issued',
      number: 'CN-000001',
      creditsInvoiceId: housingInvoiceId,
      netPence: -135_000,
      vatPence: -27_000,
      grossPence: -162_000,
    });
    expect(await ledgerTotal(credit.id)).toBe(-135_000);
    expect((await problemOf(service.app.get(CreditInvoiceUseCase).execute(finance, { invoiceId: housingInvoiceId, reason: 'again', lines: [3] }))).status).toBe(
      409,
    );
    const entries = await service.sql.query(
      `SELECT kind, amount_pence, corrects_entry_id IS NOT NULL AS corrects FROM billing.ledger_entry WHERE invoice_id = $1`,
      [credit.id],
    );
    expect(entries.rows).toEqual([{ kind: 'credit', amount_pence: -135_000, corrects: true }]);
  });

  it('SEND: each session held in the month is a line at the unit cost, VAT exempt', async () => {
    const sendId = await kit.publish(sendContract());
    const { caseId } = await kit.openCase(sendId, 'send-mediation', '2026-05-01T09:00:00Z');
    const first = await kit.sessionHeld(sendId, caseId, '2026-05-05T10:00:00Z');
    await kit.sessionHeld(sendId, caseId, '2026-05-05T10:00:00Z', first);
    await kit.sessionHeld(sendId, caseId, '2026-05-19T10:00:00Z');
    await kit.sessionHeld(sendId, caseId, '2026-05-31T22:30:00Z'); // 23:30 on 31 May in London (BST): May's
    await kit.sessionHeld(sendId, caseId, '2026-05-31T23:30:00Z'); // 00:30 on 1 June in London: June's
    const may = await draft(sendId, '2026-05-10');
    // By hand: 3 sessions in May × £480 = £1,440; exempt, so no VAT.
    expect(may).toMatchObject({
      periodFrom: '2026-05-01',
      periodTo: '2026-06-01',
      netPence: 144_000,
      vatPence: 0,
      grossPence: 144_000,
      vat: { treatment: 'exempt' },
    });
    expect(may.lines).toHaveLength(3);
  });

  it('two drafts of one period at once: one stands, the other is refused, and nothing is invoiced twice', async () => {
    const sendId = await kit.publish(sendContract());
    const { caseId } = await kit.openCase(sendId, 'send-mediation', '2026-06-01T09:00:00Z');
    await kit.sessionHeld(sendId, caseId, '2026-06-05T10:00:00Z');
    const results = await Promise.allSettled([draft(sendId, '2026-06-10'), draft(sendId, '2026-06-20')]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const lines = await service.sql.query(
      `SELECT COUNT(*)::int AS n FROM billing.invoice_line l JOIN billing.invoice i ON i.id = l.invoice_id WHERE i.contract_id = $1`,
      [sendId],
    );
    expect(lines.rows[0].n).toBe(1);
  });

  it('block contract: the quarter’s instalment of £299,244.33 a year', async () => {
    const blockId = await kit.publish(blockContract());
    const q1 = await draft(blockId, '2026-04-01');
    // By hand: £299,244.33 / 4 = £74,811.0825 -> £74,811.08 (the fourth quarter takes the penny); VAT 20% = £14,962.22.
    expect(q1).toMatchObject({ periodFrom: '2026-04-01', periodTo: '2026-07-01', netPence: 7_481_108, vatPence: 1_496_222, grossPence: 8_977_330 });
    expect(q1.lines).toEqual([expect.objectContaining({ caseReference: null, description: expect.stringContaining('instalment 1 of 4') })]);
  });

  it('pre-CMH fixed fee: £731,000 for the one-year pilot, a twelfth a month, the whole fee by the year’s end', async () => {
    const preCmhId = await kit.publish(preCmhContract());
    const april = await draft(preCmhId, '2026-04-15');
    // By hand: 73,100,000 / 12 = 6,091,666.67, so April is £60,916.66 (the running share rounds down); VAT 20% = £12,183.33.
    expect(april).toMatchObject({ periodFrom: '2026-04-01', periodTo: '2026-05-01', netPence: 6_091_666, vatPence: 1_218_333, grossPence: 7_309_999 });
    expect(april.lines).toEqual([expect.objectContaining({ description: 'pre-cmh: fixed fee, instalment 1 of 12, for 2026-04-01 to 2026-04-30' })]);
    let net = april.netPence;
    for (let month = 1; month < 12; month += 1) net += (await draft(preCmhId, addMonthsToDate('2026-04-15', month))).netPence;
    expect(net).toBe(73_100_000);
    // After the contract's last day there is nothing to invoice.
    expect(await problemOf(draft(preCmhId, '2027-04-15'))).toMatchObject({ status: 409 });
  });

  it('numbers run without gaps: a void draft takes none, and the next issue is INV-000002', async () => {
    const blockId = await kit.publish(blockContract());
    const voided = await service.app.get(VoidInvoiceUseCase).execute(finance, { invoiceId: (await draft(blockId, '2026-07-15')).id, reason: 'drafted early' });
    expect(voided).toMatchObject({ status: 'void', number: null });
    const again = await draft(blockId, '2026-07-15');
    expect(again.netPence).toBe(7_481_108);
    expect((await issue(again.id)).number).toBe('INV-000002');
  });

  it('a commissioner sees only issued invoices of the contracts linked to them', async () => {
    const commissioner: RpcMeta = { ...finance, actorId: 'user:commissioner', restrictToContracts: [housingId] };
    const seen = await read().list(commissioner, {});
    expect(seen.items.map((i) => i.number).sort()).toEqual(['CN-000001', 'INV-000001']);
    const drafts = await read().list(finance, { status: 'draft' });
    expect(drafts.items.length).toBeGreaterThan(0);
    expect((await problemOf(read().get(commissioner, drafts.items[0].id))).status).toBe(404);
    expect(Rpc.billing.listInvoices.subject).toBe('rpc.billing.list-invoices');
  });
});
