import { pdfSafe } from './pdf-safe';

describe('pdfSafe', () => {
  it('keeps what the typeface draws: the euro sign, curly quotes, dashes, arrows and letters beyond Latin-1', () => {
    for (const text of ['€1,200', '“quoted” and ‘single’ it’s', 'Łukasz Żółć, Dvořák, Zoë', 'Ω Ж → • – —']) expect(pdfSafe(text)).toBe(text);
  });

  it('composes a letter written with a combining accent, so it prints as one letter', () => {
    expect(pdfSafe('Zoe\u0308')).toBe('Zoë');
  });

  it('falls back to the plain form of a character the typeface lacks, and marks the rest with "?"', () => {
    expect(pdfSafe('Smith\u2011Jones')).toBe('Smith\u2010Jones');
    expect(pdfSafe('李 😀')).toBe('? ?');
  });

  it('keeps line breaks and makes other control characters spaces', () => {
    expect(pdfSafe('one\ntwo\tthree\u0007four\r\nfive')).toBe('one\ntwo three four \nfive');
  });
});
