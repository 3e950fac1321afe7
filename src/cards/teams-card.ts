import type { CardData, CardName } from './catalogue.js';
import { CARDS } from './catalogue.js';
import { CardError } from './errors.js';
import { expandCard } from './render-card.js';
import type { RenderOptions } from './render-card.js';
import { RecentRenders } from './recent-renders.js';

export const TEAMS_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/**
 * Teams refuses a bot message over its size limit (413 MessageSizeTooBig). Microsoft's bot docs
 * have given 40 KB and now about 100 KB (the whole activity, as UTF-16); its Workflows connector
 * documents about 28 KB. Every card is kept under the strictest, 28 KB of JSON, which leaves room
 * for the activity around it (learn.microsoft.com: "Format your bot messages").
 */
export const TEAMS_CARD_MAX_BYTES = 28 * 1024;
/** Teams refreshes a card automatically for at most 60 listed users (Universal Actions). */
const TEAMS_REFRESH_MAX_USERS = 60;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface TeamsAttachment {
  contentType: typeof TEAMS_CARD_CONTENT_TYPE;
  content: { [key: string]: Json };
}

export interface TeamsCardOptions extends RenderOptions {
  /** Teams user ids (MRIs) whose copy refreshes itself; only for refreshable cards. */
  refreshUserIds?: readonly string[];
}

/**
 * The Adaptive Card as Teams gets it: each Action.Execute keeps its verb and data and gains an
 * Action.Submit fallback (same data plus the verb) for clients without Universal Actions; the
 * invitation and the live action list carry a refresh block so each person sees their own state.
 */
export function renderTeamsCard<N extends CardName>(name: N, data: CardData<N>, options: TeamsCardOptions = {}): TeamsAttachment {
  const key = JSON.stringify([name, options.preview ?? null, options.refreshUserIds ?? null, data]);
  return recent.draw(key, () => drawTeamsCard(name, data, options));
}

/** A few hundred cards of at most 28 KB each: a few megabytes at worst, a few hundred kilobytes as cards are. */
const recent = new RecentRenders(256);

function drawTeamsCard<N extends CardName>(name: N, data: CardData<N>, options: TeamsCardOptions): { value: TeamsAttachment; json: string } {
  const { card, data: parsed } = expandCard(name, data, options);
  const content = withFallbacks(card as unknown as Json) as { [key: string]: Json };
  // A refresh would replace a preview with the organiser's own, live copy of the card.
  if (CARDS[name].refreshable && !options.preview) {
    content.refresh = refreshBlock(name, String(parsed.meetingId), options.refreshUserIds);
  } else if (options.refreshUserIds) {
    throw new CardError('CARD.INVALID_DATA', `The "${name}" card has no refresh block, so it takes no refreshUserIds.`);
  }
  const attachment: TeamsAttachment = { contentType: TEAMS_CARD_CONTENT_TYPE, content };
  const json = JSON.stringify(attachment);
  const bytes = Buffer.byteLength(json, 'utf8');
  if (bytes > TEAMS_CARD_MAX_BYTES) {
    throw new CardError('CARD.TOO_LARGE', `The "${name}" card is ${bytes} bytes; Teams takes at most ${TEAMS_CARD_MAX_BYTES}.`, { card: name, bytes });
  }
  return { value: attachment, json };
}

function refreshBlock(name: CardName, meetingId: string, userIds: readonly string[] | undefined): Json {
  if (userIds && userIds.length > TEAMS_REFRESH_MAX_USERS) {
    throw new CardError('CARD.INVALID_DATA', `Teams refreshes a card for at most ${TEAMS_REFRESH_MAX_USERS} users; got ${userIds.length}.`);
  }
  const action = { type: 'Action.Execute', title: 'Refresh', verb: 'card.refresh', data: { meetingId, card: name } };
  return userIds ? { action, userIds: [...userIds] } : { action };
}

function withFallbacks(value: Json): Json {
  if (Array.isArray(value)) return value.map(withFallbacks);
  if (value === null || typeof value !== 'object') return value;
  const copy = Object.fromEntries(Object.entries(value).map(([key, v]) => [key, withFallbacks(v)]));
  if (copy.type !== 'Action.Execute') return copy;
  const fallback: { [key: string]: Json } = { type: 'Action.Submit', title: copy.title ?? '', data: { ...(copy.data as { [key: string]: Json }), verb: copy.verb ?? '' } };
  if (copy.style !== undefined) fallback.style = copy.style;
  return { ...copy, fallback };
}
