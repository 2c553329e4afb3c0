import { pdfText } from '@mediation/testing';
import type { SubjectAccessExport } from '@mediation/protocol';
import { flatten, namesOf, pdfSafe, renderSubjectAccessPdf } from './subject-access.pdf';

const exported: SubjectAccessExport = {
  email: 'eve@home.example',
  generatedAt: '2027-03-01T09:00:00.000Z',
  services: {
    intake: {
      referrals: [
        {
          reference: 'REF-2027-000042',
          referrer: { name: 'Officer Pat', email: 'pat@council.example' },
          parties: [{ role: 'complainant', name: 'Eve Tenant', email: 'Eve@Home.example' }],
          answers: { vulnerabilities: 'Eve has epilepsy' },
        },
      ],
    },
    casework: { cases: [] },
  },
};

describe('a subject-access export as a PDF', () => {
  it('is a PDF that names the person, gives the date and the reason, and has a heading per service and a row per field', async () => {
    const pdf = await renderSubjectAccessPdf(exported, { reason: 'Subject-access request SAR-17 received by post', requestedBy: 'user:dpo' });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-6).toString('latin1')).toContain('%%EOF');
    const text = pdfText(pdf);
    for (const expected of ['Subject-access export', 'Eve Tenant', 'eve@home.example', '1 March 2027', 'Subject-access request SAR-17 received by post', 'Intake', 'Casework', 'REF-2027-000042', 'answers > vulnerabilities', 'Eve has epilepsy', 'No cases held.']) {
      expect(text).toContain(expected);
    }
  });

  it('flattens nested data into labelled rows, and finds the person’s names by email, case ignored', () => {
    expect(flatten({ parties: [{ name: 'Eve' }], answers: {}, closedAt: null })).toEqual([['parties 1 > name', 'Eve'], ['answers', 'none'], ['closedAt', '-']]);
    expect(flatten({ consent: [], outcome: null })).toEqual([['consent', 'none'], ['outcome', '-']]);
    expect(namesOf(exported)).toEqual(['Eve Tenant']);
  });
});

describe('pdfSafe', () => {
  it('keeps Latin-1, drops accents it cannot draw and marks the rest', () => {
    expect(pdfSafe('Zoë Łukasz Dvořák 李')).toBe('Zoë ?ukasz Dvorák ?');
  });
});
