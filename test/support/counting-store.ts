import { AsyncLocalStorage } from 'node:async_hooks';
import type { MeetingStore } from '../../src/ports/store.js';
import type { HttpModule } from '../../src/server.js';

/** The store calls that read whole meetings. */
const MEETING_READS: ReadonlySet<string | symbol> = new Set(['getMeeting', 'meetingsOfParticipant']);

export interface CountingStore {
  /** The real store, each meeting read counted when it is made for an inbound request. */
  store: MeetingStore;
  /** A channel's module whose requests, and all the work they start (after an ack too), are counted. */
  counted(module: HttpModule): HttpModule;
  /** Meeting reads made for inbound requests since the last reset. */
  loads(): string[];
  reset(): void;
}

/**
 * Counts the meeting reads an inbound request causes: whatever runs in the request's async
 * context (its handler and the work it starts), and not the outbox's worker, which runs in its
 * own. The store underneath is the real one; calls go straight through.
 */
export function countingStore(real: MeetingStore): CountingStore {
  const request = new AsyncLocalStorage<true>();
  let loads: string[] = [];
  const store = new Proxy(real, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || !MEETING_READS.has(property)) return value;
      return (...args: unknown[]) => {
        if (request.getStore()) loads.push(String(property));
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return {
    store,
    counted(module) {
      if (typeof module === 'function') throw new Error('only a module mounted at a path can be counted');
      return { path: module.path, router: (req, res, next) => request.run(true, () => module.router(req, res, next)) };
    },
    loads: () => [...loads],
    reset: () => {
      loads = [];
    },
  };
}
