import type { ResolvedLink } from '../../app/secure-links.js';
import { escapeHtml, htmlPage } from './html-page.js';

/** Why a link does not open: the resolver's states, which say nothing about the meeting. */
export type LinkProblem = Extract<ResolvedLink, { ok: false }>['state'];

/** What a notice page says: what happened, and what to do next. */
export interface NoticeWords {
  title: string;
  explanation: string;
  next: string;
}

interface Words extends NoticeWords {
  status: number;
}

const ASK = 'ask the person who sent it to you (often a social worker) for a new one';

/** The same words for every meeting and every person, so a bad link gives nothing away. */
export const LINK_PROBLEMS: Record<LinkProblem, Words> = {
  unknown: {
    status: 404,
    title: 'This link does not work',
    explanation: 'It may have been copied without its end, or it may never have been a PEP Bot link.',
    next: `Open the link again from the message you were sent. If it still does not work, ${ASK}.`,
  },
  expired: {
    status: 410,
    title: 'This link has expired',
    explanation: 'PEP Bot links only work for a short time. This keeps your details safe.',
    next: `If you still need to answer, ${ASK}.`,
  },
  used: {
    status: 410,
    title: 'This link has already been used',
    explanation: 'Thank you: your answer was saved. Each link works once, to keep your information safe.',
    next: `If you want to change something, ${ASK}.`,
  },
  revoked: {
    status: 410,
    title: 'This link has been switched off',
    explanation: 'The person who sent it has switched it off.',
    next: `If you still need to answer, ${ASK}.`,
  },
};

/**
 * A plain page with no script and no form: just what happened and what to do next. It shares the
 * card page's stylesheet, so it looks like the rest of PEP Bot on a phone.
 */
export function renderNoticePage(words: NoticeWords, assetBaseUrl: string): string {
  return htmlPage({
    title: `PEP Bot: ${words.title.toLowerCase()}`,
    head: `<link rel="stylesheet" href="${escapeHtml(`${assetBaseUrl}/card-page.css`)}">`,
    body: `<main class="pep-page">
<p class="pep-brand">PEP Bot</p>
<div class="pep-notice-card">
<h1>${escapeHtml(words.title)}</h1>
<p>${escapeHtml(words.explanation)}</p>
<p>${escapeHtml(words.next)}</p>
</div>
</main>`,
  });
}

/** A link that does not open: the same page for every meeting, so it gives nothing away. */
export const renderLinkNotice = (problem: LinkProblem, assetBaseUrl: string): string => renderNoticePage(LINK_PROBLEMS[problem], assetBaseUrl);
