import { z } from 'zod';
import type { Change, CommandContext } from '../context.js';
import { applyRule } from '../decide.js';
import { FundingCommandSchema } from '../funding/funding-commands.js';
import type { FundingCommand } from '../funding/funding-commands.js';
import { applyFundingCommand } from '../funding/funding-rules.js';
import type { Meeting } from '../model.js';
import { QaCommandSchema } from '../qa/qa-commands.js';
import type { QaCommand } from '../qa/qa-commands.js';
import { applyQaCommand } from '../qa/qa-rules.js';

/**
 * The Virtual School's commands on a meeting (quality review, Pupil Premium Plus), beside the
 * meeting's own: parsed at the edge like them, applied through the same rule wrapper, so they are
 * audited, versioned and followed by the plan's version rules the same way.
 */
export const OversightCommandSchema = z.discriminatedUnion('type', [...QaCommandSchema.options, ...FundingCommandSchema.options]);
export type OversightCommand = z.infer<typeof OversightCommandSchema>;
export type OversightCommandType = OversightCommand['type'];

const QA_TYPES: ReadonlySet<string> = new Set(QaCommandSchema.options.map((o) => o.shape.type.value));
const isQa = (command: OversightCommand): command is QaCommand => QA_TYPES.has(command.type);

export function decideOversight(meeting: Meeting, command: OversightCommand, ctx: CommandContext): Change {
  return applyRule(meeting, command, ctx, (draft) => (isQa(command) ? applyQaCommand(draft, command, ctx) : applyFundingCommand(draft, command as FundingCommand, ctx)));
}
