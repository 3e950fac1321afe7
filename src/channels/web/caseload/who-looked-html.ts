import type { WhoLookedMeeting } from '../../../app/data-protection/who-looked.js';
import type { Officer } from '../../../domain/actor.js';
import { escapeHtml, htmlPage } from '../html-page.js';
import { signedInBar } from './caseload-html.js';
import { styleTag } from './caseload-style.js';

const meetingHtml = (meeting: WhoLookedMeeting): string =>
  `<h2>${escapeHtml(meeting.heading)}</h2>${
    meeting.lines.length === 0
      ? '<p>Nobody has opened this meeting’s plan or cards.</p>'
      : `<ul>${meeting.lines.map((l) => `<li><time>${escapeHtml(l.when)}</time>: ${escapeHtml(l.line)}</li>`).join('')}</ul>`
  }${meeting.audit ? `<p>${meeting.audit.verified ? '' : '<strong>'}${escapeHtml(meeting.audit.words)}${meeting.audit.verified ? '' : '</strong>'}</p>` : ''}`;

/** Every opening of a child's plans, secure-link cards and exports, meeting by meeting. */
export function renderWhoLookedPage(view: { officer: Officer; childRef: string; meetings: readonly WhoLookedMeeting[]; pagePath: string }): string {
  return htmlPage({
    title: 'PEP Bot: who has looked',
    head: styleTag(),
    body: `${signedInBar(view.officer, `${view.pagePath}/sign-out`)}
<main>
<h1>Who has looked at ${escapeHtml(view.childRef)}</h1>
${view.meetings.length === 0 ? '<p>No PEP meeting has this reference.</p>' : view.meetings.map(meetingHtml).join('\n')}
<p><a href="${escapeHtml(view.pagePath)}">Back to the caseload</a></p>
</main>`,
  });
}
