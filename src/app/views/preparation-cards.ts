import { shorten } from '../../cards/format.js';
import { MAX_DECLINED_SHOWN } from '../../cards/data/agenda.js';
import { MAX_CARER_ANSWERS } from '../../cards/data/attendance-summary.js';
import { MAX_NAMED_READERS } from '../../cards/data/prompts.js';
import { localDate } from '../../domain/dates.js';
import type { Meeting } from '../../domain/model.js';
import type { OutboundCard } from '../../ports/messenger.js';
import { childVoiceSummary } from './child-voice.js';
import { childLabel, childTag, groupPerson, groupText, namedPerson, participant, timeFields } from './people.js';

/** What a re-shown form carries: the typed values and the problems to fix. */
export interface FormState {
  values?: Record<string, unknown>;
  errors?: string[];
}

export function invitationCard(meeting: Meeting, participantId: string, form: FormState = {}): OutboundCard {
  const person = participant(meeting, participantId);
  const organiser = participant(meeting, meeting.organiserId);
  return {
    name: 'invitation',
    text: person.role === 'child' ? 'You are invited to your PEP meeting.' : `You are invited to the PEP meeting for ${childLabel(meeting)}.`,
    data: {
      meetingId: meeting.id,
      participantId,
      child: childTag(meeting),
      recipientName: person.name,
      role: person.role,
      organiserName: organiser.name,
      purpose: meeting.purpose,
      ...timeFields(meeting),
      location: meeting.location,
      answer: person.rsvp?.answer,
      values: form.values ?? { note: person.rsvp?.note ?? '' },
      errors: form.errors ?? [],
    },
  };
}

export interface Unreachable {
  participantId: string;
  reason: string;
}

/** A delivery failure reason as the card takes it: reasons that combine a link and a chat failure run long. */
const MAX_REASON = 300;

export function attendanceSummaryCard(meeting: Meeting, unreachable: readonly Unreachable[] = [], form: FormState = {}): OutboundCard {
  return {
    name: 'attendance-summary',
    text: `Attendance for the PEP meeting for ${childLabel(meeting)}.`,
    data: {
      meetingId: meeting.id,
      child: childTag(meeting),
      ...timeFields(meeting),
      participants: meeting.participants.map((p) => ({ ...namedPerson(p), answer: p.rsvp?.answer ?? 'no_answer', note: p.rsvp?.note })),
      unreachable: unreachable.map((u) => ({ ...namedPerson(participant(meeting, u.participantId)), reason: shorten(u.reason, MAX_REASON) })),
      carerAnswers: meeting.prompts.flatMap((p) =>
        p.answer?.kind === 'carer' ? [{ name: participant(meeting, p.participantId).name, mood: p.answer.mood, toRaise: p.answer.toRaise, freeText: p.answer.freeText }] : [],
      ).slice(-MAX_CARER_ANSWERS),
      values: form.values ?? {},
      errors: form.errors ?? [],
    },
  };
}

/** The group card shows what the child said, attributed by initials (the card adds them). */
function childVoiceOnAgenda(meeting: Meeting) {
  const voice = childVoiceSummary(meeting);
  return voice && { feeling: voice.feeling, goingWell: voice.goingWell, hard: voice.hard, want: voice.want };
}

/** The agenda as the group chat sees it; `confirmLock` is the organiser's own copy asking before locking. */
export function agendaCard(meeting: Meeting, form: FormState = {}, options: { confirmLock?: boolean } = {}): OutboundCard {
  const { agenda } = meeting;
  const signed = new Set(agenda.signOffs.map((s) => s.participantId));
  // Someone removed from the meeting after suggesting still has their suggestion shown.
  const suggestedBy = (addedBy: string) => {
    const person = meeting.participants.find((p) => p.id === addedBy);
    return person ? groupPerson(person) : { role: 'other' as const, name: 'someone no longer invited' };
  };
  const declined = agenda.declined ?? [];
  return {
    name: 'agenda',
    text: `Agenda for the PEP meeting for ${childLabel(meeting)}${agenda.lockedAt ? ' (agreed)' : ': please sign off'}.`,
    data: {
      meetingId: meeting.id,
      child: childTag(meeting),
      ...timeFields(meeting),
      items: agenda.items.filter((item) => !item.suggested).map((item) => ({ id: item.id, title: groupText(meeting, item.title) })),
      suggestions: agenda.items.filter((item) => item.suggested).map((item) => ({ id: item.id, title: groupText(meeting, item.title), suggestedBy: suggestedBy(item.addedBy) })),
      declined: declined.slice(-MAX_DECLINED_SHOWN).map((item) => ({ title: groupText(meeting, item.title), suggestedBy: suggestedBy(item.addedBy) })),
      declinedEarlier: Math.max(0, declined.length - MAX_DECLINED_SHOWN),
      signedBy: meeting.participants.filter((p) => signed.has(p.id)).map(groupPerson),
      waitingFor: agenda.lockedAt ? [] : meeting.participants.filter((p) => !signed.has(p.id)).map(groupPerson),
      locked: agenda.lockedAt !== undefined,
      confirmLock: options.confirmLock ?? false,
      childVoice: childVoiceOnAgenda(meeting),
      values: form.values ?? {},
      errors: form.errors ?? [],
    },
  };
}

export function contributionRequestCard(meeting: Meeting, contributionId: string, form: FormState = {}): OutboundCard {
  const request = meeting.contributions.find((c) => c.id === contributionId);
  if (!request) throw new Error(`contribution ${contributionId} is not in meeting ${meeting.id}`);
  return {
    name: 'contribution-request',
    text: `Please send your contribution for the PEP meeting for ${childLabel(meeting)}.`,
    data: {
      meetingId: meeting.id,
      contributionId,
      child: childTag(meeting),
      kind: request.kind,
      recipientName: participant(meeting, request.participantId).name,
      dueDate: request.dueAt ? localDate(request.dueAt, meeting.timeZone) : undefined,
      values: form.values ?? { ...request.content },
      errors: form.errors ?? [],
    },
  };
}

/** The adults who will read what the child writes, named when there are few enough to list. */
function readersOf(meeting: Meeting) {
  const adults = meeting.participants.flatMap((p) => (p.role === 'child' ? [] : [{ name: p.name, role: p.role }]));
  return adults.length <= MAX_NAMED_READERS ? adults : [];
}

export function promptCard(meeting: Meeting, promptId: string, form: FormState = {}): OutboundCard {
  const prompt = meeting.prompts.find((p) => p.id === promptId);
  if (!prompt) throw new Error(`prompt ${promptId} is not in meeting ${meeting.id}`);
  const person = participant(meeting, prompt.participantId);
  const { kind: _kind, ...previous } = prompt.answer ?? { kind: prompt.kind };
  const values = form.values ?? previous;
  if (prompt.kind === 'carer') {
    return {
      name: 'carer-prompt',
      text: `A few questions before the PEP meeting for ${childLabel(meeting)}.`,
      data: { meetingId: meeting.id, promptId, child: childTag(meeting), recipientName: person.name, values, errors: form.errors ?? [] },
    };
  }
  return {
    name: 'child-voice-prompt',
    text: 'What do you think? Your views matter for your plan.',
    data: {
      meetingId: meeting.id,
      promptId,
      name: person.name.split(' ')[0],
      yearGroup: meeting.child.yearGroup,
      readers: readersOf(meeting),
      values,
      errors: form.errors ?? [],
    },
  };
}

/** The organiser's new-meeting form, empty or re-shown with what they typed and what to fix. */
export function meetingFormCard(form: FormState = {}): OutboundCard {
  return { name: 'meeting-form', text: 'Create a PEP meeting and send the invitations.', data: { values: form.values ?? {}, errors: form.errors ?? [] } };
}
