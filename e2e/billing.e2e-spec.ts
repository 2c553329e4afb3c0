import { addDaysToDate, londonDate } from '@mediation/calendar';
import { PlatformUnderTest, pdfText, waitUntil } from '@mediation/testing';
import { randomUUID } from 'node:crypto';

jest.setTimeout(240_000);

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
 * exactly two cases at £1,350, issued once, unchangeable, and its PDF's totals are the ledger's.
 */
describe('billing through the API: a housing contract with N = 3 invoices its instalment and £1,350 per case above 3', () => {
  let platform: PlatformUnderTest;
  let contractId: string;
  let invoice: Invoice;

  beforeAll(async () => {
    platform = await PlatformUnderTest.start();
  });
  afterAll(async () => {
    await platform?.shutdown();
  });

  it('a contract manager agrees the prices on a new version; five cases are counted, two above N', async () => {
    const created = await platform.ok<{ id: string }>('POST', '/v1/contracts', { template: 'housing-asb', reference: `BILL-${randomUUID().slice(0, 8)}` });
    contractId = created.id;
    const { definition } = await platform.ok<{ definition: Record<string, unknown> & { serviceLines: Record<string, unknown>[] } }>(
      'GET',
      `/v1/contracts/${contractId}`,
    );
    const agreed = {
      ...definition,
      period: { start: '2026-04-01', end: '2029-03-31' },
      billing: {
        vat: { treatment: 'standard' },
        invoiceFrequency: 'quarterly',
        supplierVatNumber: 'GB123456789',
        invoiceRecipient: { email: 'ap@council.example' },
      },
      // The noise line is the one priced here; the template's other line keeps its prices unagreed (no instalment, cases at £0).
      serviceLines: definition.serviceLines.map((line) =>
        line.key === 'noise'
          ? { ...line, pricing: { ...(line.pricing as object), annualPricePence: 9_000_000, includedCasesPerYear: 3, perCaseAbovePence: 135_000 } }
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
});
