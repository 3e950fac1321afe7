/**
 * The PDF uses the standard PDF fonts (no font files to ship or license), which can show only the
 * Windows-1252 repertoire. Anything else is spelled in the nearest letters it has ("Łódź" becomes
 * "Lódz"), or as "?" when there is none, rather than as the wrong glyphs. The HTML plan shows
 * every character as typed.
 */

/** The 27 characters Windows-1252 adds in 0x80–0x9F, on top of Latin-1. */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

const NEAREST: Record<string, string> = { Ł: 'L', ł: 'l', Đ: 'D', đ: 'd', ı: 'i', '→': '->', '←': '<-', '✓': 'v', '✔': 'v', '≤': '<=', '≥': '>=', '−': '-' };

const printable = (ch: string): boolean => {
  const code = ch.codePointAt(0) ?? 0;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(ch) || ch === '\n';
};

function nearest(ch: string): string {
  if (NEAREST[ch]) return NEAREST[ch];
  const stripped = ch.normalize('NFKD').replace(/\p{M}/gu, '');
  return [...stripped].every(printable) && stripped !== '' ? stripped : '?';
}

export function pdfText(text: string): string {
  return [...text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ')].map((ch) => (printable(ch) ? ch : nearest(ch))).join('');
}
