import { z } from 'zod';
import type { Logger } from '../../observability/logger.js';

/**
 * The parts of Slack's payloads we read, checked at the edge: Bolt has verified the signature and
 * parsed the body, but its types are promises, not checks. Unknown keys are ignored (Slack adds
 * fields over time); anything we rely on that is missing or malformed stops the request here.
 */
const Id = z.string().min(1).max(64);
const UserId = z.string().regex(/^[UW][A-Z0-9]{2,20}$/);

/** A DM's id starts with D; channels and group DMs are shared, so they show the child by initials only. */
export const isDirectMessage = (conversationId: string): boolean => conversationId.startsWith('D');

export const SlashCommandSchema = z.object({
  command: z.string().min(2),
  text: z.string().max(4000),
  user_id: UserId,
  channel_id: Id,
  team_id: Id.optional(),
  trigger_id: Id.max(200),
  response_url: z.url(),
});
export type SlashCommand = z.infer<typeof SlashCommandSchema>;

/** Input values as Slack keeps them (see src/cards/slack-state.ts, which reads them). */
const StateValues = z.record(z.string(), z.record(z.string(), z.unknown()));

export const BlockActionsSchema = z.object({
  type: z.literal('block_actions'),
  user: z.object({ id: UserId }),
  container: z.object({
    type: z.string(),
    channel_id: Id.optional(),
    message_ts: z.string().optional(),
    is_ephemeral: z.boolean().optional(),
  }),
  response_url: z.url().optional(),
  state: z.object({ values: StateValues }).optional(),
  actions: z
    .array(z.object({ action_id: z.string().min(1).max(255), action_ts: z.string().min(1), value: z.string().max(2000).optional() }))
    .length(1),
});
export type BlockActions = z.infer<typeof BlockActionsSchema>;

/** A button's value is the card action's data as JSON (src/cards/slack-buttons.ts writes it). */
export const ButtonValueSchema = z.string().transform((value, ctx) => {
  try {
    return z.record(z.string(), z.unknown()).parse(JSON.parse(value));
  } catch {
    ctx.addIssue({ code: 'custom', message: 'button value is not a JSON object' });
    return z.NEVER;
  }
});

export const ViewSubmissionSchema = z.object({
  type: z.literal('view_submission'),
  user: z.object({ id: UserId, name: z.string().optional(), username: z.string().optional() }),
  trigger_id: Id.max(200),
  view: z.object({ id: Id, callback_id: z.string(), state: z.object({ values: StateValues }) }),
});
export type ViewSubmission = z.infer<typeof ViewSubmissionSchema>;

export const AppHomeOpenedSchema = z.object({
  event_id: Id,
  event: z.object({ type: z.literal('app_home_opened'), user: UserId, tab: z.enum(['home', 'messages']).optional() }),
});

/**
 * The payload parsed, or undefined after logging which fields failed: only their paths, since
 * the values may be what someone typed.
 */
export function readPayload<T>(schema: z.ZodType<T>, body: unknown, logger: Logger, what: string): T | undefined {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  logger.warn({ payload: what, fields: parsed.error.issues.map((i) => i.path.join('.')) }, 'Slack payload not understood');
  return undefined;
}
