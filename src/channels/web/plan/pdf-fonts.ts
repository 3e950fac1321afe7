import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as fontkit from 'fontkit';
import { packageRequire } from '../../../package-root.js';

/**
 * The typefaces the plan PDF embeds, so a name prints as typed whatever its script. DejaVu Sans
 * (Latin, Greek, Cyrillic, Arabic, Hebrew; a free licence) sets the text; Noto Sans SC (OFL) adds
 * the Chinese characters DejaVu lacks. Noto SC comes from its web-font package, cut into about a
 * hundred files by Unicode range: each is a face of its own here, and pdfkit embeds only the
 * glyphs used from the few a plan needs. Each file is asked for a character only when its range
 * (the package's unicode.json) holds it: finding a glyph means decompressing the whole file, and
 * trying them all in turn cost a few hundred milliseconds and tens of megabytes for a few Chinese
 * characters.
 */

export type FontStyle = 'regular' | 'bold' | 'italic';

export interface Face {
  /** What the face is registered under in a document. */
  name: string;
  file: Buffer;
  font: fontkit.Font;
  /** The code points the face can have glyphs for, as [first, last] pairs; absent: any. */
  ranges?: ReadonlyArray<readonly [number, number]>;
}

export interface PlanFaces {
  /** The face for each style, tried first for every character. */
  primary: Record<FontStyle, Face>;
  /** Faces for the characters the primary one lacks, in the order they are tried. */
  fallbacks: Face[];
}

const packageDir = (name: string): string => dirname(packageRequire.resolve(`${name}/package.json`));

const DEJAVU: Record<FontStyle, string> = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf', italic: 'DejaVuSans-Oblique.ttf' };

function face(name: string, path: string, ranges?: Face['ranges']): Face {
  const file = readFileSync(path);
  const font = fontkit.create(file);
  if (!('hasGlyphForCodePoint' in font)) throw new Error(`${path} is a font collection, not a font`);
  return { name, file, font, ...(ranges && { ranges }) };
}

/** A CSS unicode-range ("U+4e00-4e3f,U+4e41") as [first, last] pairs. */
const parseRanges = (css: string): Array<[number, number]> =>
  css.split(',').map((range) => {
    const [first, last = first] = range.trim().replace(/^U\+/i, '').split('-') as [string, string?];
    return [parseInt(first, 16), parseInt(last, 16)];
  });

function load(): PlanFaces {
  const dejavu = join(packageDir('dejavu-fonts-ttf'), 'ttf');
  const notoDir = packageDir('@fontsource-variable/noto-sans-sc');
  const noto = join(notoDir, 'files');
  // "[42]" → "U+…,U+…": the range cut into noto-sans-sc-42-wght-normal.woff2.
  const notoRanges = JSON.parse(readFileSync(join(notoDir, 'unicode.json'), 'utf8')) as Record<string, string>;
  // The numbered files hold the Chinese characters; the script-named ones repeat what DejaVu has.
  const numbered = readdirSync(noto)
    .filter((file) => /^noto-sans-sc-\d+-wght-normal\.woff2$/.test(file))
    .sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));
  return {
    primary: {
      regular: face('DejaVuSans', join(dejavu, DEJAVU.regular)),
      bold: face('DejaVuSans-Bold', join(dejavu, DEJAVU.bold)),
      italic: face('DejaVuSans-Oblique', join(dejavu, DEJAVU.italic)),
    },
    fallbacks: numbered.map((file) => {
      const slice = /\d+/.exec(file)![0];
      const ranges = notoRanges[`[${slice}]`];
      if (!ranges) throw new Error(`${file} has no Unicode range in ${notoDir}/unicode.json`);
      return face(`NotoSansSC-${slice}`, join(noto, file), parseRanges(ranges));
    }),
  };
}

let loaded: PlanFaces | undefined;

/** Read once, on the first plan drawn: a server that never draws one never reads them. */
export function planFaces(): PlanFaces {
  loaded ??= load();
  return loaded;
}
