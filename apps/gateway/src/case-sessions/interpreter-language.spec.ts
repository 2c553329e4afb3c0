import { languageCode } from './interpreter-language';

describe('a party’s interpreter language, as staff languages are kept', () => {
  it('reads the language names case workers type', () => {
    expect(languageCode('Welsh')).toBe('cy');
    expect(languageCode(' polish ')).toBe('pl');
    expect(languageCode('Urdu')).toBe('ur');
  });

  it('takes a code as it is', () => {
    expect(languageCode('PL')).toBe('pl');
  });

  it('ranks on nothing rather than a guess', () => {
    expect(languageCode('the neighbour’s dialect')).toBeUndefined();
    expect(languageCode(null)).toBeUndefined();
    expect(languageCode('')).toBeUndefined();
  });
});
