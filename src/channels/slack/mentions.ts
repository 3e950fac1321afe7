import type { ChatMention } from '../../app/chat/chat-people.js';
import type { ProfileNames } from './profile-names.js';

/**
 * Slash command text with escaping on (the manifest's should_escape): "<@U123|sam> send the
 * report by Friday". The shared command parser wants each person as @{0}, @{1} … with the
 * identity behind it, channels as their name, links as what was typed, and &, <, > as characters.
 */
const ESCAPED = /<([@#!][^|>]+)(?:\|([^>]*))?>|<([^>|]+)(?:\|([^>]*))?>/g;
const USER = /^@([UW][A-Z0-9]{2,20})$/;

export function readMentions(text: string): { text: string; mentions: ChatMention[] } {
  const mentions: ChatMention[] = [];
  const seen = new Map<string, number>();
  const replaced = text.replace(ESCAPED, (_whole, token: string | undefined, label: string | undefined, link: string | undefined, linkLabel: string | undefined) => {
    if (link !== undefined) return linkLabel ?? link;
    const slackUserId = USER.exec(token ?? '')?.[1];
    if (slackUserId) {
      // The label, when Slack sends one, is the handle ("adele.vance"): enough to echo, not to match.
      const index = seen.get(slackUserId) ?? mentions.push({ kind: 'slack', slackUserId, ...(label ? { name: label } : {}) }) - 1;
      seen.set(slackUserId, index);
      return `@{${index}}`;
    }
    // A channel, @here, a user group: kept readable; only people can own actions.
    if (token?.startsWith('#')) return `#${label ?? token.slice(1)}`;
    return label ?? `@${token?.slice(1) ?? ''}`;
  });
  return { text: replaced.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'), mentions };
}

/**
 * Each mentioned person's name as their Slack profile shows it. A carer invited by name only has
 * no Slack id in the meeting, so that name is how the core finds them; a failed lookup leaves the
 * mention as Slack sent it, and the core then says it does not know the person.
 */
export async function withProfileNames(names: ProfileNames, mentions: readonly ChatMention[]): Promise<ChatMention[]> {
  return Promise.all(
    mentions.map(async (mention) => {
      if (mention.kind !== 'slack') return mention;
      const name = await names.nameOf(mention.slackUserId);
      return name ? { ...mention, name } : mention;
    }),
  );
}
