import type { LinkEmail } from '../../app/link-sender.js';

/** What the email says: nothing about the child, the meeting or the school, only where to look. */
export interface LinkEmailContent {
  subject: string;
  text: string;
}

/**
 * Plain text only: an email is read on shared devices and sits in mailboxes for years, so it says
 * no more than that a message is waiting. No HTML means no tracking pixels and nothing to escape.
 */
export function linkEmailContent(email: Pick<LinkEmail, 'url' | 'expiresOn'>): LinkEmailContent {
  return {
    subject: 'You have a message from PEP Bot',
    text: [
      'Hello,',
      '',
      'You have a message from PEP Bot about a meeting. Open this link to read it and answer:',
      '',
      email.url,
      '',
      `The link is just for you, so please do not forward it. It works until ${email.expiresOn}.`,
      '',
      'If you were not expecting this email, you can ignore it.',
      '',
      'PEP Bot',
      '',
    ].join('\n'),
  };
}
