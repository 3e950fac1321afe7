import type { NewParticipant } from './commands.js';
import type { CommandContext, Outcome } from './context.js';
import { refuse } from './errors.js';
import { BEFORE_MEETING, requireStatus } from './lifecycle.js';
import type { Meeting, Participant } from './model.js';
import { requireOrganiser } from './permissions.js';

/** "Jo de la Cruz" → "JD": group chats show initials only, so everyone needs some. */
export function initialsOf(name: string): string {
  const letters = name
    .split(/[\s-]+/)
    .filter((part) => /^\p{Lu}/u.test(part) || part.length > 3)
    .map((part) => part.normalize('NFD').replace(/[^A-Za-z]/g, '').charAt(0).toUpperCase())
    .filter(Boolean);
  const picked = letters.length > 2 ? [letters[0], letters[letters.length - 1]] : letters;
  return picked.join('') || 'X';
}

export function buildParticipant(input: NewParticipant, id: string): Participant {
  return {
    id,
    name: input.name,
    initials: input.initials ?? initialsOf(input.name),
    role: input.role,
    email: input.email,
    teamsUserId: input.teamsUserId,
    teamsAadObjectId: input.teamsAadObjectId,
    slackUserId: input.slackUserId,
    preferredChannel: input.preferredChannel,
  };
}

export function findParticipant(meeting: Meeting, participantId: string): Participant {
  const participant = meeting.participants.find((p) => p.id === participantId);
  if (!participant) refuse('PARTICIPANT.NOT_FOUND', 'That person is not a participant of this meeting.', { participantId });
  return participant;
}

/** Two entries for one person would split their answers, so any shared identity is a duplicate. */
export function refuseDuplicate(existing: readonly Participant[], candidate: Participant): void {
  const same = (a?: string, b?: string) => a !== undefined && a === b;
  const clash = existing.find(
    (p) =>
      same(p.email, candidate.email) ||
      same(p.teamsUserId, candidate.teamsUserId) ||
      same(p.teamsAadObjectId, candidate.teamsAadObjectId) ||
      same(p.slackUserId, candidate.slackUserId),
  );
  if (clash) refuse('PARTICIPANT.DUPLICATE', 'That person is already a participant of this meeting.', { participantId: clash.id });
}

export function addParticipant(meeting: Meeting, input: NewParticipant, ctx: CommandContext): Outcome {
  requireOrganiser(meeting, ctx, 'add participants');
  requireStatus(meeting, ['draft', ...BEFORE_MEETING], 'add participants');
  const participant = buildParticipant(input, ctx.newId());
  refuseDuplicate(meeting.participants, participant);
  meeting.participants.push(participant);
  if (meeting.status === 'draft') return { summary: `Participant added (${participant.role})` };
  participant.invitedAt = ctx.at;
  return {
    summary: `Participant added and invited (${participant.role})`,
    alerts: [{ kind: 'invite', participantIds: [participant.id] }],
  };
}

export function removeParticipant(meeting: Meeting, participantId: string, ctx: CommandContext): Outcome {
  requireOrganiser(meeting, ctx, 'remove participants');
  requireStatus(meeting, ['draft', ...BEFORE_MEETING], 'remove participants');
  const participant = findParticipant(meeting, participantId);
  if (participant.id === meeting.organiserId) refuse('PARTICIPANT.IS_ORGANISER', 'The organiser cannot be removed from their own meeting.');
  meeting.participants = meeting.participants.filter((p) => p.id !== participantId);
  meeting.agenda.signOffs = meeting.agenda.signOffs.filter((s) => s.participantId !== participantId);
  return { summary: `Participant removed (${participant.role})` };
}
