import { londonDateTime } from '@mediation/documents';
import { pdfText } from '@mediation/testing';
import { deadlineResult, renderCaseReport } from './case-report.renderer';
import { sampleCaseReport } from './case-report.sample';
import { recommendationsFor } from './recommendations';

const pageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;

describe('renderCaseReport', () => {
  it('produces a PDF that carries the reference, outcome, recommendation and confidential footer', async () => {
    const pdf = await renderCaseReport(sampleCaseReport(), { compress: false });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1').trimEnd().endsWith('%%EOF')).toBe(true);
    const text = pdfText(pdf);
    expect(text).toContain('REF-2027-000042');
    expect(text).toContain('Not settled');
    expect(text).toContain('The claim proceeds to the possession hearing');
    expect(text).toMatch(/Confidential/);
    expect(text).toContain('Northbank Housing Association');
    expect(text).toContain('Breached (not met by the due time)');
    expect(text).toContain(`Page 1 of ${pageCount(pdf)}`);
  });

  it('dates read as London time with the weekday: a June date is BST', async () => {
    expect(londonDateTime(new Date('2027-06-01T08:00:00Z'))).toBe('Tuesday 1 June 2027, 09:00');
    expect(londonDateTime(new Date('2027-01-05T08:00:00Z'))).toBe('Tuesday 5 January 2027, 08:00');
    const text = pdfText(await renderCaseReport(sampleCaseReport(), { compress: false }));
    expect(text).toContain('Tuesday 1 June 2027, 09:00');
  });

  it('numbers every page when a long timeline runs over', async () => {
    const timeline = Array.from({ length: 120 }, (_, i) => ({
      at: new Date(Date.UTC(2027, 4, 4, 9, i)),
      kind: 'communication' as const,
      text: `Call ${i + 1} with the defendant about the repayment plan`,
    }));
    const pdf = await renderCaseReport(sampleCaseReport({ timeline }), { compress: false });
    const pages = pageCount(pdf);
    expect(pages).toBeGreaterThanOrEqual(3);
    const text = pdfText(pdf);
    for (let page = 1; page <= pages; page++) expect(text).toContain(`Page ${page} of ${pages}`);
    expect(text).toContain('Call 120 with the defendant');
  });

  it('compressed output is a smaller, still valid PDF', async () => {
    const [plain, compressed] = await Promise.all([renderCaseReport(sampleCaseReport(), { compress: false }), renderCaseReport(sampleCaseReport())]);
    expect(compressed.subarray(0, 5).toString()).toBe('%PDF-');
    expect(compressed.length).toBeLessThan(plain.length);
  });

  it('lists the case’s evidence: exhibit reference, kind, description, producer and SHA-256, a redacted copy naming its original', async () => {
    const data = sampleCaseReport();
    const text = pdfText(await renderCaseReport(data, { compress: false }));
    const section = text.slice(text.indexOf('Evidence'), text.indexOf('Timeline'));
    const flat = section.replace(/\s+/g, '');
    for (const exhibit of data.evidence) {
      expect(section).toContain(exhibit.exhibitRef);
      expect(flat).toContain(exhibit.sha256);
      expect(flat).toContain(exhibit.producedBy.replace(/\s+/g, ''));
    }
    expect(section).toContain('Letter');
    expect(flat).toContain('Letterfromthetenantproposingarepaymentplan');
    expect(flat).toContain('(redacted)(redactedcopyofJE/1)');
    expect(flat).toContain('(version2)');
  });

  it('says so when nothing was recorded, rather than leaving holes', async () => {
    const text = pdfText(
      await renderCaseReport(sampleCaseReport({ summary: null, parties: [], deadlines: [], timeline: [], recommendations: [], referrer: null, evidence: [] }), {
        compress: false,
      }),
    );
    expect(text).toContain('No summary was recorded at closure.');
    expect(text).toContain('No contract deadlines applied to this case.');
    expect(text).toContain('No evidence was recorded on the case.');
    expect(text).toContain('No further referral or escalation is recommended.');
  });

  it('names print as they are written, beyond Latin-1 too, not garbled', async () => {
    const text = pdfText(await renderCaseReport(sampleCaseReport({ parties: [{ role: 'defendant', name: 'Łukasz Żółć → Zoë Ω' }] })));
    expect(text).toContain('Łukasz Żółć → Zoë Ω');
  });
});

describe('deadlineResult', () => {
  const clock = { label: 'Initial visit', kind: 'provider' as const, dueAt: new Date('2026-12-15T23:59:59.999Z'), metAt: null, late: false };

  it('a clock the closure stopped reads as neither met nor missed, not as something that was not needed', () => {
    expect(deadlineResult({ ...clock, status: 'cancelled' })).toBe('Stopped before it fell due (neither met nor missed)');
  });

  it('a clock met after its due time says it was breached', () => {
    expect(deadlineResult({ ...clock, status: 'met', metAt: new Date('2026-12-16T10:00:00Z'), late: true })).toBe('Met late on 16 Dec 2026, 10:00 (breached)');
  });

  it('the family’s appeal date gone by reads as passed, never as open nor as the provider’s breach', () => {
    expect(deadlineResult({ ...clock, kind: 'informational', status: 'passed' })).toBe('Passed (someone else’s deadline; not a breach)');
  });
});

describe('recommendationsFor', () => {
  const base = { template: 'possession', dates: { hearingDate: '2027-06-08' }, deadlines: [], entered: [] };

  it('a possession claim not settled proceeds to its hearing, on its date', () => {
    expect(recommendationsFor({ ...base, outcome: { key: 'not-settled', expected: false } })).toEqual([
      'The claim proceeds to the possession hearing on Tuesday 8 June 2027: no agreement was reached in mediation.',
    ]);
  });

  it('what the case manager entered comes first; a settled claim adds nothing', () => {
    expect(recommendationsFor({ ...base, outcome: { key: 'settled', expected: true }, entered: ['  Refer the tenant to debt advice.  '] })).toEqual([
      'Refer the tenant to debt advice.',
    ]);
  });

  it('a SEND case without agreement points the family to the tribunal', () => {
    expect(recommendationsFor({ ...base, template: 'send', outcome: { key: 'certificate-only', expected: false } })[0]).toMatch(/First-tier Tribunal \(SEND\)/);
  });

  it('an unexpected outcome with no template rule still recommends something, and missed deadlines are escalated', () => {
    const deadlines = [{ label: 'Initial contact', kind: 'provider' as const, dueAt: null, status: 'breached' as const, metAt: null, late: false }];
    expect(recommendationsFor({ ...base, template: null, outcome: { key: 'other', expected: false }, deadlines })).toEqual([
      expect.stringMatching(/without one of the contract’s expected outcomes/),
      'Deadline missed on this case (Initial contact): to be reviewed with the buyer at the next contract meeting.',
    ]);
  });
});
