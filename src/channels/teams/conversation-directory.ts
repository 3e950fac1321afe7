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

/**
 * How long this process trusts what it last read of the shared store before reading it again.
 * Other processes on the same store write to it too (someone installs PEP Bot through another
 * instance), so nothing here is kept longer than this.
 */
export const DIRECTORY_TTL_MS = 15_000;

export class ConversationDirectory {
  /** serviceUrl last written per conversation, and when, so a busy chat is not rewritten on every message. */
  private readonly written = new Map<string, { serviceUrl: string; at: number }>();
  /**
   * Addresses of people with a 1:1 chat with the bot, so the messenger can say synchronously
   * whom it can reach: read from the store at start and again when older than the TTL (in the
   * background; until then the answer is the last one read), and kept current by this process's
   * own writes. So an install through another instance is seen here within the TTL (meanwhile
   * that person gets the web link), and every send reads the person's chat from the store itself.
   */
  private reachable = new Set<string>();
  private loadedAt = Number.NEGATIVE_INFINITY;
  private loading: Promise<void> | undefined;

  constructor(
    private readonly store: KeyValueStore,
    private readonly ttlMs = DIRECTORY_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  async load(): Promise<void> {
    const fresh = new Set<string>();
    for (const entry of await this.store.listValues(PEOPLE, 'email:')) {
      const person = TeamsPersonSchema.safeParse(entry.value);
      if (person.success && person.data.personalConversationId) fresh.add(entry.key);
    }
    this.reachable = fresh;
    this.loadedAt = this.now();
  }

  /** Whether someone with this address has PEP Bot installed in Teams, as last read from the store. */
  reaches(email: string): boolean {
    if (this.now() - this.loadedAt >= this.ttlMs) this.refresh();
    return this.reachable.has(emailKey(email));
  }

  /** Resolves once no read of the store is under way (tests and this process's own writes wait for it). */
  async settled(): Promise<void> {
    await this.loading;
  }

  /** A failed read keeps the last answer; the next question after the TTL tries again. */
  private refresh(): void {
    this.loading ??= this.load()
      .catch(() => undefined)
      .finally(() => {
        this.loading = undefined;
      });
  }

  async rememberConversation(reference: StoredReference): Promise<void> {
    const { id } = reference.conversation;
    const last = this.written.get(id);
    if (last?.serviceUrl === reference.serviceUrl && this.now() - last.at < this.ttlMs) return;
    await this.store.putValue(CONVERSATIONS, id, reference);
    this.written.set(id, { serviceUrl: reference.serviceUrl, at: this.now() });
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
    // A read under way may have listed the store before this write: let it land first.
    await this.settled();
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
