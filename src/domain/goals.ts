import type { CommandOf } from './commands.js';
import type { CommandContext, Outcome } from './context.js';
import { localDate } from './dates.js';
import type { ErrorCode } from './errors.js';
import { refuse } from './errors.js';
import { requireStatus } from './lifecycle.js';
import type { Goal, Meeting } from './model.js';
import { actingParticipant } from './permissions.js';

const SMART_PARTS = [
  { field: 'specific', code: 'SMART.MISSING_SPECIFIC', ask: 'what exactly the child will do (Specific)' },
  { field: 'measurable', code: 'SMART.MISSING_MEASURE', ask: 'how we will know it has happened (Measurable)' },
  { field: 'achievable', code: 'SMART.MISSING_ACHIEVABLE', ask: 'why it is realistic for the child (Achievable)' },
  { field: 'relevant', code: 'SMART.MISSING_RELEVANT', ask: "why it matters for the child's education (Relevant)" },
  { field: 'timeBound', code: 'SMART.MISSING_TIME', ask: 'the date it should be done by (Time-bound)' },
] as const satisfies readonly { field: keyof Goal; code: ErrorCode; ask: string }[];

export type SmartField = (typeof SMART_PARTS)[number]['field'];

/** The parts a draft goal still lacks, in S-M-A-R-T order. */
export function missingSmartParts(draft: Partial<Record<SmartField, string | undefined>>): SmartField[] {
  return SMART_PARTS.filter((part) => !draft[part.field]?.trim()).map((part) => part.field);
}

/** Refuses a goal unless all five parts are there, naming every missing one in plain words. */
export function completeSmart(draft: Partial<Record<SmartField, string | undefined>>, today: string): Record<SmartField, string> {
  const missing = SMART_PARTS.filter((part) => !draft[part.field]?.trim());
  const first = missing[0];
  if (first) {
    refuse(first.code, `This goal is not SMART yet. Please add ${missing.map((m) => m.ask).join('; ')}.`, {
      missing: missing.map((m) => m.field),
    });
  }
  if (draft.timeBound && draft.timeBound <= today) {
    refuse('SMART.MISSING_TIME', 'The goal\'s "by when" date must be in the future (Time-bound).', { missing: ['timeBound'] });
  }
  const part = (field: SmartField) => draft[field]?.trim() ?? '';
  return {
    specific: part('specific'),
    measurable: part('measurable'),
    achievable: part('achievable'),
    relevant: part('relevant'),
    timeBound: part('timeBound'),
  };
}

export function addGoal(meeting: Meeting, command: CommandOf<'addGoal'>, ctx: CommandContext): Outcome {
  actingParticipant(meeting, ctx);
  requireStatus(meeting, ['in_progress'], 'set goals');
  const smart = completeSmart(command, localDate(ctx.at, meeting.timeZone));
  meeting.goals.push({
    id: ctx.newId(),
    title: command.title,
    ...smart,
    agendaItemId: command.agendaItemId,
    createdBy: ctx.actorId,
    createdAt: ctx.at,
  });
  return { summary: `SMART goal added (by ${smart.timeBound})` };
}

export function linkResource(meeting: Meeting, command: CommandOf<'linkResource'>, ctx: CommandContext): Outcome {
  actingParticipant(meeting, ctx);
  requireStatus(meeting, ['in_progress'], 'link support to goals');
  if (!meeting.goals.some((g) => g.id === command.goalId)) refuse('GOAL.NOT_FOUND', 'That goal no longer exists.');
  meeting.resources.push({
    id: ctx.newId(),
    goalId: command.goalId,
    kind: command.kind,
    description: command.description,
    costPence: command.costPence,
    addedBy: ctx.actorId,
    at: ctx.at,
  });
  return { summary: `Support linked to a goal (${command.kind})` };
}
