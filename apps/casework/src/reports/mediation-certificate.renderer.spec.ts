import { pdfText } from '@mediation/testing';
import { appealStatement, certificateStatement, renderMediationCertificate, signature, type MediationCertificateData } from './mediation-certificate.renderer';

const certificate = (overrides: Partial<MediationCertificateData> = {}): MediationCertificateData => ({
  certificateId: 'CERT-2027-0007',
  reference: 'REF-2027-000101',
  kind: 'after-mediation',
  issuedAt: new Date('2027-01-06T10:00:00Z'),
  issuedTo: 'Morgan Parent',
  localAuthority: 'Warwickshire County Council',
  decisionLetterDate: '2026-12-01',
  eventDate: new Date('2027-01-04T14:00:00Z'),
  laInformedDate: '2026-12-03',
  appealDeadline: new Date('2027-02-06T17:00:00Z'),
  adviser: { name: 'Robin Adviser', organisation: 'Calm Waters Mediation' },
  ...overrides,
});

describe('SEND mediation certificate', () => {
  it('each kind states what the Act asks it to confirm, with the date it certifies', () => {
    expect(certificateStatement(certificate())).toMatch(/^Mediation took place on Monday 4 January 2027 .* section 55\(5\)/);
    expect(certificateStatement(certificate({ kind: 'declined' }))).toMatch(
      /told the mediation adviser on Monday 4 January 2027 that they do not wish to pursue mediation.*section 55\(3\)/,
    );
    expect(certificateStatement(certificate({ kind: 'deemed' }))).toMatch(
      /could not take place within 30 days of Warwickshire County Council being told on Thursday 3 December 2026 that Morgan Parent wished to pursue it/,
    );
  });

  it('never points at "the date recorded on the case": without a recorded date it states none', () => {
    for (const kind of ['after-mediation', 'declined', 'deemed'] as const) {
      expect(certificateStatement(certificate({ kind, eventDate: null, laInformedDate: null }))).not.toMatch(/recorded on the case| on (the|a) /);
    }
  });

  it('is signed by the adviser for the organisation, or by the organisation’s mediation adviser, never "mediation adviser" twice', () => {
    expect(signature({ name: 'Robin Adviser', organisation: 'Calm Waters Mediation' })).toBe('Robin Adviser, mediation adviser, Calm Waters Mediation');
    expect(signature({ name: null, organisation: 'Calm Waters Mediation' })).toBe('Mediation adviser, Calm Waters Mediation');
  });

  it('states the appeal rule, its dates and the Christmas and August extensions', () => {
    const text = appealStatement(certificate());
    expect(text).toContain('two months from the local authority’s decision letter of Tuesday 1 December 2026');
    expect(text).toContain('one month from the date of this certificate (Wednesday 6 January 2027)');
    expect(text).toContain('the last day to appeal is Saturday 6 February 2027, 17:00');
    expect(text).toMatch(/25 December and 1 January .* August/);
  });

  it('renders a one-page PDF carrying the statement and the appeal deadline', async () => {
    const pdf = await renderMediationCertificate(certificate(), { compress: false });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    expect(text).toContain('Mediation certificate');
    expect(text).toContain('CERT-2027-0007');
    expect(text).toContain('Page 1 of 1');
    expect(text.replace(/\s+/g, ' ')).toContain('the last day to appeal is Saturday 6 February 2027, 17:00');
  });
});
