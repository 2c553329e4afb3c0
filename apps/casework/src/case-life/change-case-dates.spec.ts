import { FormFieldSchema } from '@mediation/protocol';
import { dateErrors } from './change-case-dates.use-case';

const fields = [
  { key: 'hearingDate', label: 'Hearing', type: 'date' },
  { key: 'firstCmhAt', label: 'First CMH', type: 'datetime' },
  { key: 'diagnosisDate', label: 'Diagnosis', type: 'date', sensitivity: 'special-category' },
  { key: 'court', label: 'Court', type: 'text' },
].map((f) => FormFieldSchema.parse(f));

describe('which dates a case may change', () => {
  it('accepts the form’s non-sensitive date and datetime fields in their formats', () => {
    expect(dateErrors(fields, { hearingDate: '2027-02-01', firstCmhAt: '2027-02-01T10:00:00+00:00' })).toEqual([]);
  });

  it('names a field that is not a date field, or a sensitive one, listing the date fields', () => {
    expect(dateErrors(fields, { court: '2027-02-01', diagnosisDate: '2027-02-01' })).toEqual([
      { field: 'court', code: 'unknown_date_field', message: 'is not a date field of this service line’s form (its date fields: hearingDate, firstCmhAt)' },
      {
        field: 'diagnosisDate',
        code: 'unknown_date_field',
        message: 'is not a date field of this service line’s form (its date fields: hearingDate, firstCmhAt)',
      },
    ]);
  });

  it('names a value in the wrong format', () => {
    expect(dateErrors(fields, { hearingDate: '01/02/2027', firstCmhAt: '2027-02-01' }).map((e) => [e.field, e.message])).toEqual([
      ['hearingDate', 'must be a date, YYYY-MM-DD'],
      ['firstCmhAt', 'must be an ISO datetime with offset'],
    ]);
  });
});
