import type { CancellationEmail, LinkEmail } from '../../app/link-sender.js';
import type { LinkPurpose } from '../../domain/model.js';
import { escapeHtml } from './html-page.js';

/** What an email says, as plain text and as HTML. */
export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

/**
 * An email is read on shared devices and sits in mailboxes for years, so it says what kind of
 * message is waiting and for which day, never whose meeting it is: no child, no school, no names
 * (the link opens the details). The HTML part says the same as the text, with no images or
 * remote content, so there is nothing to track and nothing to load.
 */
const WHAT: Record<LinkPurpose, { subject: (day: string) => string; lead: (day: string) => string }> = {
  invitation: {
    subject: (day) => `Invitation to a meeting on ${day} — please answer`,
    lead: (day) => `You are invited to a meeting on ${day}. Open this link to see the invitation and answer it:`,
  },
  'carer-prompt': {
    subject: (day) => `A few questions before the meeting on ${day}`,
    lead: (day) => `There are a few questions for you before the meeting on ${day}. Open this link to read and answer them:`,
  },
  'child-voice-prompt': {
    subject: (day) => `Your questions before the meeting on ${day}`,
    lead: (day) => `There are some questions for you before the meeting on ${day}. Open this link to read and answer them:`,
  },
  'action-nudge': {
    subject: (day) => `A reminder about something agreed at the meeting on ${day}`,
    lead: (day) => `This is a reminder about something agreed at the meeting on ${day}. Open this link to see it and say how it is going:`,
  },
  'contribution-request': {
    subject: (day) => `Please send your contribution for the meeting on ${day}`,
    lead: (day) => `You are asked for a contribution to the meeting on ${day}. Open this link to see what is asked and send it:`,
  },
  evidence: {
    subject: (day) => `Please send the school's figures for the meeting on ${day}`,
    lead: (day) => `You are asked for this term's attendance, exclusions and attainment for the meeting on ${day}. Open this link to enter them:`,
  },
  plan: {
    subject: (day) => `The written plan from the meeting on ${day}`,
    lead: (day) => `The written plan from the meeting on ${day} is ready. Open this link to read it:`,
  },
};

const FOOTER = ['If you were not expecting this email, you can ignore it.', 'PEP Bot'];

const paragraphs = (lines: readonly string[]): string => `${lines.join('\n\n')}\n`;

/** The paragraphs, with the link as a button after the `linkAfter`th. */
function html(paragraphs: readonly string[], link?: { url: string; label: string; linkAfter: number }): string {
  const body = paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`);
  if (link) body.splice(link.linkAfter, 0, `<p><a href="${escapeHtml(link.url)}" style="display:inline-block;padding:12px 20px;background:#1d4f91;color:#ffffff;text-decoration:underline;border-radius:4px">${escapeHtml(link.label)}</a></p><p>${escapeHtml(link.url)}</p>`);
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>PEP Bot</title></head><body style="font-family:sans-serif;font-size:16px;line-height:1.5">${body.join('')}</body></html>`;
}

export function linkEmailContent(email: Omit<LinkEmail, 'to'>): EmailContent {
  const what = WHAT[email.purpose];
  const lead = what.lead(email.meetingDay);
  const after = [
    ...(email.calendar ? ['The meeting is attached as a calendar invitation, so you can add it to your calendar.'] : []),
    `The link is just for you, so please do not forward it. It works until ${email.expiresOn}.`,
    ...FOOTER,
  ];
  return {
    subject: what.subject(email.meetingDay),
    text: paragraphs(['Hello,', lead, email.url, ...after]),
    html: html(['Hello,', lead, ...after], { url: email.url, label: 'Open your secure link', linkAfter: 2 }),
  };
}

export function cancellationEmailContent(email: Omit<CancellationEmail, 'to'>): EmailContent {
  const subject = `Cancelled: the meeting on ${email.meetingDay}`;
  const lines = [`The meeting on ${email.meetingDay} has been cancelled. The attached update takes it out of your calendar.`, ...FOOTER];
  return { subject, text: paragraphs(['Hello,', ...lines]), html: html(['Hello,', ...lines]) };
}
