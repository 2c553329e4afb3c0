/**
 * The characters the PDF standard fonts can draw (WinAnsi: Latin-1 plus a few typographic marks).
 * Anything else would print as garbage, so accents are dropped and the rest becomes "?".
 */
/** Letters Unicode does not decompose into a base letter and an accent. */
const NO_DECOMPOSITION: Record<string, string> = { Ł: 'L', ł: 'l', Đ: 'D', đ: 'd', ı: 'i', '→': '->' };

const WIN_ANSI_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

export function pdfSafe(text: string): string {
  let out = '';
  for (const ch of text) {
    if ((ch.codePointAt(0) ?? 0) <= 0xff || WIN_ANSI_EXTRAS.has(ch)) out += ch;
    else if (NO_DECOMPOSITION[ch]) out += NO_DECOMPOSITION[ch];
    else {
      const stripped = ch.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
      out += [...stripped].every((c) => (c.codePointAt(0) ?? 0) <= 0xff) && stripped ? stripped : '?';
    }
  }
  return out;
}
