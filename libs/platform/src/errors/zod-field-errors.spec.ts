import { PROBLEM_TYPES } from '@mediation/protocol';
import { z } from 'zod';
import { ProblemError } from './problem.error';
import { parseOrThrow, toFieldErrors } from './zod-field-errors';

const Party = z.object({ name: z.string(), email: z.email().optional() }).strict();
const Referral = z
  .object({
    reference: z.string(),
    referrer: z.object({ name: z.string(), email: z.email() }).strict(),
    parties: z.array(Party),
  })
  .strict();

const valid = { reference: 'REF-1', referrer: { name: 'Ann', email: 'ann@example.org' }, parties: [{ name: 'Bob' }] };

function fieldErrorsOf(schema: z.ZodType, input: unknown, prefix?: string) {
  const result = schema.safeParse(input);
  if (result.success) throw new Error('expected the input to be invalid');
  return toFieldErrors(result.error, prefix);
}

describe('toFieldErrors', () => {
  it('names a missing top-level field and says it is required', () => {
    expect(fieldErrorsOf(Referral, { referrer: valid.referrer, parties: valid.parties })).toEqual([
      { field: 'reference', message: 'is required', code: 'invalid_type' },
    ]);
  });

  it('names a missing nested field by its dotted path', () => {
    expect(fieldErrorsOf(Referral, { ...valid, referrer: { email: 'ann@example.org' } })).toEqual([
      { field: 'referrer.name', message: 'is required', code: 'invalid_type' },
    ]);
  });

  it('names a missing field inside an array by its index', () => {
    expect(fieldErrorsOf(Referral, { ...valid, parties: [{ name: 'Bob' }, { email: 'c@example.org' }] })).toEqual([
      { field: 'parties.1.name', message: 'is required', code: 'invalid_type' },
    ]);
  });

  it("keeps zod's message for a field that is present but wrong, so 'is required' only means missing", () => {
    const errors = fieldErrorsOf(Referral, { ...valid, reference: 42, parties: [{ name: 'Bob', email: 'not-an-email' }] });
    expect(errors).toHaveLength(2);
    expect(errors).toContainEqual(expect.objectContaining({ field: 'reference', code: 'invalid_type' }));
    expect(errors).toContainEqual(expect.objectContaining({ field: 'parties.0.email', code: 'invalid_format' }));
    expect(errors.map((e) => e.message)).not.toContain('is required');
  });

  it('names each unknown top-level key as its own field', () => {
    expect(fieldErrorsOf(Referral, { ...valid, colour: 'red', size: 3 })).toEqual([
      { field: 'colour', message: 'is not a known field', code: 'unrecognized_keys' },
      { field: 'size', message: 'is not a known field', code: 'unrecognized_keys' },
    ]);
  });

  it('names an unknown key inside a nested object and inside an array element by its full path', () => {
    const errors = fieldErrorsOf(Referral, { ...valid, referrer: { ...valid.referrer, phone: '1' }, parties: [{ name: 'Bob', age: 3 }] });
    expect(errors).toEqual(
      expect.arrayContaining([
        { field: 'referrer.phone', message: 'is not a known field', code: 'unrecognized_keys' },
        { field: 'parties.0.age', message: 'is not a known field', code: 'unrecognized_keys' },
      ]),
    );
    expect(errors).toHaveLength(2);
  });

  it('reports every bad field at once, not just the first', () => {
    const errors = fieldErrorsOf(Referral, { parties: [{}], extra: true });
    expect(errors.map((e) => e.field).sort()).toEqual(['extra', 'parties.0.name', 'reference', 'referrer']);
  });

  it('puts the prefix in front of every field, e.g. for query or path parameters', () => {
    expect(fieldErrorsOf(z.object({ page: z.string() }).strict(), { size: '1' }, 'query')).toEqual([
      { field: 'query.page', message: 'is required', code: 'invalid_type' },
      { field: 'query.size', message: 'is not a known field', code: 'unrecognized_keys' },
    ]);
  });

  it('calls a missing body "(body)"', () => {
    expect(fieldErrorsOf(Referral, undefined)).toEqual([{ field: '(body)', message: 'is required', code: 'invalid_type' }]);
  });
});

describe('parseOrThrow', () => {
  it('returns the parsed value when the input is valid', () => {
    expect(parseOrThrow(Referral, valid)).toEqual(valid);
  });

  it('throws a 400 validation problem that names every bad field', () => {
    let thrown: unknown;
    try {
      parseOrThrow(Referral, { ...valid, reference: undefined, unknown: 1 });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ProblemError);
    const problem = (thrown as ProblemError).problem;
    expect(problem).toMatchObject({ status: 400, type: PROBLEM_TYPES.validation });
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'reference', message: 'is required' }),
        expect.objectContaining({ field: 'unknown', message: 'is not a known field' }),
      ]),
    );
  });

  it('refuses text no database can store before the schema, naming the field, whatever else is wrong', () => {
    let thrown: unknown;
    try {
      parseOrThrow(Referral, { ...valid, referrer: { name: 'Ann\u0000', email: 'ann@example.org' }, parties: [{ name: '\ud800x' }], unknown: 1 }, 'body');
    } catch (error) {
      thrown = error;
    }
    expect((thrown as ProblemError).problem).toMatchObject({
      status: 400,
      type: PROBLEM_TYPES.validation,
      errors: [
        { field: 'body.referrer.name', message: expect.stringContaining('NUL'), code: 'nul_character' },
        { field: 'body.parties.0.name', message: expect.stringContaining('surrogate'), code: 'unpaired_surrogate' },
      ],
    });
  });
});
