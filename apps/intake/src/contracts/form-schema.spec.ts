import { ReferralFormSchema, type ReferralForm } from '@mediation/protocol';
import { toFieldErrors } from '@mediation/platform';
import { compileReferralForm, hasRequiredFields } from './form-schema';

const form = (fields: unknown[]): ReferralForm => ReferralFormSchema.parse({ fields });
/** 23:30 on Monday 1 June 2026 in London (BST), already 2 June nowhere yet: 22:30 UTC. */
const NOW = new Date('2026-06-01T22:30:00Z');

/** The field errors a referral would get, named as the API names them. */
function errorsOf(f: ReferralForm, answers: unknown) {
  const result = compileReferralForm(f, NOW).safeParse(answers);
  return result.success ? [] : toFieldErrors(result.error, 'answers');
}

describe('compiling a referral form into a schema', () => {
  const possession = form([
    { key: 'claimNumber', label: 'Claim number', type: 'text', required: true, maxLength: 10 },
    { key: 'hearingDate', label: 'Hearing date', type: 'date', required: true },
    {
      key: 'claimant',
      label: 'Claimant',
      type: 'select',
      required: true,
      options: [
        { value: 'social-landlord', label: 'Social' },
        { value: 'private-landlord', label: 'Private' },
      ],
    },
    { key: 'notes', label: 'Notes', type: 'longtext' },
  ]);

  it('accepts a referral answering every required question', () => {
    expect(errorsOf(possession, { claimNumber: 'K00AB123', hearingDate: '2026-12-01', claimant: 'private-landlord' })).toEqual([]);
  });

  it('names each missing required answer as answers.<field>', () => {
    expect(errorsOf(possession, { claimant: 'social-landlord' })).toEqual([
      { field: 'answers.claimNumber', message: 'is required', code: 'invalid_type' },
      { field: 'answers.hearingDate', message: 'is required', code: 'invalid_type' },
    ]);
  });

  it('treats a blank required text as missing', () => {
    expect(errorsOf(possession, { claimNumber: '   ', hearingDate: '2026-12-01', claimant: 'social-landlord' })).toEqual([
      expect.objectContaining({ field: 'answers.claimNumber', message: 'is required' }),
    ]);
  });

  it('refuses an answer longer than the field’s maximum length', () => {
    expect(errorsOf(possession, { claimNumber: 'K'.repeat(11), hearingDate: '2026-12-01', claimant: 'social-landlord' })).toEqual([
      expect.objectContaining({ field: 'answers.claimNumber', code: 'too_big' }),
    ]);
  });

  it('refuses a select answer that is not one of its options, listing them', () => {
    const [error] = errorsOf(possession, { claimNumber: 'K1', hearingDate: '2026-12-01', claimant: 'mortgage-lender' });
    expect(error.field).toBe('answers.claimant');
    expect(error.message).toContain('social-landlord, private-landlord');
  });

  it('refuses an answer to a question the form does not ask', () => {
    expect(errorsOf(possession, { claimNumber: 'K1', hearingDate: '2026-12-01', claimant: 'social-landlord', colour: 'blue' })).toEqual([
      { field: 'answers.colour', message: 'is not a known field', code: 'unrecognized_keys' },
    ]);
  });

  it('lets optional questions be left out', () => {
    expect(hasRequiredFields(form([{ key: 'notes', label: 'Notes', type: 'longtext' }]))).toBe(false);
    expect(errorsOf(form([{ key: 'notes', label: 'Notes', type: 'longtext' }]), {})).toEqual([]);
    expect(hasRequiredFields(possession)).toBe(true);
  });

  describe.each([
    ['text', {}, 'a sentence', 42],
    ['longtext', {}, 'a long\nanswer', false],
    ['date', {}, '2026-11-22', '22/11/2026'],
    ['datetime', {}, '2026-11-22T09:30:00+00:00', '2026-11-22 09:30'],
    ['email', {}, 'officer@council.example', 'officer-at-council'],
    ['phone', {}, '+44 20 7946 0000', 'call me'],
    ['number', { min: 0, max: 10 }, 3, 11],
    ['number', {}, 3.5, '3'],
    ['boolean', {}, true, 'yes'],
    ['select', { options: [{ value: 'a', label: 'A' }] }, 'a', 'b'],
    ['postcode', {}, 'SW1H 9AJ', 'SW1H'],
    ['postcode', {}, 'le192bx', '12345'],
  ])('a %s field %j', (type, extra, good, bad) => {
    const f = form([{ key: 'answer', label: 'Answer', type, required: true, ...extra }]);
    it(`accepts ${JSON.stringify(good)}`, () => expect(errorsOf(f, { answer: good })).toEqual([]));
    it(`refuses ${JSON.stringify(bad)} naming answers.answer`, () => expect(errorsOf(f, { answer: bad }).map((e) => e.field)).toEqual(['answers.answer']));
  });

  describe('a date that must already have happened (notInFuture)', () => {
    const told = form([{ key: 'laInformedDate', label: 'LA told', type: 'date', required: true, notInFuture: true }]);
    const at = form([{ key: 'setAt', label: 'Set at', type: 'datetime', notInFuture: true }]);

    it('accepts today in London, even when UTC is still on the day before or London already on the next', () => {
      expect(errorsOf(told, { laInformedDate: '2026-06-01' })).toEqual([]);
    });

    it('refuses tomorrow, naming answers.laInformedDate', () => {
      expect(errorsOf(told, { laInformedDate: '2026-06-02' })).toEqual([
        { field: 'answers.laInformedDate', message: 'must not be in the future', code: 'custom' },
      ]);
    });

    it('refuses a datetime a minute from now, and accepts one a minute ago', () => {
      expect(errorsOf(at, { setAt: '2026-06-01T22:31:00Z' }).map((e) => e.message)).toEqual(['must not be in the future']);
      expect(errorsOf(at, { setAt: '2026-06-01T23:29:00+01:00' })).toEqual([]);
    });

    it('judges by the day of each referral, though the form is compiled once and reused', () => {
      const nextDay = new Date('2026-06-02T09:00:00Z');
      expect(compileReferralForm(told, nextDay)).toBe(compileReferralForm(form([...told.fields]), nextDay));
      expect(compileReferralForm(told, nextDay).safeParse({ laInformedDate: '2026-06-02' }).success).toBe(true);
      expect(compileReferralForm(told, NOW).safeParse({ laInformedDate: '2026-06-02' }).success).toBe(false);
    });

    it('only a date or datetime field may say so', () => {
      expect(
        ReferralFormSchema.safeParse({ fields: [{ key: 'n', label: 'N', type: 'number', notInFuture: true }] }).error?.issues.map((i) => i.path.join('.')),
      ).toEqual(['fields.0.notInFuture']);
    });
  });
});
