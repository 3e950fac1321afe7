import type { IdentityQuery } from '../../domain/identity.js';

/**
 * Slash command text with escaping on (the manifest's should_escape): "<@U123|sam> send the
 * report by Friday". The shared command parser wants each person as @{0}, @{1} … with the
 * identity behind it, channels as their name, links as what was typed, and &, <, > as characters.
 */
const ESCAPED = /<([@#!][^|>]+)(?:\|([^>]*))?>|<([^>|]+)(?:\|([^>]*))?>/g;
const USER = /^@([UW][A-Z0-9]{2,20})$/;

export function readMentions(text: string): { text: string; mentions: IdentityQuery[] } {
  const mentions: IdentityQuery[] = [];
  const seen = new Map<string, number>();
  const replaced = text.replace(ESCAPED, (_whole, token: string | undefined, label: string | undefined, link: string | undefined, linkLabel: string | undefined) => {
    if (link !== undefined) return linkLabel ?? link;
    const slackUserId = USER.exec(token ?? '')?.[1];
    if (slackUserId) {
      const index = seen.get(slackUserId) ?? mentions.push({ kind: 'slack', slackUserId }) - 1;
      seen.set(slackUserId, index);
      return `@{${index}}`;
    }
    // A channel, @here, a user group: kept readable; only people can own actions.
    if (token?.startsWith('#')) return `#${label ?? token.slice(1)}`;
    return label ?? `@${token?.slice(1) ?? ''}`;
  });
  return { text: replaced.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'), mentions };
}
