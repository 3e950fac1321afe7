import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeCardsPreview } from '../../scripts/cards-preview.js';
import { CARD_NAMES } from '../../src/cards/catalogue.js';

describe('npm run cards:preview', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'cards-preview-'));
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('writes every card for every channel, with an index and the page assets', () => {
    expect(writeCardsPreview(outDir)).toEqual(CARD_NAMES);
    const index = readFileSync(join(outDir, 'index.html'), 'utf8');
    for (const name of CARD_NAMES) {
      expect(index).toContain(`href="${name}.html"`);
      expect(readFileSync(join(outDir, `${name}.html`), 'utf8')).toContain('src="assets/adaptivecards.min.js"');
      expect(JSON.parse(readFileSync(join(outDir, `${name}.teams.json`), 'utf8'))).toMatchObject({ contentType: 'application/vnd.microsoft.card.adaptive' });
      expect(Object.keys(JSON.parse(readFileSync(join(outDir, `${name}.slack.json`), 'utf8')) as object)).toEqual(['blocks']);
    }
    for (const asset of ['adaptivecards.min.js', 'adaptivecards.css', 'card-page.js', 'card-page.css']) expect(existsSync(join(outDir, 'assets', asset))).toBe(true);
  });
});
