import { webApi } from '@slack/bolt';
import { confirmationCard } from '../../app/views/message-cards.js';
import type { OutboundCard } from '../../ports/messenger.js';
import { slackMessage } from './render.js';
import type { WebClient } from './web-client.js';

/** What Slack answers when the bot may not post in a channel: a private one it was not added to. */
const NOT_A_MEMBER: ReadonlySet<string> = new Set(['not_in_channel', 'channel_not_found']);

export const addBotFirst = (typed: string): OutboundCard =>
  confirmationCard(
    'Add PEP Bot to this channel first',
    `PEP Bot cannot post in this channel (a private channel it has not been added to), so the agenda and the actions could not appear here. Add PEP Bot to this channel: type /invite @PEP Bot, then /pep ${typed} again.`,
  );

/**
 * The "this is now the meeting chat" card, posted in the channel itself for everyone there. It
 * is also the test that the bot may post there at all: false when Slack says it may not.
 */
export async function announceInChannel(client: WebClient, channel: string, card: OutboundCard): Promise<boolean> {
  try {
    await client.chat.postMessage({ channel, ...slackMessage(card) });
    return true;
  } catch (error) {
    if (error instanceof webApi.WebAPIPlatformError && NOT_A_MEMBER.has(error.data.error)) return false;
    throw error;
  }
}
