import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createSmtpMailer } from '../../../src/channels/web/smtp-mailer.js';
import { captureLog } from '../../server/harness.js';
import type { SmtpSink } from './support/smtp-sink.js';
import { startSmtpSink } from './support/smtp-sink.js';

const link = { to: 'chris@home.example.org', url: 'https://pep.example.org/p/' + 'T'.repeat(43), expiresOn: 'Wednesday 9 December 2026' };
let sink: SmtpSink | undefined;
afterEach(async () => sink?.close());

/** A loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('the SMTP mailer', () => {
  it('sends plain text with the link and its end date, to the person only', async () => {
    sink = await startSmtpSink();
    const mailer = createSmtpMailer({ smtpUrl: sink.url, from: 'PEP Bot <pep-bot@la.example.org>', logger: captureLog().logger });
    expect(await mailer.sendLink(link)).toEqual({ sent: true });
    const email = sink.received[0]!;
    expect(email.to).toEqual(['chris@home.example.org']);
    expect(email.headers).toMatch(/^Content-Type: text\/plain/m);
    expect(email.headers).toMatch(/^Auto-Submitted: auto-generated$/m);
    expect(email.body).toContain(link.url);
    expect(email.body).toContain('It works until Wednesday 9 December 2026.');
    mailer.close();
  });

  it('returns why it failed, and logs the reason without the address or the link', async () => {
    const log = captureLog();
    const mailer = createSmtpMailer({ smtpUrl: `smtp://127.0.0.1:${await closedPort()}`, from: 'pep-bot@la.example.org', logger: log.logger });
    expect(await mailer.sendLink(link)).toEqual({ sent: false, reason: 'the mail server could not be reached (ESOCKET)' });
    const lines = JSON.stringify(log.records());
    expect(lines).toContain('a secure-link email was not sent');
    expect(lines).not.toContain('chris@home.example.org');
    expect(lines).not.toContain(link.url);
    mailer.close();
  });
});
