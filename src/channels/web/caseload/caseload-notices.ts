import { escapeHtml, htmlPage } from '../html-page.js';
import { styleTag } from './caseload-style.js';

/**
 * The caseload's pages that are not the caseload: why it cannot be shown, and what to do. None
 * says anything about a child.
 */
export interface NoticeWords {
  status: number;
  heading: string;
  text: string;
}

export const CASELOAD_NOTICES = {
  notSetUp: {
    status: 503,
    heading: 'Sign-in is not set up',
    text: 'The caseload needs the council’s sign-in. Ask whoever runs PEP Bot to set CASELOAD_OIDC_ISSUER, CASELOAD_OIDC_CLIENT_ID and CASELOAD_OIDC_CLIENT_SECRET (see docs/council-settings.md).',
  },
  refused: {
    status: 403,
    heading: 'You do not have access to the caseload',
    text: 'You signed in, but your account is not in a group the council has given access to the Virtual School caseload. If you need it, ask your Virtual School Head or IT service desk to add you to the right group, then sign in again.',
  },
  expired: {
    status: 400,
    heading: 'Sign-in did not finish',
    text: 'The sign-in took too long, or was started in another window. Please sign in again.',
  },
  failed: {
    status: 502,
    heading: 'Sign-in could not be completed',
    text: 'The council’s sign-in service did not confirm who you are. Please try again in a moment; if it keeps happening, tell your IT service desk.',
  },
  badFilter: {
    status: 400,
    heading: 'Those filters are not ones this page offers',
    text: 'Choose the filters from the lists on the caseload page.',
  },
  signedOut: {
    status: 200,
    heading: 'You have signed out of the caseload',
    text: 'Close this window, or sign in again to see the caseload.',
  },
  notDataProtectionOfficer: {
    status: 403,
    heading: 'Only a data protection officer can export what is held about a person',
    text: 'Subject access requests go through the council’s data protection officer. If you are handling one, ask for the data protection officer role.',
  },
  badPerson: {
    status: 400,
    heading: 'Whom is the request about?',
    text: 'Name the person by email, Slack user id, Teams user id or Entra object id, or the child by PEP reference.',
  },
  framed: {
    status: 200,
    heading: 'Virtual School caseload',
    text: 'Sign in with your council account to see the caseload. The sign-in opens in a new window, where the caseload is then shown.',
  },
} as const satisfies Record<string, NoticeWords>;

export function renderNotice(words: NoticeWords, link?: { href: string; text: string; newWindow?: boolean }): string {
  const target = link?.newWindow ? ' target="_blank" rel="noopener"' : '';
  const action = link ? `<p><a class="button-link" href="${escapeHtml(link.href)}"${target}>${escapeHtml(link.text)}</a></p>` : '';
  return htmlPage({
    title: `PEP Bot: ${words.heading}`,
    head: styleTag(),
    body: `<main class="notice"><h1>${escapeHtml(words.heading)}</h1><p>${escapeHtml(words.text)}</p>${action}</main>`,
  });
}
