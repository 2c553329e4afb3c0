import { referralReference, toReferralView } from './referral.view';

describe('referral references', () => {
  it('carry the year the referral arrived and a six-digit number', () => {
    expect(referralReference(new Date('2026-11-22T10:00:00Z'), 42n)).toBe('REF-2026-000042');
  });

  it('take the year in London: a referral at 00:30 on New Year’s Day belongs to the new year', () => {
    expect(referralReference(new Date('2027-01-01T00:30:00Z'), 1n)).toBe('REF-2027-000001');
  });

  it('grow past six digits rather than wrap', () => {
    expect(referralReference(new Date('2026-05-01T12:00:00Z'), 1234567n)).toBe('REF-2026-1234567');
  });
});

describe('the referral view', () => {
  const row = {
    id: '019a0000-0000-7000-8000-000000000001',
    organisationId: '019a0000-0000-7000-8000-000000000002',
    contractId: '019a0000-0000-7000-8000-000000000003',
    contractVersion: 2,
    number: 1n,
    reference: 'REF-2026-000001',
    serviceLine: 'send-mediation',
    externalReference: null,
    referrer: { name: 'Pat', email: 'pat@council.example' },
    referrerType: 'parent-or-young-person',
    parties: [{ role: 'parent', name: 'Jo Parent' }],
    summary: 'Disagreement about the plan.',
    answers: { route: 'mediation', mediationIssues: 'Needs speech and language therapy' },
    status: 'received',
    caseId: null,
    joinedExistingCase: false,
    version: 1,
    receivedAt: new Date('2026-11-22T10:00:00Z'),
    clockStartsAt: new Date('2026-11-22T10:00:00Z'),
    enteredAt: new Date('2026-11-22T10:00:00Z'),
    enteredBy: 'user:0190a000-0000-7000-8000-000000000009',
    consent: [],
    rejectionCode: null,
    rejectionReason: null,
    possibleDuplicates: [],
    overCap: false,
    duplicateKey: null,
    sealedAnswers: null,
    answersKeyId: null,
    caseClosedAt: null,
    legalHold: false,
    legalHoldReason: null,
    heldByCase: false,
    caseHoldSequence: null,
    anonymisedAt: null,
    idempotencyKey: null,
    idempotencyRequestHash: null,
  };
  const form = {
    fields: [
      { key: 'route', label: 'Route', type: 'text' as const, required: true, sensitivity: 'none' as const },
      { key: 'mediationIssues', label: 'Issues', type: 'longtext' as const, required: true, sensitivity: 'special-category' as const },
    ],
  };

  it('leaves special-category answers out, naming them, so reading them stays a separate audited act', () => {
    expect(toReferralView(row, form)).toMatchObject({ contractVersion: 2, answers: { route: 'mediation' }, withheldAnswers: ['mediationIssues'] });
  });

  it('shows no answer at all when the form that says which are sensitive cannot be found', () => {
    expect(toReferralView(row, undefined)).toMatchObject({ answers: {}, withheldAnswers: ['route', 'mediationIssues'] });
  });

  it('lists sealed answers by key only', () => {
    const sealedRow = { ...row, answers: { route: 'mediation' }, answersKeyId: 'k1', sealedAnswers: 'v1.k1...' };
    expect(toReferralView(sealedRow, form, ['mediationIssues'])).toMatchObject({ answers: { route: 'mediation' }, withheldAnswers: ['mediationIssues'] });
  });

  it('tells a hold through the case from a hold on the referral itself', () => {
    expect(toReferralView({ ...row, heldByCase: true, caseHoldSequence: 7 }, form)).toMatchObject({ legalHold: false, heldByCase: true });
    expect(toReferralView({ ...row, legalHold: true, legalHoldReason: 'Disrepair claim' }, form)).toMatchObject({ legalHold: true, heldByCase: false });
  });

  it('shows a rejection with its reason, and the clock start', () => {
    const rejected = { ...row, status: 'rejected', rejectionCode: 'no-consent', rejectionReason: 'consent is required' };
    expect(toReferralView(rejected, form)).toMatchObject({
      status: 'rejected',
      rejection: { code: 'no-consent', reason: 'consent is required' },
      clockStartsAt: '2026-11-22T10:00:00.000Z',
    });
  });
});
