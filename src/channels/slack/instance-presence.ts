import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { z } from 'zod';
import type { Clock } from '../../ports/clock.js';
import type { KeyValueStore } from '../../ports/key-value.js';

/** Which PEP Bot processes share the store and were lately alive, keyed by each process's own id. */
const NAMESPACE = 'instances';

/** How often a running process says it is still there. */
export const HEARTBEAT_MS = 10_000;
/** Silent this long, a process on another machine is taken to be gone (three missed heartbeats). */
const GONE_AFTER_MS = 3 * HEARTBEAT_MS;

/** One running process, as written on what it takes on. */
export const InstanceSchema = z.object({ id: z.string().min(1), pid: z.number().int(), host: z.string() });
export type Instance = z.infer<typeof InstanceSchema>;

const SeenSchema = z.object({ seenAt: z.iso.datetime({ offset: true }) });

/** Whether a process on this machine still runs: signal 0 checks without sending anything. */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * This process among the others on the same store, so work one of them took on is left to it
 * while it lives and taken over once it has gone. On the same machine a dead pid (or our own pid
 * under another id: a container restarted as pid 1) says so at once; from another machine only
 * its heartbeats falling silent can.
 */
export class InstancePresence {
  readonly self: Instance = { id: randomUUID(), pid: process.pid, host: hostname() };

  constructor(
    private readonly store: KeyValueStore,
    private readonly clock: Clock,
  ) {}

  async beat(): Promise<void> {
    await this.store.putValue(NAMESPACE, this.self.id, { ...this.self, seenAt: this.clock.now().toISOString() });
  }

  /** A clean stop: nothing of ours is left in flight. */
  async leave(): Promise<void> {
    await this.store.deleteValue(NAMESPACE, this.self.id);
  }

  async isGone(other: Instance): Promise<boolean> {
    if (other.id === this.self.id) return false;
    if (other.host === this.self.host && (other.pid === this.self.pid || !running(other.pid))) return true;
    // A live pid may since have been given to another program: its heartbeats tell.
    const seen = SeenSchema.safeParse(await this.store.getValue(NAMESPACE, other.id));
    return !seen.success || this.clock.now().getTime() - Date.parse(seen.data.seenAt) > GONE_AFTER_MS;
  }
}
