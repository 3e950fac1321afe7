import nodemailer from 'nodemailer';
import type { LinkEmail, LinkMailer, MailResult } from '../../app/link-sender.js';
import type { Logger } from '../../observability/logger.js';
import { linkEmailContent } from './link-email.js';

export interface SmtpMailer extends LinkMailer {
  /** Closes pooled connections at shutdown. */
  close(): void;
}

/** Bounded waits, so a silent mail server delays a fan-out by seconds, not minutes. */
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 };

/** What the organiser is told when an email fails: the server's code, never the address or the link. */
function failureReason(error: unknown): string {
  const { responseCode, code } = (typeof error === 'object' && error !== null ? error : {}) as { responseCode?: unknown; code?: unknown };
  if (typeof responseCode === 'number') return `the mail server refused it (${responseCode})`;
  return `the mail server could not be reached${typeof code === 'string' ? ` (${code})` : ''}`;
}

/** Link emails over SMTP with nodemailer. A failure is returned as a reason, and logged without personal data. */
export function createSmtpMailer(options: { smtpUrl: string; from: string; logger: Logger }): SmtpMailer {
  const transport = nodemailer.createTransport({ url: options.smtpUrl, ...TIMEOUTS });
  return {
    async sendLink(email: LinkEmail): Promise<MailResult> {
      const content = linkEmailContent(email);
      try {
        await transport.sendMail({ from: options.from, to: email.to, subject: content.subject, text: content.text, headers: { 'Auto-Submitted': 'auto-generated' } });
        return { sent: true };
      } catch (error) {
        const reason = failureReason(error);
        options.logger.warn({ reason }, 'a secure-link email was not sent');
        return { sent: false, reason };
      }
    },
    close: () => transport.close(),
  };
}
