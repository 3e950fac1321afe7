import { z } from 'zod';
import { EvidenceSchema } from '../../domain/evidence/evidence.js';
import { EvidenceFlagSchema } from '../../domain/evidence/evidence-flags.js';

const Id = z.string().min(1);

/** Which card, and the item it is about: drawn from the meeting as it is when the message goes. */
export const CardSpecSchema = z.discriminatedUnion('card', [
  z.object({ card: z.literal('invitation'), participantId: Id }),
  z.object({ card: z.literal('contribution-request'), contributionId: Id }),
  z.object({ card: z.literal('prompt'), promptId: Id }),
  z.object({ card: z.literal('attendance-summary') }),
  z.object({ card: z.literal('agenda') }),
  z.object({ card: z.literal('meeting-start') }),
  z.object({ card: z.literal('previous-actions') }),
  z.object({ card: z.literal('live-actions') }),
  z.object({ card: z.literal('plan-summary'), participantId: Id }),
  z.object({ card: z.literal('plan-signed-off') }),
  z.object({ card: z.literal('evidence-form'), participantId: Id }),
  /** The flags and the previous PEP's figures as the change raised them: the card says what was true then. */
  z.object({ card: z.literal('evidence-flags'), flags: z.array(EvidenceFlagSchema).min(1), previous: EvidenceSchema.optional() }),
  /** The Virtual School's review of the plan (to officers), and its outcome (to the organiser). */
  z.object({ card: z.literal('qa-review') }),
  z.object({ card: z.literal('qa-outcome') }),
  /** A Pupil Premium Plus request (to officers), and its decision (to the organiser). */
  z.object({ card: z.literal('funding-request'), requestId: Id }),
  z.object({ card: z.literal('funding-outcome'), requestId: Id }),
]);
export type CardSpec = z.infer<typeof CardSpecSchema>;

/**
 * A secure link issued with the change: `card` opens the card itself on the web (for someone no
 * chat reaches), `plan-document` is the full plan the plan card links to. The token is the secret
 * in the URL; the outbox forgets it once the message is settled.
 */
export const IssuedLinkSchema = z.object({ linkId: Id, token: z.string().regex(/^[A-Za-z0-9_-]{43}$/), opens: z.enum(['card', 'plan-document']) });
export type IssuedLinkRef = z.infer<typeof IssuedLinkSchema>;

export const OutgoingSchema = z.discriminatedUnion('kind', [
  /** To one person: `send` is a new message (it notifies), `refresh` updates their copy in place. */
  z.object({ kind: z.literal('direct'), participantId: Id, show: CardSpecSchema, mode: z.enum(['send', 'refresh']), link: IssuedLinkSchema.optional() }),
  /**
   * To a Virtual School officer from the council's settings (a Teams or Slack direct message by
   * their identity there): `send` notifies, `refresh` updates their copy in place.
   */
  z.object({ kind: z.literal('officer'), officerId: Id, show: CardSpecSchema, mode: z.enum(['send', 'refresh']) }),
  /** To a chat linked to the meeting: `new` posts a fresh message, `refresh` updates the one there. */
  z.object({ kind: z.literal('chat'), channel: z.enum(['teams', 'slack']), conversationId: Id, show: CardSpecSchema, mode: z.enum(['new', 'refresh']) }),
  /** Takes a cancelled meeting out of the calendar of someone invited by email. */
  z.object({ kind: z.literal('cancellation'), participantId: Id }),
  /** Links on the organiser's card stopped working (used, revoked): the card drops them. */
  z.object({ kind: z.literal('tidy-links') }),
  /**
   * The meeting's scheduled reminders are planned again from the change. Queued with the change,
   * so it runs after the person has their answer and a crash before it ran cannot lose it.
   */
  z.object({ kind: z.literal('replan') }),
]);
export type Outgoing = z.infer<typeof OutgoingSchema>;
