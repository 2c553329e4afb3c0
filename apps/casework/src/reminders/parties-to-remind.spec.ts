import { mayBeEmailed, partiesToRemind } from './parties-to-remind';

const party = (id: string, role: string, email: string | null, contactPreferences: unknown = null) => ({ id, role, name: id, email, contactPreferences });

describe('who a reminder for the parties is emailed to', () => {
  it('a party with an address and no recorded preferences may be emailed: they have not asked not to be', () => {
    expect(mayBeEmailed(party('a', 'parent', 'pat@example.com'))).toBe(true);
  });

  it('a party whose preferences list email may be emailed, wherever it comes in their order', () => {
    expect(mayBeEmailed(party('a', 'parent', 'pat@example.com', { channels: ['phone', 'email'], times: 'evenings' }))).toBe(true);
  });

  it('a party who chose other channels only is not emailed, even with an address', () => {
    expect(mayBeEmailed(party('a', 'parent', 'pat@example.com', { channels: ['phone', 'letter'] }))).toBe(false);
  });

  it('a party without an address, or with a blank one, is not emailed', () => {
    expect(mayBeEmailed(party('a', 'parent', null))).toBe(false);
    expect(mayBeEmailed(party('a', 'parent', '  ', { channels: ['email'] }))).toBe(false);
  });

  it('preferences that cannot be read are not taken as permission', () => {
    expect(mayBeEmailed(party('a', 'parent', 'pat@example.com', { channels: 'email' }))).toBe(false);
  });

  it('only the roles the rule names are reminded; with none named, everyone who may be emailed', () => {
    const parties = [party('parent', 'parent', 'p@example.com'), party('council', 'local-authority', 'la@example.gov'), party('yp', 'young-person', 'y@example.com', { channels: ['sms'] }), party('yp2', 'young-person', 'k@example.com', { channels: ['email'] })];
    expect(partiesToRemind(parties, ['parent', 'young-person']).map((p) => p.id)).toEqual(['parent', 'yp2']);
    expect(partiesToRemind(parties).map((p) => p.id)).toEqual(['parent', 'council', 'yp2']);
  });
});
