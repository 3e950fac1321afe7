import { writeFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';

/**
 * The Teams app icons, drawn with Node alone: a 192×192 full-colour icon ("PEP" in white on the
 * accent colour) and the 32×32 outline icon Teams requires to be white on transparent ("P").
 * Run `tsx scripts/teams-icons.ts` to redraw manifest/teams/color.png and outline.png.
 */
export const ACCENT = '#1F5F8B';

type Rgba = readonly [number, number, number, number];
const WHITE: Rgba = [255, 255, 255, 255];
const CLEAR: Rgba = [0, 0, 0, 0];

/** 5×7 letters, one string per row. */
const GLYPHS: Record<string, readonly string[]> = {
  P: ['####.', '#...#', '#...#', '####.', '#....', '#....', '#....'],
  E: ['#####', '#....', '#....', '####.', '#....', '#....', '#####'],
};

const hex = (colour: string): Rgba => {
  const channel = (at: number) => Number.parseInt(colour.slice(at, at + 2), 16);
  return [channel(1), channel(3), channel(5), 255];
};

/** A square canvas with the word drawn in blocks of `scale` pixels, centred. */
function draw(size: number, word: string, scale: number, background: Rgba): Rgba[][] {
  const pixels = Array.from({ length: size }, () => Array.from({ length: size }, () => background));
  const width = (word.length * 6 - 1) * scale;
  const left = Math.floor((size - width) / 2);
  const top = Math.floor((size - 7 * scale) / 2);
  [...word].forEach((letter, index) => {
    GLYPHS[letter]!.forEach((row, y) => {
      [...row].forEach((cell, x) => {
        if (cell !== '#') return;
        for (let dy = 0; dy < scale; dy++) {
          for (let dx = 0; dx < scale; dx++) pixels[top + y * scale + dy]![left + (index * 6 + x) * scale + dx] = WHITE;
        }
      });
    });
  });
  return pixels;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** An 8-bit RGBA PNG: signature, IHDR, one IDAT of unfiltered scanlines, IEND. */
export function encodePng(pixels: Rgba[][]): Buffer {
  const height = pixels.length;
  const width = pixels[0]?.length ?? 0;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type RGBA, deflate, no filter, no interlace
  const scanlines = Buffer.concat(pixels.map((row) => Buffer.from([0, ...row.flat()])));
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(scanlines)), chunk('IEND', Buffer.alloc(0))]);
}

export const colourIcon = (): Buffer => encodePng(draw(192, 'PEP', 8, hex(ACCENT)));
export const outlineIcon = (): Buffer => encodePng(draw(32, 'P', 4, CLEAR));

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = new URL('../manifest/teams/', import.meta.url);
  writeFileSync(new URL('color.png', dir), colourIcon());
  writeFileSync(new URL('outline.png', dir), outlineIcon());
  process.stdout.write('Wrote manifest/teams/color.png (192×192) and outline.png (32×32).\n');
}
