import { findUnstorableText, isStorableText, unstorableTextErrors } from './storable-text';

describe('text a database can store', () => {
  it('ordinary text, accents, emoji (a surrogate pair) and an empty string are storable', () => {
    for (const text of ['Sam Resident', 'Zoë Brontë', 'Noise 🎵 at 2am', '']) expect(isStorableText(text)).toBe(true);
  });

  it('a NUL, a lone high surrogate and a lone low surrogate are not', () => {
    for (const text of ['a\u0000', '\ud800x', 'x\udc00', '🎵'.slice(0, 1)]) expect(isStorableText(text)).toBe(false);
  });

  it('names every field holding one, deep in arrays and objects, with a code saying which', () => {
    const body = { summary: 'fine', parties: [{ name: 'Ann' }, { name: 'Bob\u0000' }], answers: { notes: { text: 'half \ud83c' } }, count: 3, flag: null };
    expect(unstorableTextErrors(body)).toEqual([
      { field: 'parties.1.name', message: expect.stringContaining('NUL'), code: 'nul_character' },
      { field: 'answers.notes.text', message: expect.stringContaining('unpaired UTF-16 surrogate'), code: 'unpaired_surrogate' },
    ]);
  });

  it('checks the keys of records too, and writes the bad character visibly in the field name', () => {
    expect(unstorableTextErrors({ answers: { 'a\u0000b': 'x' } })).toEqual([
      { field: 'answers.a\\u0000b', message: expect.stringMatching(/^is a key that must not contain a NUL/), code: 'nul_character' },
    ]);
    expect(unstorableTextErrors({ '\udfff': 1 })).toEqual([{ field: '\\udfff', message: expect.stringContaining('surrogate'), code: 'unpaired_surrogate' }]);
  });

  it('a bare string is the body; a prefix names query or path parameters', () => {
    expect(unstorableTextErrors('\u0000')).toEqual([expect.objectContaining({ field: '(body)' })]);
    expect(unstorableTextErrors({ resourceId: '\u0000' }, 'query')).toEqual([expect.objectContaining({ field: 'query.resourceId' })]);
  });

  it('walks a document nested far deeper than any stack, and reports at most 20 places', () => {
    let deep: unknown = 'bottom\u0000';
    for (let i = 0; i < 50_000; i++) deep = [deep];
    expect(findUnstorableText(deep)).toEqual([expect.objectContaining({ code: 'nul_character', path: expect.any(Array) })]);
    expect(findUnstorableText(Array.from({ length: 100 }, () => '\u0000'))).toHaveLength(20);
  });
});
