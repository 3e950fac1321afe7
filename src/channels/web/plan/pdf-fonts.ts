import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as fontkit from 'fontkit';

/**
 * The typefaces the plan PDF embeds, so a name prints as typed whatever its script. DejaVu Sans
 * (Latin, Greek, Cyrillic, Arabic, Hebrew; a free licence) sets the text; Noto Sans SC (OFL) adds
 * the Chinese characters DejaVu lacks. Noto SC comes from its web-font package, cut into about a
 * hundred files by Unicode range: each is a face of its own here, and pdfkit embeds only the
 * glyphs used from the few a plan needs.
 */

export type FontStyle = 'regular' | 'bold' | 'italic';

export interface Face {
  /** What the face is registered under in a document. */
  name: string;
  file: Buffer;
  font: fontkit.Font;
}

export interface PlanFaces {
  /** The face for each style, tried first for every character. */
  primary: Record<FontStyle, Face>;
  /** Faces for the characters the primary one lacks, in the order they are tried. */
  fallbacks: Face[];
}

const require = createRequire(import.meta.url);
const packageDir = (name: string): string => dirname(require.resolve(`${name}/package.json`));

const DEJAVU: Record<FontStyle, string> = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf', italic: 'DejaVuSans-Oblique.ttf' };

function face(name: string, path: string): Face {
  const file = readFileSync(path);
  const font = fontkit.create(file);
  if (!('hasGlyphForCodePoint' in font)) throw new Error(`${path} is a font collection, not a font`);
  return { name, file, font };
}

function load(): PlanFaces {
  const dejavu = join(packageDir('dejavu-fonts-ttf'), 'ttf');
  const noto = join(packageDir('@fontsource-variable/noto-sans-sc'), 'files');
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
    fallbacks: numbered.map((file) => face(`NotoSansSC-${/\d+/.exec(file)![0]}`, join(noto, file))),
  };
}

let loaded: PlanFaces | undefined;

/** Read once, on the first plan drawn: a server that never draws one never reads them. */
export function planFaces(): PlanFaces {
  loaded ??= load();
  return loaded;
}
