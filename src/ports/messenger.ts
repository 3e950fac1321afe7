import type { CardName } from '../cards/catalogue.js';
import type { Participant } from '../domain/model.js';

/** A card on its way out: the catalogue name, its data, and a one-line text for notifications. */
export interface OutboundCard {
  name: CardName;
  data: unknown;
  /** Shown in notifications, by screen readers and where cards cannot render. No child names. */
  text: string;
  /** Set when the card is only a preview of what someone else will get: the banner it shows. */
  preview?: string;
}

/**
 * Whom a direct message goes to: a meeting participant, or a Virtual School officer from the
 * council's settings (id `officer:<id>`), by whichever chat identity they have.
 */
export type DirectRecipient = Pick<Participant, 'id' | 'email' | 'slackUserId' | 'teamsAadObjectId' | 'teamsUserId' | 'preferredChannel'>;

/** Where a card was posted, so it can be updated in place later. */
export interface MessageRef {
  channel: 'teams' | 'slack';
  conversationId: string;
  messageId: string;
}

export type Delivery =
  /** `ref` is where the message is, to update it later; absent when it went by email. */
  | { delivered: true; ref?: MessageRef }
  /**
   * `retryable` false means retrying cannot help (bot not installed, user gone): tell the organiser.
   * `retryAfterMs` is the platform's own Retry-After, when it sent one.
   */
  | { delivered: false; reason: string; retryable: boolean; retryAfterMs?: number };

/**
 * What the core asks of a chat channel. Teams and Slack each implement it; a failure is a
 * Delivery with a reason, never an exception swallowed on the way.
 */
export interface Messenger {
  readonly channel: 'teams' | 'slack';
  /** Whether this channel has an identity for the person at all. */
  knows(person: DirectRecipient): boolean;
  sendDirect(person: DirectRecipient, card: OutboundCard): Promise<Delivery>;
  post(conversationId: string, card: OutboundCard): Promise<Delivery>;
  update(ref: MessageRef, card: OutboundCard): Promise<Delivery>;
}
