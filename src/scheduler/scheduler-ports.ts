import type { Meeting } from '../domain/model.js';
import type { PlannedNudge } from '../domain/nudges/index.js';
import type { KeyValueStore } from '../ports/key-value.js';
import type { Delivery } from '../ports/messenger.js';
import type { MeetingStore } from '../ports/store.js';

/**
 * What the scheduler is handed by the composition root. Channel code stays out: the sender
 * turns a nudge into a card on whichever channel reaches the recipient.
 */
export type NudgeSender = (nudge: PlannedNudge, meeting: Meeting) => Promise<Delivery>;

/** A nudge that can never arrive (bot not installed, person gone), so the organiser can be told. */
export type UndeliverableHandler = (nudge: PlannedNudge, reason: string) => Promise<void> | void;

/** Prepares the next PEP's invitations; called once per closed meeting and review date. */
export type PrepareNextMeeting = (meetingId: string) => Promise<void>;

/** The scheduler reads meetings and keeps its ledger in the store's key-value entries. */
export type SchedulerStore = Pick<MeetingStore, 'getMeeting'> & KeyValueStore;

/** pino's Logger fits. Fields carry ids and reasons, never names or typed text. */
export interface SchedulerLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}
