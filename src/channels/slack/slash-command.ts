import type { App } from '@slack/bolt';
import { asTyped } from '../../app/chat/chat-people.js';
import { handleChatCommand } from '../../app/chat/handle-chat-command.js';
import { CHAT_COMMAND_HELP } from '../../app/chat/parse-chat-command.js';
import { describeError } from '../../app/error-messages.js';
import { errorCard, welcomeCard } from '../../app/views/message-cards.js';
import type { HandlerDeps } from './handler-deps.js';
import { addBotFirst, announceInChannel } from './link-here.js';
import { meetingFormModal } from './meeting-modal.js';
import { readMentions, withProfileNames } from './mentions.js';
import type { SlashCommand } from './payloads.js';
import { isDirectMessage, readPayload, SlashCommandSchema } from './payloads.js';
import { answering, answerSaved, onlyYou } from './replies.js';
import type { Respond } from './response-url.js';
import type { Inbound, SlashInbox } from './slash-inbox.js';

export const SLASH_COMMAND = '/pep';
/** How the command words are written in Slack's cards. */
const COMMAND_PREFIX = '/pep ';

const idsOf = (command: SlashCommand) => ({ userId: command.user_id, conversationId: command.channel_id });

/** The command words, which are safe to log; anything else typed first could be a name. */
const VERBS: ReadonlySet<string> = new Set(['new', ...CHAT_COMMAND_HELP.map((line) => line.split(' ')[0]!)]);
const verbOf = (command: SlashCommand): string => {
  const first = command.text.trim().split(/\s/)[0]?.toLowerCase() ?? '';
  return VERBS.has(first) ? first : 'other';
};

/** What they typed, as they see it (not in Slack's escaping), to hand back should anything fail. */
function typedAsSeen(command: SlashCommand): string {
  const readable = readMentions(command.text.trim());
  return asTyped(readable.text, readable.mentions);
}

/** `/pep` alone or `/pep help`: the list of commands, the same for everyone everywhere. */
const isHelp = (command: SlashCommand): boolean => /^(help)?$/i.test(command.text.trim());

let helpMessage: ReturnType<typeof onlyYou> | undefined;
/** Drawn once, with the first help asked for: the card does not change while the process runs. */
const help = () => (helpMessage ??= onlyYou(welcomeCard(COMMAND_PREFIX)));

/**
 * /pep, typed anywhere. Help changes nothing and needs nothing stored, so its answer is the ack
 * itself: no record, no response URL, nothing a crash could leave unanswered. Any other command
 * is written down (one small insert) and then acknowledged with an empty answer, so one Slack
 * has had its 200 for is never lost to a crash: a restart
 * answers it (replayUnfinished). Should the write fail, the ack itself says nothing was taken on,
 * with what they typed. `new` then opens the meeting form (its trigger is valid for three
 * seconds, so nothing slow comes first), and every other command runs through the shared chat
 * commands, answered to the typist alone through the response URL, before the fan-out updates the
 * meeting chat's shared cards.
 */
export function registerSlashCommand(app: App, deps: HandlerDeps, inbox: SlashInbox): void {
  app.command(SLASH_COMMAND, async ({ ack, body }) => {
    const command = readPayload(SlashCommandSchema, body, deps.logger, 'slash command');
    if (!command) return ack();
    if (isHelp(command)) return ack(help());
    let inbound: Inbound | undefined;
    try {
      inbound = await inbox.record(command);
    } catch (error) {
      deps.logger.error({ err: error, ...idsOf(command) }, 'a slash command could not be recorded: the person was told nothing was done');
      return ack(onlyYou(errorCard({ ...describeError(error), kept: { text: typedAsSeen(command) } })));
    }
    await ack();
    if (!inbound) {
      deps.logger.info(idsOf(command), 'the same slash command again (same trigger): already taken on');
      return;
    }
    takeOn(deps, inbox, inbound, 'just received');
  });
}

/**
 * At start-up, and every heartbeat after: every command never answered whose process has gone
 * (killed, or restarted: `startedAt` dates the unnamed records of older releases) runs again
 * through the same path, answered at its response URL, while Slack still takes answers there; a
 * change it makes applies once (its idempotency key comes from the recorded trigger). A command
 * another running process has in hand is left to it, and of several processes looking at once
 * only one takes a command over. Older ones can reach nobody: they are logged, without what was
 * typed, and forgotten.
 */
export async function replayUnfinished(deps: HandlerDeps, inbox: SlashInbox, startedAt: Date, atStart = true): Promise<void> {
  const { replay, abandoned } = await inbox.unfinished(startedAt);
  for (const inbound of abandoned) {
    deps.logger.warn(
      { ...idsOf(inbound.command), receivedAt: inbound.receivedAt, verb: verbOf(inbound.command) },
      'slash command abandoned: cut short by a restart, and too old for Slack to take an answer',
    );
    await inbox.forget(inbound);
  }
  const taken: Inbound[] = [];
  for (const inbound of replay) if (await inbox.takeOver(inbound)) taken.push(inbound);
  if (atStart || taken.length > 0 || abandoned.length > 0) {
    deps.logger.info({ replaying: taken.length, abandoned: abandoned.length }, 'slash commands cut short by a restart');
  }
  for (const inbound of taken) takeOn(deps, inbox, inbound, 'after a restart');
}

/**
 * Runs one recorded command after its ack. It is marked done as soon as the person has their
 * answer (before any fan-out), or when its work ends with nothing to answer; an answer Slack did
 * not take leaves it to the next start-up.
 */
function takeOn(deps: HandlerDeps, inbox: SlashInbox, inbound: Inbound, when: 'just received' | 'after a restart'): void {
  const { command } = inbound;
  const post = deps.respond(command.response_url);
  let answered = false;
  let failed = false;
  const markDone = async () => {
    if (answered) return;
    answered = true;
    await inbox.done(inbound);
  };
  const respond: Respond = async (message) => {
    try {
      await post(message);
      await markDone();
    } catch (error) {
      failed = true;
      throw error;
    }
  };
  const typed = command.text.trim();
  const isNew = /^new$/i.test(typed);
  deps.background.run(isNew ? 'open meeting form' : 'chat command', idsOf(command), async () => {
    await answering(deps, respond, { text: typedAsSeen(command) }, () => (isNew ? openMeetingForm(deps, command, respond, when) : runChatCommand(deps, command, respond)));
    if (!failed) await markDone();
  });
}

/** The trigger that opens a modal lasts three seconds: after a restart, the person is asked to type it again. */
async function openMeetingForm(deps: HandlerDeps, command: SlashCommand, respond: Respond, when: 'just received' | 'after a restart'): Promise<void> {
  if (when === 'just received') {
    await deps.client.views.open({ trigger_id: command.trigger_id, view: meetingFormModal() });
    return;
  }
  await respond(
    onlyYou(errorCard({ code: 'INTERNAL', title: 'The meeting form did not open', message: 'PEP Bot restarted before it could open the form for you. Nothing was created.', fix: 'Type /pep new again.' })),
  );
}

async function runChatCommand(deps: HandlerDeps, command: SlashCommand, respond: Respond): Promise<void> {
  const { text, mentions } = readMentions(command.text.trim() || 'help');
  const result = await handleChatCommand(deps.app, deps.delivery, {
    text,
    mentions: await withProfileNames(deps.profileNames, mentions),
    actor: { kind: 'slack', slackUserId: command.user_id },
    chat: { channel: 'slack', conversationId: command.channel_id },
    isGroupChat: !isDirectMessage(command.channel_id),
    commandPrefix: COMMAND_PREFIX,
    // The recorded trigger and the person: a replayed request, or a command run again after a restart, applies once.
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
