import type { Face, FontStyle, PlanFaces } from './pdf-fonts.js';

/**
 * Splits text into runs that one face can set, so pdfkit (through fontkit) shapes each run as its
 * script needs. A character goes to the style's own face when it has the glyph, else to the first
 * fallback that does. Marks, joiners and spaces stay with the run they are in, so a word is never
 * cut apart; a right-to-left run (Arabic, Hebrew) is kept apart from the text around it, because
 * fontkit shapes and reverses a run by the first script in it. Runs are placed left to right (there
 * is no full bidi layout), so a right-to-left name or phrase reads right within a sentence, while a
 * right-to-left paragraph with left-to-right words inside would show its runs in the wrong order.
 */

export interface TextRun {
  face: Face;
  text: string;
}

const RIGHT_TO_LEFT = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
/** Characters that belong with what is before them: combining marks, joiners, variation selectors. */
const ATTACHED = /^(?:\p{M}|\u200c|\u200d|[\ufe00-\ufe0f])$/u;
const SPACE = /\s/u;
/** What a character no face has prints as: a visible sign that something was there. */
const MISSING = '?';

const has = (face: Face, ch: string): boolean => {
  const codePoint = ch.codePointAt(0)!;
  // The range first: asking a face outside it would decompress it for nothing.
  if (face.ranges && !face.ranges.some(([first, last]) => codePoint >= first && codePoint <= last)) return false;
  return face.font.hasGlyphForCodePoint(codePoint);
};

export function textRuns(text: string, style: FontStyle, faces: PlanFaces): TextRun[] {
  const primary = faces.primary[style];
  const runs: Array<TextRun & { rtl: boolean }> = [];
  for (const ch of text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ')) {
    const current = runs.at(-1);
    // pdfkit breaks lines at "\n" before any font sees it.
    if (current && (ch === '\n' || ATTACHED.test(ch) || (SPACE.test(ch) && has(current.face, ch)))) {
      current.text += ch;
      continue;
    }
    const face = ch === '\n' ? primary : [primary, ...faces.fallbacks].find((candidate) => has(candidate, ch));
    const rtl = RIGHT_TO_LEFT.test(ch);
    const printed = face ? ch : MISSING;
    if (current && current.face === (face ?? primary) && current.rtl === rtl) {
      current.text += printed;
      continue;
    }
    // Spaces after a right-to-left run belong between it and what follows, not inside it.
    let lead = '';
    const trailing = current?.rtl ? /\s*$/u.exec(current.text)![0] : '';
    if (current && trailing && [...trailing].every((space) => has(face ?? primary, space))) {
      current.text = current.text.slice(0, -trailing.length);
      lead = trailing;
    }
    runs.push({ face: face ?? primary, text: lead + printed, rtl });
  }
  return runs.length > 0 ? runs.map(({ face, text: part }) => ({ face, text: part })) : [{ face: primary, text }];
}
