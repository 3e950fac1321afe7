import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One email as the SMTP server received it: read its parts with readEmail (read-email.ts). */
export interface ReceivedEmail {
  from: string;
  to: string[];
  /** The top-level headers, as sent. */
  headers: string;
  /** The message as it came over the wire. */
  raw: Buffer;
}

export interface SmtpSink {
  /** smtp://127.0.0.1:<port>, for SMTP_URL. */
  url: string;
  received: ReceivedEmail[];
  /** Resolves with the next email to arrive (or one that already has, from the given index on). */
  nextEmail(after?: number): Promise<ReceivedEmail>;
  close(): Promise<void>;
}

function parse(raw: Buffer, from: string, to: string[]): ReceivedEmail {
  const text = raw.toString('utf8');
  return { from, to, headers: text.slice(0, text.indexOf('\r\n\r\n')), raw };
}

/** A real SMTP server (smtp-server) on loopback: plain SMTP, no AUTH, keeps every message it gets. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const received: ReceivedEmail[] = [];
  const waiting: (() => void)[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        received.push(parse(Buffer.concat(chunks), from, session.envelope.rcptTo.map((r) => r.address)));
        waiting.splice(0).forEach((wake) => wake());
        callback();
      });
    },
  });
  server.listen(0, '127.0.0.1');
  await once(server.server, 'listening');
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    async nextEmail(after = received.length) {
      while (received.length <= after) await new Promise<void>((resolve) => waiting.push(resolve));
      return received[after]!;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
