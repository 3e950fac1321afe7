import { laterTurn } from './later-turn.js';
import type { MeetingStore } from '../ports/store.js';
import type { AppDeps } from './deps.js';

/**
 * The store's reads on a request's path; each is put off to a later turn of the event loop. A
 * save, and the idempotency check before it, run in the same turn as the read of the meeting they
 * follow: a turn between them would let another command on the same meeting save first, and the
 * version conflict would cost a second read and decision.
 */
const TAKES_TURNS: ReadonlySet<PropertyKey> = new Set([
  'getMeeting',
  'meetingsOfChild',
  'meetingsOfParticipant',
  'findParticipants',
  'knowsParticipant',
  'meetingOfLinkToken',
  'getValue',
  'putValue',
  'claimValue',
  'listValues',
  'deleteValue',
] satisfies (keyof MeetingStore)[]);

/**
 * The store as work done after an ack sees it: every read starts on a later turn of the event
 * loop. The SQLite store answers synchronously, so without this one command's read, checks, save
 * and drawing ran as one block of tens of milliseconds on a large meeting, and every ack that
 * arrived meanwhile waited for all of it; now requests that came in are read between the steps.
 * (MongoDB's calls give way by themselves; there this costs a few microseconds a call.)
 */
export function takingTurns(store: MeetingStore): MeetingStore {
  return new Proxy(store, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function' || !TAKES_TURNS.has(property)) return value;
      return async (...args: unknown[]) => {
        await laterTurn();
        return (value as (...args: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

/**
 * The core for work after an ack: the same object, seen live (the composition root fills in the
 * scheduler and the outbox after the channels are made), with a store that takes turns.
 */
export function followUpDeps(deps: AppDeps): AppDeps {
  const store = takingTurns(deps.store);
  return new Proxy(deps, { get: (target, property) => (property === 'store' ? store : Reflect.get(target, property, target)) });
}
