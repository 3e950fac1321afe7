import type { ConversationReference } from 'botbuilder';
import { z } from 'zod';
import type { Participant } from '../../domain/model.js';
import type { KeyValueStore } from '../../ports/key-value.js';

/**
 * What the bot must remember to message people and chats later (proactive sends): each
 * conversation's reference, and for each person the 1:1 conversation with them, found by their
 * Entra object id or by their email/UPN (how the organiser's form names people). Only ids and
 * addresses are kept, never display names.
 */
const CONVERSATIONS = 'teams-conversation';
const PEOPLE = 'teams-person';

const StoredReferenceSchema = z.object({
  serviceUrl: z.url(),
  channelId: z.string().min(1),
  conversation: z.object({
    id: z.string().min(1),
    conversationType: z.string().optional(),
    tenantId: z.string().optional(),
    isGroup: z.boolean().optional(),
  }),
  bot: z.object({ id: z.string().min(1) }),
});
export type StoredReference = z.infer<typeof StoredReferenceSchema>;

const TeamsPersonSchema = z.object({
  aadObjectId: z.string().min(1),
  /** The Teams user id (MRI, "29:…") in this tenant. */
  userId: z.string().min(1),
  emails: z.array(z.email()),
  /** The 1:1 chat with the bot, once the person has installed it. */
  personalConversationId: z.string().min(1).optional(),
});
export type TeamsPerson = z.infer<typeof TeamsPersonSchema>;

const emailKey = (email: string) => `email:${email.toLowerCase()}`;
const aadKey = (aadObjectId: string) => `aad:${aadObjectId}`;

/** The part of a botbuilder reference worth keeping: where to send, and to which conversation. */
export function storableReference(reference: Partial<ConversationReference>): StoredReference | undefined {
  const parsed = StoredReferenceSchema.safeParse({
    serviceUrl: reference.serviceUrl,
    channelId: reference.channelId,
    conversation: reference.conversation && {
      id: reference.conversation.id,
      conversationType: reference.conversation.conversationType,
      tenantId: reference.conversation.tenantId,
      isGroup: reference.conversation.isGroup,
    },
    bot: reference.bot && { id: reference.bot.id },
  });
  return parsed.success ? parsed.data : undefined;
}

/** Back to botbuilder's shape for a proactive turn (names are not kept, so they are empty). */
export function asReference(stored: StoredReference): Partial<ConversationReference> {
  const { conversation } = stored;
  return {
    serviceUrl: stored.serviceUrl,
    channelId: stored.channelId,
    bot: { id: stored.bot.id, name: '' },
    conversation: { id: conversation.id, isGroup: conversation.isGroup ?? false, conversationType: conversation.conversationType ?? '', tenantId: conversation.tenantId, name: '' },
  };
}

export class ConversationDirectory {
  /** serviceUrl last written per conversation, so a busy chat is not rewritten on every message. */
  private readonly written = new Map<string, string>();
  /**
   * Addresses of people with a 1:1 chat with the bot, so the messenger can say synchronously
   * whom it can reach. Loaded by load() and kept current by this process; another instance's
   * installs are seen after its next load (until then those people get the web link instead).
   */
  private readonly reachable = new Set<string>();

  constructor(private readonly store: KeyValueStore) {}

  async load(): Promise<void> {
    for (const entry of await this.store.listValues(PEOPLE, 'email:')) {
      const person = TeamsPersonSchema.safeParse(entry.value);
      if (person.success && person.data.personalConversationId) this.reachable.add(entry.key);
    }
  }

  /** Whether someone with this address has PEP Bot installed in Teams. */
  reaches(email: string): boolean {
    return this.reachable.has(emailKey(email));
  }

  async rememberConversation(reference: StoredReference): Promise<void> {
    const { id } = reference.conversation;
    if (this.written.get(id) === reference.serviceUrl) return;
    await this.store.putValue(CONVERSATIONS, id, reference);
    this.written.set(id, reference.serviceUrl);
  }

  /** The bot was removed from the conversation: sends there must now report it, not fail later. */
  async forgetConversation(conversationId: string): Promise<void> {
    await this.store.deleteValue(CONVERSATIONS, conversationId);
    this.written.delete(conversationId);
  }

  async conversation(conversationId: string): Promise<StoredReference | undefined> {
    const parsed = StoredReferenceSchema.safeParse(await this.store.getValue(CONVERSATIONS, conversationId));
    return parsed.success ? parsed.data : undefined;
  }

  /** Saved under the object id and under every address, so either finds the person. */
  async rememberPerson(person: TeamsPerson): Promise<void> {
    for (const key of [aadKey(person.aadObjectId), ...person.emails.map(emailKey)]) await this.store.putValue(PEOPLE, key, person);
    for (const email of person.emails) {
      if (person.personalConversationId) this.reachable.add(emailKey(email));
      else this.reachable.delete(emailKey(email));
    }
  }

  /** The person removed the app: their 1:1 chat is gone, the rest of what Teams said about them stays true. */
  async forgetPersonalChat(aadObjectId: string): Promise<void> {
    const person = await this.personByAad(aadObjectId);
    if (person) await this.rememberPerson({ ...person, personalConversationId: undefined });
  }

  async personByAad(aadObjectId: string): Promise<TeamsPerson | undefined> {
    return this.person(aadKey(aadObjectId));
  }

  async personByEmail(email: string): Promise<TeamsPerson | undefined> {
    return this.person(emailKey(email));
  }

  /** A participant's Teams record: by object id when the meeting has it, else by email. */
  async personFor(participant: Pick<Participant, 'teamsAadObjectId' | 'email'>): Promise<TeamsPerson | undefined> {
    const byAad = participant.teamsAadObjectId ? await this.personByAad(participant.teamsAadObjectId) : undefined;
    return byAad ?? (participant.email ? this.personByEmail(participant.email) : undefined);
  }

  private async person(key: string): Promise<TeamsPerson | undefined> {
    const parsed = TeamsPersonSchema.safeParse(await this.store.getValue(PEOPLE, key));
    return parsed.success ? parsed.data : undefined;
  }
}
