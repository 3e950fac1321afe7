import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CardName } from '../src/cards/catalogue.js';
import { CARD_NAMES, CARDS } from '../src/cards/catalogue.js';
import { renderCard } from '../src/cards/render-card.js';
import { cardSample } from '../src/cards/samples.js';
import { renderSlackMessage } from '../src/cards/slack-blocks.js';
import { renderTeamsCard } from '../src/cards/teams-card.js';
import { cardPageAssets, renderCardPage } from '../src/channels/web/card-page.js';

/**
 * npm run cards:preview — every card with its sample data, for every channel, in cards-preview/:
 * <name>.html (the web page, drawn by the adaptivecards library as Teams draws it; open it from
 * disk, buttons show what they would send), <name>.teams.json (the attachment Teams gets) and
 * <name>.slack.json ({"blocks": [...]}, ready to paste into Block Kit Builder), plus index.html.
 */
export function writeCardsPreview(outDir: string): string[] {
  mkdirSync(join(outDir, 'assets'), { recursive: true });
  for (const asset of cardPageAssets()) copyFileSync(asset.filePath, join(outDir, 'assets', asset.name));
  const written = CARD_NAMES.map((name) => writeCard(outDir, name));
  writeFileSync(join(outDir, 'index.html'), indexPage());
  return written;
}

function writeCard(outDir: string, name: CardName): string {
  const sample = cardSample(name);
  const page = renderCardPage({ card: renderCard(name, sample), title: `Preview: ${name}`, postUrl: '', assetBaseUrl: 'assets' });
  writeFileSync(join(outDir, `${name}.html`), page);
  writeFileSync(join(outDir, `${name}.teams.json`), `${JSON.stringify(renderTeamsCard(name, sample), null, 2)}\n`);
  writeFileSync(join(outDir, `${name}.slack.json`), `${JSON.stringify({ blocks: renderSlackMessage(name, sample).blocks }, null, 2)}\n`);
  return name;
}

function indexPage(): string {
  const rows = CARD_NAMES.map(
    (name) =>
      `<tr><td><a href="${name}.html">${name}</a></td><td>${CARDS[name].audience}</td>` +
      `<td><a href="${name}.teams.json">Teams JSON</a></td><td><a href="${name}.slack.json">Block Kit JSON</a></td></tr>`,
  ).join('\n');
  return `<!doctype html>
<html lang="en-GB">
<head><meta charset="utf-8"><title>PEP Bot cards</title><link rel="stylesheet" href="assets/card-page.css"></head>
<body><main class="pep-page">
<h1>PEP Bot cards, with sample data</h1>
<p>Each card once, three ways: the web page (drawn as Teams draws it), the Teams attachment, and Slack Block Kit
(paste the JSON into Block Kit Builder). "group" cards go to group and meeting chats.</p>
<table>
<thead><tr><th>Card</th><th>Audience</th><th>Teams</th><th>Slack</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</main></body>
</html>
`;
}

const runDirectly = resolve(process.argv[1] ?? '') === fileURLToPath(import.meta.url);
if (runDirectly) {
  const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'cards-preview');
  const written = writeCardsPreview(outDir);
  console.log(`Wrote ${written.length} cards (web, Teams, Slack) to ${outDir}/index.html`);
}
