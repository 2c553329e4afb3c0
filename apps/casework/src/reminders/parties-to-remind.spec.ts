import { partiesToRemind } from './parties-to-remind';

const party = (id: string, role: string) => ({ id, role, name: id, email: `${id}@example.com`, contactPreferences: null });

describe('whom a reminder for the parties is meant for', () => {
  it('only the roles the rule names; with none named, every party (the contact rule then decides who is emailed)', () => {
    const parties = [party('parent', 'parent'), party('council', 'local-authority'), party('yp', 'young-person')];
    expect(partiesToRemind(parties, ['parent', 'young-person']).map((p) => p.id)).toEqual(['parent', 'yp']);
    expect(partiesToRemind(parties).map((p) => p.id)).toEqual(['parent', 'council', 'yp']);
  });
});
