import type { CardName } from '../../cards/catalogue.js';
import { namedPersonLabel } from '../../cards/data/common.js';
import { MAX_REACH_ROWS, MAX_REASON } from '../../cards/data/reach-report.js';
import { shorten } from '../../cards/format.js';
import { localDate } from '../../domain/dates.js';
import type { LinkPurpose, Meeting } from '../../domain/model.js';
import type { OutboundCard } from '../../ports/messenger.js';
import type { ReachReport, Recipient } from '../reach-report.js';
import { childLabel, childTag, namedPerson, participant } from './people.js';

const OPENS: Record<LinkPurpose, string> = {
  invitation: 'their invitation to the PEP meeting',
  'carer-prompt': 'a few questions before the PEP meeting',
  'child-voice-prompt': 'their questions before the PEP meeting',
  'action-nudge': 'a reminder about an action they own',
  'contribution-request': 'a request for their contribution',
  plan: 'the written plan',
  evidence: "a request for the school's figures",
};

/** Each card as the organiser reads "… did not get <what>". */
const CARD_IN_WORDS: Record<CardName, string> = {
  'meeting-form': 'the new meeting form',
  invitation: 'their invitation',
  'attendance-summary': 'the attendance summary',
  'contribution-request': 'the request for their contribution',
  agenda: 'the agenda',
  'meeting-start': 'the meeting start card',
  'previous-actions': 'the review of the last actions',
  'live-actions': 'the list of actions agreed',
  'goal-form': 'the goal form',
  'action-nudge': 'a reminder about their action',
  'carer-prompt': "the carer's questions",
  'child-voice-prompt': 'their questions before the meeting',
  'plan-summary': 'the written plan',
  'reach-report': 'this list',
  'caseload-digest': 'the weekly caseload digest',
  handover: 'the handover to the new designated teacher',
  'attendance-record': 'the attendance record',
  'evidence-form': "the request for the school's figures",
  'evidence-flags': 'the flags raised by the evidence',
  error: 'a message',
  confirmation: 'a message',
  welcome: 'the welcome message',
  'qa-review': 'the plan to review',
  'qa-outcome': "the Virtual School's review of the plan",
  'funding-request': 'a Pupil Premium Plus request',
  'funding-outcome': 'news of a Pupil Premium Plus request',
  'transition-form': 'the transition section form',
};

const CHANNEL_NAMES = { teams: 'Teams', slack: 'Slack' } as const;

function recipientLabel(meeting: Meeting, to: Recipient): string {
  if (to.kind === 'chat') return `The meeting chat in ${CHANNEL_NAMES[to.channel]}`;
  if (to.kind === 'officer') return `Virtual School officer ${to.officerId}`;
  const person = meeting.participants.find((p) => p.id === to.participantId);
  return person ? namedPersonLabel(namedPerson(person)) : 'Someone no longer in this meeting';
}

/** The organiser's one card per meeting about who PEP Bot could not reach; the newest rows are kept. */
export function reachReportCard(meeting: Meeting, report: ReachReport): OutboundCard {
  const links = report.links.slice(-MAX_REACH_ROWS);
  const undelivered = report.undelivered.slice(-MAX_REACH_ROWS);
  return {
    name: 'reach-report',
    // The notification line names no one: the link may be the child's.
    text: undelivered.length > 0 ? `Some cards for ${childLabel(meeting)} were not delivered.` : `Links to pass on for ${childLabel(meeting)}.`,
    data: {
      meetingId: meeting.id,
      child: childTag(meeting),
      links: links.map(({ link, url, why }) => ({
        ...namedPerson(participant(meeting, link.participantId)),
        opens: OPENS[link.purpose],
        why: shorten(why, MAX_REASON),
        url,
        expiresOn: localDate(link.expiresAt, meeting.timeZone),
        singleUse: link.singleUse,
      })),
      undelivered: undelivered.map((u) => ({ who: recipientLabel(meeting, u.to), what: CARD_IN_WORDS[u.card], reason: shorten(u.reason, MAX_REASON) })),
      moreLinks: report.links.length - links.length,
      moreUndelivered: report.undelivered.length - undelivered.length,
    },
  };
}
