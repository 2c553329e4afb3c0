import { invoiceEmail, packEmail, spendAlertEmail } from './contract-email.templates';

const invoice = {
  invoiceId: '0190a0a0-0000-7000-8000-000000000001',
  contractId: '0190a0a0-0000-7000-8000-000000000002',
  kind: 'invoice' as const,
  number: 'INV-000001',
  periodFrom: '2026-04-01',
  periodTo: '2026-07-01',
  netPence: 2_520_000,
  vatPence: 504_000,
  grossPence: 3_024_000,
  dueOn: '2026-07-31',
  buyerName: 'Test Council',
  recipient: { name: null, email: 'ap@council.example' },
  issuedAt: '2026-07-01T09:00:00Z',
};

describe('the emails notify sends for billing and reporting', () => {
  it('an invoice: number and seller in the subject, totals and due date in the body; a credit note has no due date', () => {
    const email = invoiceEmail(invoice, 'Calm Waters\r\nMediation');
    expect(email.subjectLine).toBe('Invoice INV-000001 from Calm Waters Mediation');
    expect(email.body).toContain('Net £25,200.00, VAT £5,040.00, total £30,240.00.');
    expect(email.body).toContain('Payment is due by');
    const credit = invoiceEmail({ ...invoice, kind: 'credit-note', number: 'CN-000001', netPence: -135_000, vatPence: -27_000, grossPence: -162_000 }, 'X');
    expect(credit.subjectLine).toBe('Credit note CN-000001 from X');
    expect(credit.body).toContain('total -£1,620.00');
    expect(credit.body).not.toContain('Payment is due');
  });

  it('a spend warning names the threshold, the spend and the limit, and greets the manager by name when known', () => {
    const alert = {
      contractId: invoice.contractId,
      thresholdPercent: 75 as const,
      limitKind: 'contract-cap' as const,
      limitPence: 200_000_000,
      spentPence: 150_000_000,
      contractYearStart: '2021-01-01',
      crossedAt: '2021-03-01T10:00:00Z',
      reference: 'POS-000',
      title: 'Possession mediation',
      recipient: { name: 'Morgan Manager', email: 'm@justice.example' },
    };
    const email = spendAlertEmail(alert);
    expect(email.subjectLine).toBe('POS-000: spend has reached 75% of its limit');
    expect(email.body).toMatch(/^Dear Morgan Manager,/);
    expect(email.body).toContain('£1,500,000.00 of £2,000,000.00');
    expect(spendAlertEmail({ ...alert, recipient: { name: null, email: 'm@justice.example' } }).body).toMatch(/^Spend under/);
  });

  it('a pack names the month; a later issue says it replaces the earlier one', () => {
    const pack = {
      packId: invoice.invoiceId,
      contractId: invoice.contractId,
      reference: 'HSG-001',
      title: 'Housing ASB mediation',
      period: '2026-11',
      issue: 1,
      recipients: [{ role: null, email: 'officer@council.example' }],
      issuedAt: '2026-12-01T06:00:00Z',
    };
    expect(packEmail(pack).subjectLine).toBe('HSG-001: performance pack for November 2026');
    const again = packEmail({ ...pack, issue: 2 });
    expect(again.subjectLine).toBe('HSG-001: performance pack for November 2026 (issue 2)');
    expect(again.body).toContain('replaces the earlier issue');
  });
});
