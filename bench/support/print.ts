import type { Figure } from '../figure.js';

const cell = (value: number | undefined, unit = '') => (value === undefined ? '—' : `${value}${unit}`);

/** The table `npm run bench` prints and the README holds: figure | PEP Bot | baseline | ratio | goal | met. */
export function figureTable(figures: readonly Figure[]): string {
  const rows = figures.map((f) => [
    `${f.figure} (${f.unit})`,
    cell(f.pepBot),
    cell(f.baseline),
    cell(f.ratio, '×'),
    f.goal ?? '—',
    f.met === undefined ? '—' : f.met ? 'yes' : 'no',
  ]);
  const header = ['figure', 'PEP Bot', 'baseline', 'ratio', 'goal', 'met'];
  return [header, header.map(() => '---'), ...rows].map((row) => `| ${row.join(' | ')} |`).join('\n');
}

/** A bench file run alone prints its figures, then the notes that say how each was measured. */
export function printFigures(figures: readonly Figure[]): void {
  console.log(`\n${figureTable(figures)}\n`);
  for (const f of figures) if (f.note) console.log(`- ${f.figure}: ${f.note}`);
}
