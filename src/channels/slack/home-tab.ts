import type { SlackBlock } from '../../cards/index.js';
import { formatDay, formatMeetingTime, shorten } from '../../cards/format.js';
import { ACTION_STATUS_LABELS, RSVP_LABELS } from '../../cards/data/labels.js';
import { escapeMrkdwn } from '../../cards/slack-text.js';
import { byInstant, localDate } from '../../domain/dates.js';
import { STATUS_LABELS } from '../../domain/lifecycle.js';
import type { Action, Meeting, Participant } from '../../domain/model.js';
import { ROLE_LABELS } from '../../domain/roles.js';

export interface HomeView {
  type: 'home';
  blocks: SlackBlock[];
}

const UPCOMING: ReadonlySet<Meeting['status']> = new Set(['draft', 'invited', 'agenda_agreed', 'in_progress']);
/** A Home tab holds 100 blocks: the lists stop well before, and say how many more there are. */
const MAX_MEETINGS = 20;
const MAX_ACTIONS = 40;

const section = (text: string): SlackBlock => ({ type: 'section', text: { type: 'mrkdwn', text } });
const context = (text: string): SlackBlock => ({ type: 'context', elements: [{ type: 'mrkdwn', text }] });
const header = (text: string): SlackBlock => ({ type: 'header', text: { type: 'plain_text', text } });
/** The child as every chat knows them: initials and PEP reference, nothing more. */
const childTag = (meeting: Meeting): string => `${meeting.child.initials} · ${meeting.child.ref}`;

function meetingRow(meeting: Meeting, me: Participant): SlackBlock {
  const when = formatMeetingTime(meeting.startsAt, meeting.durationMinutes, meeting.timeZone);
  const answer = RSVP_LABELS[me.rsvp?.answer ?? 'no_answer'];
  const role = meeting.organiserId === me.id ? 'organiser' : ROLE_LABELS[me.role].toLowerCase();
  return section(`*${escapeMrkdwn(childTag(meeting))}*\n${escapeMrkdwn(when)}\nStatus: ${STATUS_LABELS[meeting.status]} · you: ${role}, ${answer.toLowerCase()}`);
}

function actionRow(meeting: Meeting, action: Action, today: string): SlackBlock {
  const overdue = action.dueDate < today ? ' · ⚠️ overdue' : '';
  const status = ACTION_STATUS_LABELS[action.status].toLowerCase();
  return section(`*${escapeMrkdwn(shorten(action.description, 200))}*\nDue ${formatDay(action.dueDate)}${overdue} · ${status} · ${escapeMrkdwn(childTag(meeting))}`);
}

const more = (count: number, shown: number, what: string): SlackBlock[] => (count > shown ? [context(`and ${count - shown} more ${what}.`)] : []);

/**
 * The App Home for one person: their upcoming PEP meetings and the open actions they own, with
 * due dates. Built from the same meeting data as the cards, and like them it names the child only
 * by initials and PEP reference.
 */
export function homeView(meetings: readonly Meeting[], slackUserId: string, now: Date): HomeView {
  const mine = meetings.flatMap((meeting) => {
    const me = meeting.participants.find((p) => p.slackUserId === slackUserId);
    return me ? [{ meeting, me }] : [];
  });
  const upcoming = mine.filter(({ meeting }) => UPCOMING.has(meeting.status)).sort((a, b) => byInstant(a.meeting.startsAt, b.meeting.startsAt));
  const actions = mine
    .filter(({ meeting }) => meeting.status !== 'cancelled')
    .flatMap(({ meeting, me }) => meeting.actions.filter((a) => a.ownerId === me.id && a.status !== 'done').map((action) => ({ meeting, action })))
    .sort((a, b) => byInstant(a.action.dueAt, b.action.dueAt));
  const today = (meeting: Meeting) => localDate(now.toISOString(), meeting.timeZone);

  return {
    type: 'home',
    blocks: [
      header('Your PEP meetings'),
      ...(upcoming.length === 0 ? [section('You have no upcoming PEP meetings.')] : upcoming.slice(0, MAX_MEETINGS).map(({ meeting, me }) => meetingRow(meeting, me))),
      ...more(upcoming.length, MAX_MEETINGS, 'meetings'),
      header('Your open actions'),
      ...(actions.length === 0 ? [section('You have no open actions.')] : actions.slice(0, MAX_ACTIONS).map(({ meeting, action }) => actionRow(meeting, action, today(meeting)))),
      ...more(actions.length, MAX_ACTIONS, 'actions'),
      context('Type `/pep help` in any chat for the commands; `/pep new` creates a PEP meeting.'),
    ],
  };
}
