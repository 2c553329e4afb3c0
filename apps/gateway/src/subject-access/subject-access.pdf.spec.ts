import { pdfText } from '@mediation/testing';
import type { SubjectAccessExport } from '@mediation/protocol';
import { flatten, namesOf, renderSubjectAccessPdf } from './subject-access.pdf';

const organisation = { name: 'Calm Waters Mediation', address: ['12 Harbour Row', 'London SE1 9PG'] };

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
    notify: {
      deliveries: [
        {
          deliveryId: '019a0000-0000-7000-8000-0000000000a1',
          kind: 'party-reminder',
          channel: 'email',
          status: 'sent',
          to: 'eve@home.example',
          subjectLine: 'A reminder about a date on your case REF-2027-000042',
          createdAt: '2027-02-01T09:00:00.000Z',
          sentAt: '2027-02-01T09:00:05.000Z',
          failedAt: null,
          referralId: null,
          caseId: '019a0000-0000-7000-8000-0000000000c1',
        },
      ],
    },
  },
};

describe('a subject-access export as a PDF', () => {
  it('is a PDF that names the person, gives the date and the reason, and has a heading per service and a row per field', async () => {
    const pdf = await renderSubjectAccessPdf(exported, { reason: 'Subject-access request SAR-17 received by post', requestedBy: 'user:dpo' }, organisation);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-6).toString('latin1')).toContain('%%EOF');
    const text = pdfText(pdf);
    for (const expected of [
      'Subject-access export',
      'Eve Tenant',
      'eve@home.example',
      '1 March 2027',
      'Subject-access request SAR-17 received by post',
      'Intake',
      'Casework',
      'REF-2027-000042',
      'answers > vulnerabilities',
      'Eve has epilepsy',
      'No cases held.',
      'Notify',
      'deliveries 1 of 1',
      'A reminder about a date on your case REF-2027-000042',
      'party-reminder',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('prints a part that was not searched as its statement, not as a record', async () => {
    const byName: SubjectAccessExport = {
      name: 'Eve Tenant',
      postcode: 'SE1 7PB',
      generatedAt: exported.generatedAt,
      services: { notify: { notSearched: 'Not searched: notify keeps only the email address each message was sent to.' } },
    };
    const text = pdfText(await renderSubjectAccessPdf(byName, { reason: 'Subject-access request SAR-18', requestedBy: 'user:dpo' }, organisation));
    expect(text).toContain('Notify');
    expect(text).toContain('Not searched: notify keeps only the email address each message was sent to.');
    expect(text).not.toContain('notSearched');
  });

  it('flattens nested data into labelled rows, and finds the person’s names by email, case ignored', () => {
    expect(flatten({ parties: [{ name: 'Eve' }], answers: {}, closedAt: null })).toEqual([
      ['parties 1 > name', 'Eve'],
      ['answers', 'none'],
      ['closedAt', '-'],
    ]);
    expect(flatten({ consent: [], outcome: null })).toEqual([
      ['consent', 'none'],
      ['outcome', '-'],
    ]);
    expect(namesOf(exported)).toEqual(['Eve Tenant']);
  });
});

describe('the subject-access PDF’s text', () => {
  it('keeps a euro sign, curly quotes and letters beyond Latin-1 such as Ł, as the person’s data holds them', async () => {
    const held: SubjectAccessExport = {
      ...exported,
      services: {
        intake: {
          referrals: [
            {
              reference: 'REF-2027-000043',
              parties: [{ name: 'Łukasz “Eve” Dvořák', email: 'eve@home.example' }],
              answers: { arrears: '€1,200; says it’s ‘unfair’' },
            },
          ],
        },
      },
    };
    const text = pdfText(await renderSubjectAccessPdf(held, { reason: 'Subject-access request SAR-19', requestedBy: 'user:dpo' }, organisation));
    expect(text).toContain('Łukasz “Eve” Dvořák');
    expect(text).toContain('€1,200; says it’s ‘unfair’');
    expect(text).not.toContain('?');
  });

  it('is signed with the organisation’s name and address', async () => {
    const text = pdfText(await renderSubjectAccessPdf(exported, { reason: 'Subject-access request SAR-17', requestedBy: 'user:dpo' }, organisation));
    expect(text).toContain('Calm Waters Mediation');
    expect(text).toContain('London SE1 9PG');
  });
});
