import type { RosterMember } from './connector-stub.js';
import { BOT, TENANT, personalChat } from './teams-harness.js';

/**
 * Bot Framework activities shaped as Teams sends them: from a roster member, in their 1:1 chat
 * with the bot or in the meeting chat, with the serviceUrl of the connector stub.
 */
let count = 0;

export interface Where {
  serviceUrl: string;
  /** The 1:1 chat with the bot unless a group chat id is given. */
  chat?: string;
}

function base(type: string, from: RosterMember, where: Where, id?: string) {
  const group = where.chat !== undefined;
  return {
    type,
    id: id ?? `act-${++count}`,
    channelId: 'msteams',
    serviceUrl: where.serviceUrl,
    timestamp: new Date().toISOString(),
    from: { id: from.id, name: from.name, aadObjectId: from.aadObjectId },
    recipient: BOT,
    conversation: group
      ? { id: where.chat, conversationType: 'groupChat', isGroup: true, tenantId: TENANT }
      : { id: personalChat(from), conversationType: 'personal', tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
  };
}

export const installed = (from: RosterMember, where: Where) => ({
  ...base('conversationUpdate', from, where),
  membersAdded: [{ id: BOT.id }, ...(where.chat ? [] : [{ id: from.id }])],
});

export const installation = (from: RosterMember, where: Where, action: 'add' | 'remove') => ({
  ...base('installationUpdate', from, where),
  action,
});

/** A typed message; `mentions` are the people @mentioned after the bot, as Teams marks them up. */
export function message(from: RosterMember, where: Where, text: string, mentions: RosterMember[] = []) {
  const atBot = where.chat !== undefined;
  const entities = [
    ...(atBot ? [{ type: 'mention', text: `<at>${BOT.name}</at>`, mentioned: BOT }] : []),
    ...mentions.map((m) => ({ type: 'mention', text: `<at>${m.name}</at>`, mentioned: { id: m.id, name: m.name } })),
  ];
  const typed = mentions.reduce((t, m, i) => t.replace(`@${i}`, `<at>${m.name}</at>`), text);
  return { ...base('message', from, where), text: atBot ? `<at>${BOT.name}</at> ${typed}` : typed, textFormat: 'plain', entities };
}

/** A click on an Action.Execute button: the verb and the data Teams merged with the inputs. */
export const execute = (from: RosterMember, where: Where, verb: string, data: Record<string, unknown>, options: { id?: string; trigger?: 'manual' | 'automatic' } = {}) => ({
  ...base('invoke', from, where, options.id),
  name: 'adaptiveCard/action',
  replyToId: 'card-message',
  value: { action: { type: 'Action.Execute', verb, data }, trigger: options.trigger ?? 'manual' },
});

export const invoke = (from: RosterMember, where: Where, name: string, value: unknown) => ({ ...base('invoke', from, where), name, value });

export const meetingEvent = (from: RosterMember, where: Where, name: 'meetingStart' | 'meetingEnd') => ({
  ...base('event', from, where),
  name: `application/vnd.microsoft.${name}`,
  value: { Id: 'meeting-id-1', MeetingType: 'Scheduled', Title: 'PEP', JoinUrl: 'https://teams.microsoft.com/l/meetup-join/x' },
  channelData: { tenant: { id: TENANT }, meeting: { id: 'meeting-id-1' } },
});
