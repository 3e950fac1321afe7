import { once } from 'node:events';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { laterTurn } from '../../src/app/later-turn.js';

/** Busy work of `ms` that does not give way, as a save of a large meeting on SQLite. */
const block = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};

describe('work after an answer, giving way to requests', () => {
  it('resumes the pieces waiting in the order they asked, one per turn', async () => {
    const order: string[] = [];
    const piece = async (name: string) => {
      await laterTurn();
      order.push(`${name} 1`);
      await laterTurn();
      order.push(`${name} 2`);
    };
    await Promise.all([piece('a'), piece('b'), piece('c')]);
    expect(order).toEqual(['a 1', 'b 1', 'c 1', 'a 2', 'b 2', 'c 2']);
  });

  it('lets a request that arrives while several pieces wait be answered after one of them, not all', async () => {
    const server = createServer((_req, res) => res.end('ok'));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    try {
      const ran: string[] = [];
      const answered = new Promise<void>((resolve) => {
        request({ port, host: '127.0.0.1' }, (res) => {
          res.resume();
          ran.push('answer');
          resolve();
        }).end();
      });
      // The request is on its way; five pieces of 30 ms each now wait for a turn.
      block(20);
      const pieces = ['1', '2', '3', '4', '5'].map(async (name) => {
        await laterTurn();
        block(30);
        ran.push(name);
      });
      await Promise.all([answered, ...pieces]);
      // Given way to once per piece, the answer comes within a few pieces; released together, all five ran first.
      expect(ran.indexOf('answer')).toBeLessThan(5);
    } finally {
      server.close();
    }
  });
});
