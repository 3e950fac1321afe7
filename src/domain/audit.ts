import type { CommandContext } from './context.js';
import type { AuditEvent } from './model.js';

/** Who, when, what, through which channel. `summary` must never carry personal data. */
export function auditEvent(meetingId: string, type: string, summary: string, data: Record<string, unknown>, ctx: CommandContext): AuditEvent {
  return { id: ctx.newId(), meetingId, at: ctx.at, actorId: ctx.actorId, channel: ctx.channel, type, summary, data };
}
