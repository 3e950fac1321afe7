import { CreateMeetingSchema } from '../domain/commands.js';
import { createMeeting as decideCreate } from '../domain/create-meeting.js';
import type { Channel, Meeting } from '../domain/model.js';
import type { AppDeps } from './deps.js';
import { replanAfter } from './outbox/queue-follow-ups.js';
import { parseInput } from './parse-input.js';

export interface CreateMeetingRequest {
  command: unknown;
  channel: Channel;
}

export async function createMeeting(deps: AppDeps, request: CreateMeetingRequest): Promise<Meeting> {
  const command = parseInput(CreateMeetingSchema, request.command);
  const ctx = { channel: request.channel, at: deps.clock.now().toISOString(), newId: deps.newId };
  const change = decideCreate(command, ctx, deps.defaultTimeZone);
  await deps.store.createMeeting(change.meeting, { events: change.events, outbox: deps.outbox ? [replanAfter(change.meeting, ctx.at)] : [] });
  return change.meeting;
}
