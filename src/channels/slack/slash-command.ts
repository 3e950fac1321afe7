import type { App, RespondFn } from '@slack/bolt';
import { asTyped } from '../../app/chat/chat-people.js';
import { handleChatCommand } from '../../app/chat/handle-chat-command.js';
import type { HandlerDeps } from './handler-deps.js';
import { addBotFirst, announceInChannel } from './link-here.js';
import { meetingFormModal } from './meeting-modal.js';
import { readMentions, withProfileNames } from './mentions.js';
import type { SlashCommand } from './payloads.js';
import { isDirectMessage, readPayload, SlashCommandSchema } from './payloads.js';
import { answering, answerSaved, onlyYou } from './replies.js';

export const SLASH_COMMAND = '/pep';

/**
 * /pep, typed anywhere. It is acknowledged at once with an empty answer; `new` then opens the
 * meeting form (its trigger is valid for three seconds, so nothing slow comes first), and every
 * other command runs through the shared chat commands, answered to the typist alone through the
 * response URL, before the fan-out updates the meeting chat's shared cards.
 */
export function registerSlashCommand(app: App, deps: HandlerDeps): void {
  app.command(SLASH_COMMAND, async ({ ack, body, respond }) => {
    await ack();
    const command = readPayload(SlashCommandSchema, body, deps.logger, 'slash command');
    if (!command) return;
    const ids = { userId: command.user_id, conversationId: command.channel_id };
    const typed = command.text.trim();
    if (/^new$/i.test(typed)) {
      deps.background.run('open meeting form', ids, () =>
        answering(deps, respond, { text: typed }, async () => {
          await deps.client.views.open({ trigger_id: command.trigger_id, view: meetingFormModal() });
        }),
      );
      return;
    }
    // Should anything fail, the text is handed back as the person sees it, not in Slack's escaping.
    const readable = readMentions(typed);
    deps.background.run('chat command', ids, () => answering(deps, respond, { text: asTyped(readable.text, readable.mentions) }, () => runChatCommand(deps, command, respond)));
  });
}

async function runChatCommand(deps: HandlerDeps, command: SlashCommand, respond: RespondFn): Promise<void> {
  const { text, mentions } = readMentions(command.text.trim() || 'help');
  const result = await handleChatCommand(deps.app, deps.delivery, {
    text,
    mentions: await withProfileNames(deps.client, deps.logger, mentions),
    actor: { kind: 'slack', slackUserId: command.user_id },
    chat: { channel: 'slack', conversationId: command.channel_id },
    isGroupChat: !isDirectMessage(command.channel_id),
    commandPrefix: '/pep ',
    // A replayed request (same trigger, same person) is applied once by the core.
    idempotencyKey: `slack:${command.trigger_id}:${command.user_id}`,
  });
  const { reply } = result;
  if (result.change?.command === 'linkChat' && reply && !isDirectMessage(command.channel_id)) {
    // Nothing can appear in a channel the bot is not in: the organiser is told how to add it instead.
    if (!(await announceInChannel(deps.client, command.channel_id, reply))) {
      await respond(onlyYou(addBotFirst(text)));
      return;
    }
    return;
  }
  await answerSaved(deps, async () => reply && respond(onlyYou(reply)), result.change?.meeting.id);
}
