import { createHash } from 'node:crypto';
import { attendanceOrPrefill } from '../../domain/attendance-record.js';
import { localDate, writtenDay } from '../../domain/dates.js';
import type { Evidence } from '../../domain/evidence/evidence.js';
import type { EvidenceFlag } from '../../domain/evidence/evidence-flags.js';
import { trendOf } from '../../domain/evidence/evidence-trend.js';
import { flagInWords } from '../../domain/evidence/evidence-words.js';
import type { Meeting } from '../../domain/model.js';
import type { OutboundCard } from '../../ports/messenger.js';
import { REASON_SHOWN_MAX } from '../../cards/data/attendance-record.js';
import { MAX_PEOPLE } from '../../cards/data/common.js';
import { shorten } from '../../cards/format.js';
import type { FormState } from './preparation-cards.js';
import { childLabel, childTag, groupPerson, groupText, participant } from './people.js';

/** A fingerprint of who the attendance card lists, in order: a save after the list changed would pair statuses with the wrong people. */
export const rosterOf = (meeting: Meeting): string =>
  createHash('sha256')
    .update(meeting.participants.slice(0, MAX_PEOPLE).map((p) => p.id).join('\n'))
    .digest('hex')
    .slice(0, 12);

/** The organiser's attendance record, from the record kept or, until there is one, from the RSVPs. */
export function attendanceRecordCard(meeting: Meeting, form: FormState = {}): OutboundCard {
  const entries = new Map(attendanceOrPrefill(meeting).map((e) => [e.participantId, e]));
  return {
    name: 'attendance-record',
    text: `Record who attended the PEP meeting for ${childLabel(meeting)}.`,
    data: {
      meetingId: meeting.id,
      child: childTag(meeting),
      roster: rosterOf(meeting),
      recorded: meeting.attendance !== undefined,
      people: meeting.participants.slice(0, MAX_PEOPLE).map((p) => {
        const entry = entries.get(p.id);
        return { person: groupPerson(p), said: p.rsvp?.answer ?? 'no_answer', status: entry?.status ?? 'absent', reason: shorten(groupText(meeting, entry?.reason ?? ''), REASON_SHOWN_MAX) };
      }),
      values: form.values ?? {},
      errors: form.errors ?? [],
    },
  };
}

/** What a form shows of recorded figures, as its inputs hold them. */
const asValues = (evidence: Evidence): Record<string, unknown> => ({
  attendancePercent: evidence.attendancePercent,
  suspensionDays: evidence.suspensionDays,
  permanentlyExcluded: evidence.permanentlyExcluded ? 'yes' : 'no',
  ...Object.fromEntries(evidence.attainment.map((a) => [a.subject, a.level])),
});

/** Who recorded the figures, in words: a participant by name, an import as the school's system. */
function recorder(meeting: Meeting, evidence: Evidence): string {
  const person = meeting.participants.find((p) => p.id === evidence.recordedBy);
  return person ? person.name : 'the school';
}

/** The evidence form for the designated teacher (or the organiser): what is kept, or what they typed with the problems. */
export function evidenceFormCard(meeting: Meeting, participantId: string, form: FormState = {}): OutboundCard {
  const { evidence } = meeting;
  return {
    name: 'evidence-form',
    text: `Please enter this term's figures for the PEP of ${childLabel(meeting)}.`,
    data: {
      meetingId: meeting.id,
      child: childTag(meeting),
      recipientName: participant(meeting, participantId).name,
      entered: evidence && { term: evidence.term, by: recorder(meeting, evidence), at: evidence.at, source: evidence.source, timeZone: meeting.timeZone },
      values: form.values ?? (evidence ? asValues(evidence) : {}),
      errors: form.errors ?? [],
    },
  };
}

/**
 * Why the evidence flags the child, with each figure's move since the previous PEP: drawn from
 * the flags and the previous figures the change carried, so it says what was true when it was raised.
 */
export function evidenceFlagsCard(meeting: Meeting, flags: readonly EvidenceFlag[], previous: Evidence | undefined): OutboundCard {
  const current = meeting.evidence;
  const upcoming = ['draft', 'invited', 'agenda_agreed'].includes(meeting.status);
  return {
    name: 'evidence-flags',
    text: `The school's figures flag ${childLabel(meeting)}.`,
    data: {
      meetingId: meeting.id,
      child: childTag(meeting),
      term: current?.term ?? previous?.term ?? '',
      flags: flags.map(flagInWords),
      trend: previous && current ? trendOf([previous, current]).lines.map((l) => ({ label: l.label, text: l.text })) : [],
      nextMeetingText: upcoming ? ` on ${writtenDay(localDate(meeting.startsAt, meeting.timeZone))}` : '',
    },
  };
}
