import type { Officer } from '../actor.js';
import { hasOversightRole } from '../actor.js';
import type { CommandContext } from '../context.js';
import { refuse } from '../errors.js';

/**
 * Reviewing plans and deciding Pupil Premium Plus is for the Virtual School's officers and head,
 * as the channel resolved them (CommandContext.officer); never for a meeting participant, even one
 * whose role in the meeting is "virtual school officer".
 */
export function requireReviewer(ctx: CommandContext, doing: string): Officer {
  if (!hasOversightRole(ctx.officer, 'virtual_school_officer', 'virtual_school_head')) {
    refuse('PERMISSION.NOT_OFFICER', `Only a Virtual School officer can ${doing}.`);
  }
  return ctx.officer;
}
