import { z } from 'zod';
import { CARD_NAMES } from '../cards/catalogue.js';
import type { CardName } from '../cards/catalogue.js';
import { linkState } from '../domain/links.js';
import { byInstant } from '../domain/dates.js';
import type { Meeting, SecureLink } from '../domain/model.js';
import type { KeyValueStore } from '../ports/key-value.js';

/**
 * What the organiser's one card per meeting lists (views/reach-report-card.ts): links only they
 * can pass on, and cards that did not arrive. A link's URL is kept here so the card can be drawn
 * again as more are added; it is dropped as soon as the link stops working, so no stored URL
 * ever opens anything once the link itself would not.
 */
const NAMESPACE = 'reach-report';

/** Someone or somewhere a card is sent. */
export type Recipient =
  | { kind: 'person'; participantId: string }
  | { kind: 'chat'; channel: 'teams' | 'slack'; conversationId: string }
  /** A Virtual School officer, by their id in the council's settings. */
  | { kind: 'officer'; officerId: string };

export interface LinkToPassOn {
  linkId: string;
  url: string;
  /** Why PEP Bot could not get it to them itself. */
  why: string;
}

export interface Undelivered {
  to: Recipient;
  card: CardName;
  reason: string;
}

const LinkEntrySchema = z.object({ linkId: z.string().min(1), url: z.url(), why: z.string().min(1) });
const RecipientSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('person'), participantId: z.string().min(1) }),
  z.object({ kind: z.literal('chat'), channel: z.enum(['teams', 'slack']), conversationId: z.string().min(1) }),
  z.object({ kind: z.literal('officer'), officerId: z.string().min(1) }),
]);
const UndeliveredSchema = z.object({ to: RecipientSchema, card: z.enum(CARD_NAMES as [CardName, ...CardName[]]), reason: z.string().min(1) });

export interface ReachReport {
  /** Newest last; only links that still work. */
  links: (LinkToPassOn & { link: SecureLink })[];
  /** Newest last. */
  undelivered: Undelivered[];
}

function recipientKey(to: Recipient): string {
  if (to.kind === 'person') return `person:${to.participantId}`;
  return to.kind === 'officer' ? `officer:${to.officerId}` : `chat:${to.channel}:${to.conversationId}`;
}

export class ReachReportStore {
  constructor(private readonly store: KeyValueStore) {}

  /** A newer link to the same thing for the same person takes the older one's place. */
  async addLink(meeting: Meeting, entry: LinkToPassOn): Promise<void> {
    const link = meeting.links.find((l) => l.id === entry.linkId);
    if (!link) throw new Error(`link ${entry.linkId} is not in meeting ${meeting.id}`);
    await this.store.putValue(NAMESPACE, `${meeting.id}/link/${link.participantId}/${link.purpose}/${link.itemId ?? ''}`, entry);
  }

  async addUndelivered(meetingId: string, entry: Undelivered): Promise<void> {
    await this.store.putValue(NAMESPACE, `${meetingId}/undelivered/${recipientKey(entry.to)}/${entry.card}`, entry);
  }

  /** True when there was something to clear: the card reached them after all. */
  async clearUndelivered(meetingId: string, to: Recipient, card: CardName): Promise<boolean> {
    const key = `${meetingId}/undelivered/${recipientKey(to)}/${card}`;
    if ((await this.store.getValue(NAMESPACE, key)) === undefined) return false;
    await this.store.deleteValue(NAMESPACE, key);
    return true;
  }

  /** What the card shows now. Links that no longer work are forgotten on the way. */
  async read(meeting: Meeting, now: Date): Promise<ReachReport> {
    const { links } = await this.liveLinks(meeting, now);
    const byAge = <T extends { updatedAt: string }>(a: T, b: T) => byInstant(a.updatedAt, b.updatedAt);
    const undelivered = (await this.store.listValues(NAMESPACE, `${meeting.id}/undelivered/`))
      .sort(byAge)
      .flatMap((entry) => {
        const parsed = UndeliveredSchema.safeParse(entry.value);
        return parsed.success ? [parsed.data] : [];
      });
    return { links, undelivered };
  }

  /** True when a link on the card has stopped working (used, revoked, expired) and was forgotten. */
  async forgetDeadLinks(meeting: Meeting, now: Date): Promise<boolean> {
    return (await this.liveLinks(meeting, now)).forgotten;
  }

  private async liveLinks(meeting: Meeting, now: Date): Promise<{ links: ReachReport['links']; forgotten: boolean }> {
    const links: ReachReport['links'] = [];
    let forgotten = false;
    for (const entry of await this.store.listValues(NAMESPACE, `${meeting.id}/link/`)) {
      const parsed = LinkEntrySchema.safeParse(entry.value);
      const link = parsed.success ? meeting.links.find((l) => l.id === parsed.data.linkId) : undefined;
      if (parsed.success && link && linkState(link, now.toISOString()) === 'active') {
        links.push({ ...parsed.data, link });
      } else {
        await this.store.deleteValue(NAMESPACE, entry.key);
        forgotten = true;
      }
    }
    // In the order they were issued, which the meeting keeps.
    links.sort((a, b) => meeting.links.indexOf(a.link) - meeting.links.indexOf(b.link));
    return { links, forgotten };
  }
}
