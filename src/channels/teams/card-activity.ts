import type { Activity, TurnContext } from 'botbuilder';
import { ActivityTypes } from 'botbuilder';
import type { TeamsAttachment } from '../../cards/teams-card.js';
import { renderTeamsCard } from '../../cards/teams-card.js';
import type { OutboundCard } from '../../ports/messenger.js';

const CARD_RESPONSE_TYPE = 'application/vnd.microsoft.card.adaptive';
const MESSAGE_RESPONSE_TYPE = 'application/vnd.microsoft.activity.message';

/** The views build valid data for their card; the catalogue checks it again while rendering. */
const teamsAttachment = (card: OutboundCard): TeamsAttachment => renderTeamsCard(card.name, card.data as never, { preview: card.preview });

/**
 * A message carrying one card. The card's one-line text goes in `summary`, which Teams shows in
 * notifications and the chat list, rather than in `text`, which it would print above the card.
 */
export function cardMessage(card: OutboundCard): Partial<Activity> {
  const attachments = [teamsAttachment(card)];
  cardsSent.set(attachments, card);
  return { type: ActivityTypes.Message, summary: card.text, attachments };
}

/**
 * The card each message was drawn from, by its attachments (botbuilder copies the activity on its
 * way out, not the attachments), so a reply the connector would not take can be kept as the card.
 */
const cardsSent = new WeakMap<object, OutboundCard>();
export const cardOf = (activity: Partial<Activity>): OutboundCard | undefined => (activity.attachments ? cardsSent.get(activity.attachments) : undefined);

/** Answers an invoke; the adapter writes it as the HTTP response once the turn ends. */
export async function answerInvoke(context: TurnContext, body: unknown, status = 200): Promise<void> {
  await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status, body } });
}

/** The Universal Actions answer: the card that replaces the one clicked, for the person who clicked. */
export const answerWithCard = (context: TurnContext, card: OutboundCard) =>
  answerInvoke(context, { statusCode: 200, type: CARD_RESPONSE_TYPE, value: teamsAttachment(card).content });

/** An answer that leaves the card as it is and shows the text briefly instead. */
export const answerWithMessage = (context: TurnContext, text: string) =>
  answerInvoke(context, { statusCode: 200, type: MESSAGE_RESPONSE_TYPE, value: text });
