import { addDaysToDate, londonDate } from '@mediation/calendar';
import { PlatformUnderTest, pdfText, waitUntil, type MailMessage } from '@mediation/testing';
import { randomUUID } from 'node:crypto';

jest.setTimeout(240_000);

/** The mail catcher keeps attached files whole. */
type CaughtMail = MailMessage & { attachments: { filename: string | null; contentType: string; size: number; base64: string }[] };

interface Invoice {
  id: string;
  status: string;
  number: string | null;
  periodFrom: string;
  netPence: number;
  vatPence: number;
  grossPence: number;
  lines: { position: number; caseReference: string | null; amountPence: number }[];
}
interface Position {
  cases: { used: number; included: number } | null;
  overagePence: number;
}

/**
 * Seed 001 through HTTP: a housing contract priced at £90,000 a year for N = 3 cases and £1,350 for each
 * case above, VAT at 20%. Five referrals open five cases; the quarter's invoice is its instalment and
 * exactly two cases at £1,350, issued once, unchangeable, and its PDF's totals are the ledger's. Every
 * email about it (the invoice and credit note to the invoice recipient, the spend warnings to the contract
 * manager, the monthly pack to the report recipient) reaches the mail catcher through notify's delivery log.
 */
describe('billing through the API: a housing contract with N = 3 invoices its instalment and £1,350 per case above 3', () => {
  let platform: PlatformUnderTest;
  let contractId: string;
  let reference: string;
  let invoice: Invoice;
  const tag = randomUUID().slice(0, 8);
  const accounts = `ap-${tag}@council.example`;
  const manager = `manager-${tag}@council.example`;
  const officer = `officer-${tag}@council.example`;
  const mailTo = (address: string) => (platform.mail.messages() as CaughtMail[]).filter((m) => m.to.includes(address));
  const mailArrives = (address: string, subject: RegExp | string, what: string) =>
    waitUntil(async () => mailTo(address).find((m) => (typeof subject === 'string' ? m.subject === subject : subject.test(m.subject))), {
      what,
      timeoutMs: 60_000,
    });
  /** Sent by notify: its delivery row for that address, sent, and the Message-ID notify gives every delivery. */
  const sentByNotify = async (mail: CaughtMail, kind: string) => {
    // The server accepted it a moment before notify records it sent.
    const rows = await waitUntil(
      async () => {
        const found = await platform.sql<{ id: string; status: string }>(
          `SELECT id::text, status FROM notify.delivery WHERE kind = $1 AND to_address = $2 AND subject_line = $3`,
          [kind, mail.to[0], mail.subject],
        );
        return found.length === 1 && found[0].status === 'sent' ? found : undefined;
      },
      { what: `notify's ${kind} delivery recorded sent` },
    );
    expect(mail.messageId).toBe(`<${rows[0].id}@mediation.local>`);
  };

  beforeAll(async () => {
    platform = await PlatformUnderTest.start();
  });
  afterAll(async () => {
    await platform?.shutdown();
  });

  it('a contract manager agrees the prices on a new version; five cases are counted, two above N', async () => {
    reference = `BILL-${tag}`;
    const created = await platform.ok<{ id: string }>('POST', '/v1/contracts', { template: 'housing-asb', reference });
    contractId = created.id;
    const { definition } = await platform.ok<{ definition: Record<string, unknown> & { serviceLines: Record<string, unknown>[] } }>(
      'GET',
      `/v1/contracts/${contractId}`,
    );
    const agreed = {
      ...definition,
      period: { start: '2026-04-01', end: '2029-03-31' },
      // A cap of £3,000: the fourth case (£1,350) is 45% of it, the fifth (£2,700) 90%, so the manager is warned at 75% and 90%.
      cap: { netPence: 300_000 },
      billing: {
        vat: { treatment: 'standard' },
        invoiceFrequency: 'quarterly',
        supplierVatNumber: 'GB123456789',
        invoiceRecipient: { email: accounts },
        contractManager: { name: 'Morgan Manager', email: manager },
      },
      // The noise line is the one priced here; the template's other line keeps its prices unagreed (no instalment, cases at £0).
      serviceLines: definition.serviceLines.map((line) =>
        line.key === 'noise'
          ? {
              ...line,
              pricing: { ...(line.pricing as object), annualPricePence: 9_000_000, includedCasesPerYear: 3, perCaseAbovePence: 135_000 },
              reportRecipients: [
                ...((line.reportRecipients as object[]) ?? []),
                { role: 'authorised officer', email: officer, reports: ['monthly-performance'] },
              ],
            }
          : line,
      ),
    };
    expect((await platform.request('PUT', `/v1/contracts/${contractId}`, agreed)).status).toBe(200);
    expect((await platform.request('POST', `/v1/contracts/${contractId}/publish`)).status).toBe(200);

    const now = new Date().toISOString();
    for (let i = 1; i <= 5; i += 1) {
      const resident = `Resident ${i} ${randomUUID().slice(0, 4)}`;
      await platform.refer({
        contractId,
        serviceLine: 'noise',
        referrer: { name: 'Pat Officer', email: 'pat@council.example' },
        referrerType: 'council',
        parties: [{ role: 'complainant', name: resident }],
        summary: `Noise complaint number ${i}.`,
        consent: [{ givenBy: resident, relationship: 'tenant', givenAt: now, method: 'verbal', recordedBy: 'Pat Officer' }],
      });
    }
    const position = await waitUntil(
      async () => {
        const res = await platform.request<Position>('GET', `/v1/contracts/${contractId}/billing`);
        return res.status === 200 && res.body.cases?.used === 5 ? res.body : undefined;
      },
      { what: 'five cases counted by billing' },
    );
    expect(position).toMatchObject({ cases: { used: 5, included: 3 }, overagePence: 270_000 });
  });

  it('the quarter’s draft is the instalment and two cases at £1,350; issued once, then it cannot change', async () => {
    const draft = await platform.request<Invoice>('POST', `/v1/contracts/${contractId}/invoices`, {});
    expect(draft.status).toBe(201);
    invoice = draft.body;
    // By hand: £90,000 / 4 = £22,500; 2 × £1,350 = £2,700; net £25,200; VAT £5,040; gross £30,240.
    expect(invoice).toMatchObject({ status: 'draft', number: null, netPence: 2_520_000, vatPence: 504_000, grossPence: 3_024_000 });
    expect(invoice.lines.map((l) => l.amountPence)).toEqual([2_250_000, 135_000, 135_000]);
    expect((await platform.request('POST', `/v1/contracts/${contractId}/invoices`, {})).status).toBe(409);

    // The organisation's profile reaches billing by event; until then issuing is a 503 to retry.
    const issued = await waitUntil(
      async () => {
        const res = await platform.request<Invoice>('POST', `/v1/invoices/${invoice.id}/issue`);
        return res.status === 200 ? res.body : undefined;
      },
      { what: 'the invoice issued' },
    );
    expect(issued.number).toMatch(/^INV-\d{6}$/);
    expect((await platform.request('POST', `/v1/invoices/${invoice.id}/issue`)).status).toBe(409);
    expect((await platform.request('POST', `/v1/contracts/${contractId}/invoices`, { periodContaining: 'not-a-date' })).status).toBe(400);
    const rows = await platform.sql<{ sum: string }>(`SELECT SUM(amount_pence) AS sum FROM billing.ledger_entry WHERE invoice_id = $1`, [invoice.id]);
    expect(Number(rows[0].sum)).toBe(2_520_000);
    const due = await platform.ok<Invoice & { dueOn: string }>('GET', `/v1/invoices/${invoice.id}`);
    expect(due.dueOn).toBe(addDaysToDate(londonDate(new Date()), 30));
  });

  it('the PDF and CSV come by Accept, with the totals the ledger holds; a credit note corrects a line', async () => {
    const pdf = await fetch(`${platform.apiUrl}/v1/invoices/${invoice.id}`, {
      headers: { authorization: `Bearer ${platform.apiKey}`, accept: 'application/pdf' },
    });
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const text = pdfText(Buffer.from(await pdf.arrayBuffer())).replace(/\s+/g, ' ');
    expect(text).toContain('GB123456789');
    expect(text).toMatch(/NET £25,200\.00 VAT AT 20% £5,040\.00 TOTAL DUE £30,240\.00/);
    const csv = await fetch(`${platform.apiUrl}/v1/invoices/${invoice.id}`, { headers: { authorization: `Bearer ${platform.apiKey}`, accept: 'text/csv' } });
    expect((await csv.text()).trim().split('\r\n').at(-1)).toMatch(/,total,Total,,25200\.00,5040\.00,30240\.00$/);

    const credit = await platform.request<Invoice>('POST', `/v1/invoices/${invoice.id}/credit-notes`, { reason: 'Duplicate referral', lines: [3] });
    expect(credit.status).toBe(201);
    expect(credit.body).toMatchObject({ number: expect.stringMatching(/^CN-\d{6}$/), netPence: -135_000, vatPence: -27_000, grossPence: -162_000 });
    const listed = await platform.ok<{ items: Invoice[] }>('GET', `/v1/invoices?contractId=${contractId}`);
    expect(listed.items.map((i) => i.grossPence).sort((a, b) => a - b)).toEqual([-162_000, 3_024_000]);
    expect((await platform.ok<Position>('GET', `/v1/contracts/${contractId}/billing`)).overagePence).toBe(135_000);
  });

  it('the issued invoice reaches its recipient through notify, with its PDF; then the credit note', async () => {
    const { number } = await platform.ok<Invoice>('GET', `/v1/invoices/${invoice.id}`);
    const mail = await mailArrives(accounts, new RegExp(`^Invoice ${number} from `), 'the invoice emailed');
    expect(mail.text).toContain('total £30,240.00');
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0]).toMatchObject({ filename: `${number!.toLowerCase()}.pdf`, contentType: 'application/pdf' });
    const pdf = pdfText(Buffer.from(mail.attachments[0].base64, 'base64')).replace(/\s+/g, ' ');
    expect(pdf).toContain(number!);
    expect(pdf).toMatch(/TOTAL DUE £30,240\.00/);
    await sentByNotify(mail, 'invoice');

    const credit = await mailArrives(accounts, /^Credit note CN-\d{6} from /, 'the credit note emailed');
    expect(credit.attachments[0]).toMatchObject({ contentType: 'application/pdf', filename: expect.stringMatching(/^cn-\d{6}\.pdf$/) });
    expect(credit.text).toContain('total -£1,620.00');
    await sentByNotify(credit, 'invoice');
    // Once each, whatever the redeliveries.
    expect(mailTo(accounts)).toHaveLength(2);
  });

  it('the contract manager is warned through notify at 75% and 90% of the cap, once each', async () => {
    for (const threshold of [75, 90]) {
      const mail = await mailArrives(manager, `${reference}: spend has reached ${threshold}% of its limit`, `the ${threshold}% warning`);
      expect(mail.text).toContain('Dear Morgan Manager,');
      expect(mail.text).toContain('of £3,000.00');
      await sentByNotify(mail, 'spend-alert');
    }
    expect(mailTo(manager).filter((m) => / 75% /.test(m.subject))).toHaveLength(1);
  });

  it('a monthly pack issued reaches the contract’s report recipient through notify, with its PDF and CSV', async () => {
    const month = londonDate(new Date()).slice(0, 7);
    const issued = await platform.request<{ id: string; issue: number; figuresSha256: string }>('POST', `/v1/contracts/${contractId}/reports`, {
      period: month,
    });
    expect(issued.status).toBe(201);
    const mail = await mailArrives(officer, new RegExp(`^${reference}: performance pack for `), 'the pack emailed');
    expect(mail.attachments.map((a) => [a.filename, a.contentType.split(';')[0]])).toEqual([
      [`kpi-pack-${month}.pdf`, 'application/pdf'],
      [`kpi-pack-${month}.csv`, 'text/csv'],
    ]);
    expect(Buffer.from(mail.attachments[0].base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    expect(Buffer.from(mail.attachments[1].base64, 'base64').toString('utf8')).toContain(`,${month},`);
    await sentByNotify(mail, 'contract-pack');
    // Billing has no mail server of its own any more: no email left the platform except through notify.
    const sent = await platform.sql<{ n: number }>(`SELECT COUNT(*)::int AS n FROM notify.delivery WHERE status = 'sent' AND to_address = ANY($1)`, [
      [accounts, manager, officer],
    ]);
    expect(sent[0].n).toBe([accounts, manager, officer].flatMap((a) => mailTo(a)).length);
  });

  it('reporting shows the spend beside the KPIs: the contract to date equals the ledger, against the £3,000 cap', async () => {
    const [ledger] = await platform.sql<{ total: number }>(
      `SELECT COALESCE(SUM(amount_pence), 0)::int AS total FROM billing.ledger_entry WHERE contract_id = $1`,
      [contractId],
    );
    interface Spend {
      spentPence: number;
      limit: { kind: string; pence: number; from: string | null; spentPence: number; usedPercent: number } | null;
    }
    const spend = await waitUntil(
      async () => {
        const res = await platform.request<{ spend?: Spend }>('GET', `/v1/contracts/${contractId}/kpis?period=contract`);
        return res.status === 200 && res.body.spend?.spentPence === ledger.total ? res.body.spend : undefined;
      },
      { what: 'reporting to add up the ledger’s entries' },
    );
    expect(spend.limit).toEqual({
      kind: 'contract-cap',
      pence: 300_000,
      from: '2026-04-01',
      to: londonDate(new Date()),
      spentPence: ledger.total,
      usedPercent: Math.round((ledger.total * 1000) / 300_000) / 10,
    });
  });
});
