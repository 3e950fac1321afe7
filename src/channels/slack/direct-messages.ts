import type { App } from '@slack/bolt';
import { z } from 'zod';
import { asTyped } from '../../app/chat/chat-people.js';
import { handleChatCommand } from '../../app/chat/handle-chat-command.js';
import { confirmationCard } from '../../app/views/message-cards.js';
import type { OutboundCard } from '../../ports/messenger.js';
import type { HandlerDeps } from './handler-deps.js';
import { readMentions } from './mentions.js';
import { claimOnce } from './once.js';
import { readPayload } from './payloads.js';
import { slackMessage } from './render.js';
import { answering, answerSaved } from './replies.js';
import type { Responder } from './replies.js';

/** The bot event a message typed in the app's Messages tab arrives as (scope im:history). */
export const DIRECT_MESSAGE_EVENT = 'message.im';

const DirectMessageSchema = z.object({
  event_id: z.string().min(1).max(64),
  event: z.object({
    type: z.literal('message'),
    channel_type: z.literal('im'),
    channel: z.string().regex(/^D[A-Z0-9]{2,20}$/),
    user: z.string().regex(/^[UW][A-Z0-9]{2,20}$/),
    text: z.string().max(40_000),
    ts: z.string().min(1).max(32),
  }),
});

/** The meeting form is a modal, which only a slash command (with its trigger) can open. */
const NEW_IN_DM = confirmationCard('Type /pep new to create a meeting', 'The new-meeting form opens from the /pep command. Everything else you can type here, just as you would after /pep.');

/**
 * A message typed to PEP Bot in its Messages tab is answered there, as the Teams 1:1 chat does:
 * the same commands, without /pep, and the help card when there is nothing to go on. Edits,
 * joins and the bot's own messages carry a subtype or a bot id and are not commands.
 */
export function registerDirectMessages(app: App, deps: HandlerDeps): void {
  app.message(async ({ body, message }) => {
    if (message.channel_type !== 'im' || message.subtype !== undefined || 'bot_id' in message) return;
    const typed = readPayload(DirectMessageSchema, body, deps.logger, DIRECT_MESSAGE_EVENT);
    if (!typed) return;
    const { event_id: eventId, event } = typed;
    const ids = { userId: event.user, conversationId: event.channel, eventId };
    // A message event has no response URL: a failure is answered in the DM, what was typed kept as the person sees it.
    const inDm: Responder = ({ text, blocks }) => deps.client.chat.postMessage({ channel: event.channel, text, blocks });
    const readable = readMentions(event.text.trim());
    deps.background.run('direct message', ids, () =>
      answering(deps, inDm, { text: asTyped(readable.text, readable.mentions) }, async () => {
        if (!(await claimOnce(deps.app.store, `event:${eventId}:${event.user}`, deps.app.clock.now()))) return;
        const post = (card: OutboundCard) => deps.client.chat.postMessage({ channel: event.channel, ...slackMessage(card) });
        const { text, mentions } = readMentions(event.text.trim() || 'help');
        if (/^\/?(pep\s+)?new$/i.test(text)) {
          await post(NEW_IN_DM);
          return;
        }
        const result = await handleChatCommand(deps.app, deps.delivery, {
          text: text.replace(/^\/?pep\s+/i, '') || 'help',
          mentions,
          actor: { kind: 'slack', slackUserId: event.user },
          chat: { channel: 'slack', conversationId: event.channel },
          isGroupChat: false,
          commandPrefix: '',
          idempotencyKey: `slack:${event.channel}:${event.ts}:${event.user}`,
        });
        const { reply } = result;
        await answerSaved(deps, async () => reply && post(reply), result.change?.meeting.id);
      }),
    );
  });
}
