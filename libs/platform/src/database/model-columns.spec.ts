import { selectAs, type ColumnsOf } from './model-columns';

interface Deadline {
  id: string;
  organisationId: string;
  dueAt: Date | null;
  number: bigint;
}

const DEADLINE: ColumnsOf<Deadline> = { id: 'id', organisationId: 'organisation_id', dueAt: 'due_at', number: 'number' };

describe('a select list that answers rows as the model names them', () => {
  it('names each column by its field, and a column named as its field plainly', () => {
    expect(selectAs(DEADLINE)).toBe('id, organisation_id AS "organisationId", due_at AS "dueAt", number');
  });

  it('selects an int8 field as text, for the repository to make a BigInt of', () => {
    expect(selectAs(DEADLINE, ['number'])).toBe('id, organisation_id AS "organisationId", due_at AS "dueAt", number::text AS "number"');
  });
});
