import { DateTime } from 'luxon';
import type { z } from 'zod';
import type { VERBS } from '../cards/verbs.js';
import { parseCardAction } from '../cards/verbs.js';
import type { NewParticipant } from '../domain/commands.js';
import { DomainError, isDomainError } from '../domain/errors.js';
import type { Channel, Meeting } from '../domain/model.js';
import { ROLES } from '../domain/roles.js';
import { createMeeting } from './create-meeting.js';
import type { AppDeps } from './deps.js';
import type { AppliedChange } from './execute-command.js';
import { executeCommand } from './execute-command.js';
import type { OutboundCard } from '../ports/messenger.js';
import { queuedInWords } from './outbox/queued-words.js';
import { confirmationCard } from './views/message-cards.js';
import { childLabel } from './views/people.js';
import { meetingFormCard } from './views/preparation-cards.js';

export type MeetingForm = z.output<(typeof VERBS)['meeting.create']>;

/** The organiser as their channel knows them: the identity comes from the platform, not the form. */
export type Organiser = Omit<NewParticipant, 'role'>;

/**
 * The channel's directory: a person typed on the form as name and email, with the account the
 * channel knows for that email added (Slack: users.lookupByEmail), so their invitation can reach
 * them there and their clicks find them. Returns the person unchanged when the channel has none.
 */
export type IdentifyParticipant = (participant: NewParticipant) => Promise<NewParticipant>;

/**
 * "Dana Teacher, dana@school.example.org, designated_teacher" — one participant a line. The email
 * may be left out for the child or a carer with no account: they will get a secure web link.
 */
export function parseParticipantLines(text: string): { participants: NewParticipant[]; problems: string[] } {
  const participants: NewParticipant[] = [];
  const problems: string[] = [];
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .forEach((line, index) => {
      const parts = line.split(',').map((p) => p.trim());
      const name = parts[0] ?? '';
      const role = (parts.at(-1) ?? '').toLowerCase().replace(/\s+/g, '_');
      const email = parts.length === 3 ? parts[1] : undefined;
      if (!name || parts.length < 2 || parts.length > 3) problems.push(`Line ${index + 1} ("${line}"): write name, email, role.`);
      else if (!(ROLES as readonly string[]).includes(role)) problems.push(`Line ${index + 1}: "${parts.at(-1)}" is not a role. Use one of: ${ROLES.join(', ')}.`);
      else participants.push({ name, role: role as NewParticipant['role'], email });
    });
  if (participants.length === 0 && problems.length === 0) problems.push('Add at least one participant.');
  return { participants, problems };
}

/**
 * Creates the meeting from the organiser's form and sends the invitations straight away, which is
 * what the form's one button promises. Every problem is reported at once, with the input kept.
 */
export async function createMeetingFromForm(
  deps: AppDeps,
  request: { form: MeetingForm; organiser: Organiser; channel: Channel; identify?: IdentifyParticipant },
): Promise<{ meeting: Meeting; change: AppliedChange }> {
  const { form } = request;
  const { participants, problems } = parseParticipantLines(form.participants);
  const start = DateTime.fromISO(`${form.date}T${form.time}`, { zone: deps.defaultTimeZone });
  if (!start.isValid) problems.push('Choose a valid date and start time.');
  if (!form.place && !form.onlineUrl) problems.push('Say where the meeting is: a place, or an online meeting link.');
  if (problems.length > 0) throw new DomainError('VALIDATION.INVALID_INPUT', `Some answers need another look. ${problems.join(' ')}`, { problems, input: form });
  const { identify } = request;
  const identified = identify ? await Promise.all(participants.map((p) => identify(p))) : participants;

  const meeting = await createMeeting(deps, {
    channel: request.channel,
    command: {
      type: 'createMeeting',
      child: { ref: form.childRef.toUpperCase(), initials: form.childInitials.toUpperCase(), yearGroup: form.yearGroup },
      startsAt: start.toUTC().toISO({ suppressMilliseconds: true }),
      durationMinutes: form.durationMinutes,
      location: form.onlineUrl ? { kind: 'online', url: form.onlineUrl } : { kind: 'in_person', place: form.place },
      organiser: { ...request.organiser, role: form.organiserRole },
      participants: identified,
    },
  });
  const invited = await executeCommand(deps, { meetingId: meeting.id, command: { type: 'sendInvitations' }, actorId: meeting.organiserId, channel: request.channel });
  return {
    meeting: invited.meeting,
    change: { meeting: invited.meeting, command: 'sendInvitations', queued: invited.queued },
  };
}

/**
 * The form's button on any channel: the new meeting and its invitations, or the same form again
 * with every problem listed and what was typed kept.
 */
export async function submitMeetingForm(
  deps: AppDeps,
  request: { payload: Record<string, unknown>; organiser: Organiser; channel: Channel; identify?: IdentifyParticipant },
): Promise<{ card: OutboundCard; change?: AppliedChange }> {
  const reshow = (problems: string[]) => ({ card: meetingFormCard({ values: formValues(request.payload), errors: problems.slice(0, 10) }) });
  const parsed = parseCardAction('meeting.create', request.payload);
  if (!parsed.ok) return reshow(parsed.problems.map((p) => p.message));
  if (parsed.submission.verb !== 'meeting.create') throw new Error('unreachable: parsed as another verb');
  try {
    const { meeting, change } = await createMeetingFromForm(deps, {
      form: parsed.submission.data,
      organiser: request.organiser,
      channel: request.channel,
      identify: request.identify,
    });
    return {
      card: confirmationCard(
        'Invitations on their way',
        `The PEP meeting for ${childLabel(meeting)} is created. ${queuedInWords(change.queued, 'invitation')} Your attendance summary follows; anyone PEP Bot cannot reach will be listed on your card, with the reason.`,
      ),
      change,
    };
  } catch (error) {
    if (!isDomainError(error)) throw error;
    const problems = Array.isArray(error.details.problems) ? error.details.problems.map((p) => (typeof p === 'string' ? p : JSON.stringify(p))) : [error.message];
    return reshow(problems);
  }
}

/** Only the form's own fields go back into it, as text. */
function formValues(payload: Record<string, unknown>): Record<string, string> {
  const fields = ['childRef', 'childInitials', 'yearGroup', 'date', 'time', 'durationMinutes', 'place', 'onlineUrl', 'organiserRole', 'participants'];
  return Object.fromEntries(fields.filter((f) => payload[f] !== undefined && payload[f] !== null).map((f) => [f, String(payload[f])]));
}
