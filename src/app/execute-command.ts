import type { Officer } from '../domain/actor.js';
import type { Alert, Change, CommandContext } from '../domain/context.js';
import type { MeetingCommand } from '../domain/commands.js';
import { MeetingCommandSchema } from '../domain/commands.js';
import { decide } from '../domain/decide.js';
import { isDomainError, refuse } from '../domain/errors.js';
import type { Channel, Meeting } from '../domain/model.js';
import type { OversightCommandType } from '../domain/oversight/decide-oversight.js';
import { decideOversight, OversightCommandSchema } from '../domain/oversight/decide-oversight.js';
import type { AppDeps } from './deps.js';
import { evidenceBaselineFor } from './evidence/evidence-baseline.js';
import type { OutboxMessage } from '../ports/outbox.js';
import { officersForChild } from './officers.js';
import { isForOfficers } from './outbox/plan-outgoing.js';
import { queueFollowUps, replanAfter } from './outbox/queue-follow-ups.js';
import { parseInput } from './parse-input.js';

export interface CommandRequest {
  meetingId: string;
  /** Unchecked: parsed here with the command schema. */
  command: unknown;
  actorId: string;
  channel: Channel;
  /** The Virtual School officer acting, as the channel resolved them (then actorId is officerActorId(officer)). */
  officer?: Officer;
  /** The channel's action/activity id plus the person: a retry or double-click applies once. */
  idempotencyKey?: string;
  /**
   * The meeting as the caller has just read it for this request: decided against as it is, not
   * read again. A version conflict reads the stored meeting afresh.
   */
  loaded?: Meeting;
}

/** A change as the channels see it once saved: what it was, and what it queued to send. */
export interface AppliedChange {
  meeting: Meeting;
  command: MeetingCommand['type'] | OversightCommandType;
  queued: OutboxMessage[];
}

export interface CommandResult {
  meeting: Meeting;
  alerts: Alert[];
  /** True when this request had already been applied and nothing changed now. */
  replayed: boolean;
  /** What the change queued to send: the reply can say what is on its way. */
  queued: OutboxMessage[];
}

/** Enough attempts for a room full of people clicking at once; more means something is wrong. */
const MAX_ATTEMPTS = 8;

/**
 * The one path by which a meeting changes: parse, decide, queue what it promises to send and the
 * re-plan of its reminders, and save it all at once with optimistic concurrency. Nothing else runs
 * before the caller has the result: the outbox does the rest once the person has their answer.
 * On a version conflict the command is decided again against the fresh meeting, so two people
 * answering at the same moment both keep their answer.
 */
export async function executeCommand(deps: AppDeps, request: CommandRequest): Promise<CommandResult> {
  const command = parseInput(MeetingCommandSchema, request.command);
  return applyChange(deps, request, command.type, (meeting, ctx) => decide(meeting, command, ctx), (meeting) => evidenceBaselineFor(deps, meeting, command));
}

/** The Virtual School's commands (quality review, Pupil Premium Plus): the same path, their own rules. */
export async function executeOversightCommand(deps: AppDeps, request: CommandRequest): Promise<CommandResult> {
  const command = parseInput(OversightCommandSchema, request.command);
  return applyChange(deps, request, command.type, (meeting, ctx) => decideOversight(meeting, command, ctx));
}

/** `prepare` reads what a rule needs from beyond the meeting (the previous PEP's evidence), before each attempt. */
async function applyChange(
  deps: AppDeps,
  request: CommandRequest,
  type: string,
  decideOn: (meeting: Meeting, ctx: CommandContext) => Change,
  prepare?: (meeting: Meeting) => Promise<CommandContext['evidenceBaseline']>,
): Promise<CommandResult> {
  let loaded = request.loaded?.id === request.meetingId ? request.loaded : undefined;
  for (let attempt = 1; ; attempt++) {
    if (request.idempotencyKey) {
      const seen = await deps.store.getIdempotency(request.idempotencyKey);
      if (seen) return { meeting: loaded ?? (await loadMeeting(deps, request.meetingId)), alerts: [], replayed: true, queued: [] };
    }
    const meeting = loaded ?? (await loadMeeting(deps, request.meetingId));
    loaded = undefined;
    const evidenceBaseline = await prepare?.(meeting);
    const ctx: CommandContext = { actorId: request.actorId, channel: request.channel, at: deps.clock.now().toISOString(), newId: deps.newId, ...(deps.calendar ? { schoolTerms: deps.calendar.terms } : {}), ...(request.officer ? { officer: request.officer } : {}), ...(evidenceBaseline ? { evidenceBaseline } : {}) };
    const decided = decideOn(meeting, ctx);
    const officers = deps.outbox && decided.alerts.some(isForOfficers) ? officersForChild(deps.officers ?? [], await deps.assignedOfficer?.(meeting)) : [];
    const { change, messages } = deps.outbox ? queueFollowUps(meeting, decided, ctx, deps.outbox, officers) : { change: decided, messages: [] };
    const idempotency = request.idempotencyKey
      ? { key: request.idempotencyKey, at: ctx.at, result: { meetingId: meeting.id, version: change.meeting.version, type } }
      : undefined;
    try {
      const outbox = deps.outbox ? [...messages, replanAfter(change.meeting, ctx.at)] : messages;
      await deps.store.saveMeeting(change.meeting, meeting.version, { events: change.events, idempotency, outbox });
      return { meeting: change.meeting, alerts: change.alerts, replayed: false, queued: messages };
    } catch (error) {
      if (!isDomainError(error) || error.code !== 'STORE.CONFLICT' || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}

export async function loadMeeting(deps: Pick<AppDeps, 'store'>, meetingId: string): Promise<Meeting> {
  const meeting = await deps.store.getMeeting(meetingId);
  if (!meeting) refuse('MEETING.NOT_FOUND', 'We could not find that PEP meeting. It may have been removed.', { meetingId });
  return meeting;
}
