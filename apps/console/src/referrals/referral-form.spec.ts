import { fieldId, toReferralBody, type ServiceLineDef } from './referral-form';

const line: ServiceLineDef = {
  key: 'noise',
  name: 'Noise',
  form: {
    fields: [
      { key: 'address', label: 'Address', type: 'text', required: true },
      { key: 'nights', label: 'Nights a week', type: 'number' },
      { key: 'police', label: 'Police involved', type: 'boolean' },
    ],
  },
};
const now = new Date('2026-12-07T10:00:00Z');

describe('new referral: the posted form becomes the API body', () => {
  it('builds referrer, parties, typed answers and one consent entry per person who consented', () => {
    const body = toReferralBody(
      'c0ffee00-0000-4000-8000-000000000000',
      line,
      {
        'referrer.name': 'Pat Officer',
        'referrer.email': 'pat@council.example',
        referrerType: 'council',
        summary: ' Loud music ',
        'answers.address': '10 High Street',
        'answers.nights': '4',
        'answers.police': 'no',
        'parties.0.role': 'complainant',
        'parties.0.name': 'Sam Resident',
        'parties.0.consent': 'yes',
        'parties.0.consentMethod': 'written',
        'parties.1.role': 'respondent',
        'parties.1.name': 'Alex Neighbour',
        'parties.1.consent': 'no',
      },
      'Demo Administrator',
      now,
    );
    expect(body).toEqual({
      contractId: 'c0ffee00-0000-4000-8000-000000000000',
      serviceLine: 'noise',
      referrer: { name: 'Pat Officer', email: 'pat@council.example' },
      referrerType: 'council',
      parties: [
        { role: 'complainant', name: 'Sam Resident' },
        { role: 'respondent', name: 'Alex Neighbour' },
      ],
      summary: 'Loud music',
      answers: { address: '10 High Street', nights: 4, police: false },
      consent: [{ givenBy: 'Sam Resident', relationship: 'complainant', givenAt: now.toISOString(), method: 'written', recordedBy: 'Demo Administrator' }],
    });
  });

  it('leaves empty answers out, so the API names each missing field itself; an empty second party is dropped', () => {
    const body = toReferralBody('c0ffee00-0000-4000-8000-000000000000', line, { 'answers.address': '  ' }, 'x', now);
    expect(body).not.toHaveProperty('answers');
    expect(body.parties).toHaveLength(1);
    expect(body.referrer).toEqual({ name: undefined, email: undefined });
  });

  it('links each API field error to its control', () => {
    expect(fieldId('parties.0.name')).toBe('parties-0-name');
    expect(fieldId('answers.hearingDate')).toBe('answers-hearingDate');
    expect(fieldId('referrer.email')).toBe('referrer-email');
    expect(fieldId('consent')).toBe('parties-0-consent');
  });
});
