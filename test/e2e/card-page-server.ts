import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { CardName } from '../../src/cards/catalogue.js';
import { isCardName } from '../../src/cards/catalogue.js';
import { renderCard } from '../../src/cards/render-card.js';
import { cardSample } from '../../src/cards/samples.js';
import { mergeSubmission, parseCardAction } from '../../src/cards/verbs.js';
import { CARD_PAGE_CSP, cardPageAssets, renderCardPage } from '../../src/channels/web/card-page.js';
import { cardParts } from '../cards/walk-card.js';

/** What the page posted, as the server received it. */
export interface Posted {
  card: string;
  body: { verb: string; data: Record<string, unknown>; inputs: Record<string, string> };
}

export interface CardPageServer {
  url: string;
  posted: Posted[];
  /** The next post is refused with an error card, as a domain refusal would be. */
  refuseNext: () => void;
  close: () => Promise<void>;
}

/**
 * A stand-in for the secure-link routes: serves each card's page with its sample data under the
 * strict CSP, serves the assets, and answers presses the way the real server will (a
 * confirmation card, or an error card showing back what was typed).
 */
export async function startCardPageServer(cards: Partial<Record<CardName, unknown>> = {}): Promise<CardPageServer> {
  const posted: Posted[] = [];
  let refuse = false;
  const app = express();
  const cardFor = (name: CardName) => renderCard(name, (cards[name] ?? cardSample(name)) as never);

  for (const asset of cardPageAssets()) {
    app.get(`/assets/${asset.name}`, (_req, res) => {
      res.type(asset.contentType).sendFile(asset.filePath);
    });
  }
  // Browsers ask for it on every page; an answer keeps 404s out of the console the tests watch.
  app.get('/favicon.ico', (_req, res) => {
    res.status(204).end();
  });
  app.get('/cards/:name', (req, res) => {
    const { name } = req.params;
    if (!isCardName(name)) return void res.status(404).send('No such card');
    res.set('Content-Security-Policy', CARD_PAGE_CSP).type('html').send(
      renderCardPage({ card: cardFor(name), title: `PEP Bot: ${name}`, postUrl: `/cards/${name}/actions`, assetBaseUrl: '/assets' }),
    );
  });
  app.post('/cards/:name/actions', express.json(), (req, res) => {
    const name = req.params.name as CardName;
    const body = req.body as Posted['body'];
    posted.push({ card: name, body });
    const parsed = parseCardAction(body.verb, mergeSubmission(body.data, body.inputs));
    if (parsed.ok && !refuse) {
      return void res.json({ card: renderCard('confirmation', { title: 'Thank you', message: `Received: ${body.verb}.` }) });
    }
    refuse = false;
    const labels = new Map(cardParts(cardFor(name)).inputs.map((input) => [input.id, input.label]));
    const kept = Object.entries(body.inputs)
      .filter(([, value]) => value !== '')
      .map(([id, value]) => ({ label: labels.get(id) ?? id, value }));
    const problems = parsed.ok ? ['Someone else changed this at the same moment.'] : parsed.problems.map((p) => p.message);
    res.status(422).json({ card: renderCard('error', { message: 'Your answer was not saved.', problems, kept, fix: 'Please try again.' }) });
  });

  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    posted,
    refuseNext: () => {
      refuse = true;
    },
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
