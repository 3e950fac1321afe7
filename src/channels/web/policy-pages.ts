import { Router } from 'express';
import { escapeHtml, htmlPage } from './html-page.js';
import { securityHeaders } from './security-headers.js';

/**
 * The privacy notice and terms the Teams manifest links to (PUBLIC_BASE_URL/privacy and /terms).
 * Plain words for carers as much as for information governance leads; the organisation running
 * PEP Bot remains the data controller and adds its own contact details to its own copy.
 */
const PAGES: Record<'privacy' | 'terms', { title: string; paragraphs: string[] }> = {
  privacy: {
    title: 'PEP Bot privacy notice',
    paragraphs: [
      'PEP Bot helps professionals, carers and children run Personal Education Plan (PEP) meetings. It is run by the local authority or school that invited you, which decides how long records are kept and answers questions about them.',
      'What we keep: the meeting (date, place, who is invited and in which role), answers to invitations, agenda sign-offs, notes, goals, actions and their deadlines, answers to the carer and child questions, and the written plan. Every change is recorded with who made it, when and how.',
      'Who sees it: only the people invited to the meeting. Group and meeting chats show the child only by initials and a PEP reference. Full details appear only in direct messages and in the plan links sent to each participant.',
      'Secure links are tied to one person and one card, expire, can be switched off by the organiser, and are stored only in a form that cannot be turned back into the link. Emails never name the child.',
      'Logs leave out names, email addresses and anything typed. Data is kept in the organisation’s own database and is not used for anything else.',
    ],
  },
  terms: {
    title: 'PEP Bot terms of use',
    paragraphs: [
      'PEP Bot is for people invited to a PEP meeting by the organisation that runs it. Use it only for that meeting, and only for yourself: do not answer cards or use links meant for someone else.',
      'What you write becomes part of the child’s education record. Keep it factual and respectful, and share secure links only with the person they were sent for.',
      'If you think something is wrong in the record, or a link reached the wrong person, tell the meeting organiser straight away.',
    ],
  },
};

export function policyPages(options: { https: boolean; basePath: string }): { path: string; router: Router } {
  const router = Router();
  router.use(['/privacy', '/terms'], securityHeaders(options));
  const stylesheet = `<link rel="stylesheet" href="${escapeHtml(`${options.basePath}/web/assets/card-page.css`)}">`;
  for (const [name, page] of Object.entries(PAGES)) {
    router.get(`/${name}`, (_req, res) => {
      const body = `<main class="pep-page"><h1>${escapeHtml(page.title)}</h1>${page.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}</main>`;
      res.type('html').send(htmlPage({ title: page.title, head: stylesheet, body }));
    });
  }
  return { path: '/', router };
}
