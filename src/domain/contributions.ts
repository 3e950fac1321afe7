import type { CommandOf } from './commands.js';
import type { CommandContext, Outcome } from './context.js';
import { refuse } from './errors.js';
import { BEFORE_MEETING, requireStatus } from './lifecycle.js';
import type { Contribution, ContributionKind, Meeting, Participant } from './model.js';
import { requireAddressee, requireOrganiser } from './permissions.js';
import { findParticipant } from './participants.js';
import type { Role } from './roles.js';

const KIND_BY_ROLE: Partial<Record<Role, ContributionKind>> = {
  designated_teacher: 'school',
  senco: 'school',
  carer: 'carer',
};

export const contributionKindFor = (role: Role): ContributionKind => KIND_BY_ROLE[role] ?? 'other';

/** Someone who cannot attend sends a written contribution instead: open the request once. */
export function requestContributionFor(meeting: Meeting, participant: Participant, ctx: CommandContext): Contribution | undefined {
  if (meeting.contributions.some((c) => c.participantId === participant.id)) return undefined;
  const contribution: Contribution = {
    id: ctx.newId(),
    participantId: participant.id,
    kind: contributionKindFor(participant.role),
    dueAt: meeting.startsAt,
    requestedAt: ctx.at,
    status: 'requested',
  };
  meeting.contributions.push(contribution);
  return contribution;
}

export function requestContribution(meeting: Meeting, command: CommandOf<'requestContribution'>, ctx: CommandContext): Outcome {
  requireOrganiser(meeting, ctx, 'request contributions');
  requireStatus(meeting, BEFORE_MEETING, 'request contributions');
  findParticipant(meeting, command.participantId);
  const id = ctx.newId();
  meeting.contributions.push({
    id,
    participantId: command.participantId,
    kind: command.kind,
    dueAt: command.dueAt ?? meeting.startsAt,
    requestedAt: ctx.at,
    status: 'requested',
  });
  return {
    summary: `Contribution requested (${command.kind})`,
    alerts: [{ kind: 'contribution_requested', contributionId: id, participantId: command.participantId }],
  };
}

/** A contribution can be corrected until the call starts; the latest version counts. */
export function submitContribution(meeting: Meeting, command: CommandOf<'submitContribution'>, ctx: CommandContext): Outcome {
  const contribution = meeting.contributions.find((c) => c.id === command.contributionId);
  if (!contribution) refuse('CONTRIBUTION.NOT_FOUND', 'That contribution request no longer exists.');
  requireAddressee(ctx, contribution.participantId, 'contribution request');
  requireStatus(meeting, BEFORE_MEETING, 'submit a contribution');
  contribution.status = 'submitted';
  contribution.submittedAt = ctx.at;
  contribution.content = command.content;
  return { summary: `Contribution submitted (${contribution.kind})` };
}
