import { decideChild, newChildRecord } from '../../domain/child/child-commands.js';
import type { ChildCommand } from '../../domain/child/child-commands.js';
import type { ChildRecord } from '../../domain/child/child-record.js';
import type { CommandContext } from '../../domain/context.js';
import { isDomainError, refuse } from '../../domain/errors.js';
import type { Channel, Child } from '../../domain/model.js';
import type { ChildStore } from '../../ports/child-store.js';
import type { Clock } from '../../ports/clock.js';
import type { IdGenerator } from '../../ports/ids.js';

export interface ChildDeps {
  children: ChildStore;
  clock: Clock;
  newId: IdGenerator;
}

/** Two people recording at the same moment: the loser reads again and decides again. */
const ATTEMPTS = 3;
const isConflict = (error: unknown): boolean => isDomainError(error) && error.code === 'STORE.CONFLICT';

const contextOf = (deps: ChildDeps, actorId: string, channel: Channel): CommandContext => ({ actorId, channel, at: deps.clock.now().toISOString(), newId: deps.newId });

/** The child's record, made from what a meeting says about them the first time one is seen. */
export async function ensureChildRecord(deps: ChildDeps, child: Child, actor: { actorId: string; channel: Channel }): Promise<ChildRecord> {
  const stored = await deps.children.getChild(child.ref);
  if (stored) return stored;
  const created = newChildRecord(child, contextOf(deps, actor.actorId, actor.channel));
  try {
    await deps.children.createChild(created.child, { events: created.events });
    return created.child;
  } catch (error) {
    // Created meanwhile by another request: that record is the one.
    if (!isConflict(error)) throw error;
    const raced = await deps.children.getChild(child.ref);
    if (!raced) throw error;
    return raced;
  }
}

/**
 * Records an event on a child's record. With no record yet, one is made from `known` (what a
 * meeting says of the child) together with the event, in one write, so a refused event leaves
 * nothing behind; without `known`, an unknown reference is refused (CHILD.NOT_FOUND).
 */
export async function recordChildEvent(
  deps: ChildDeps,
  input: { ref: string; command: ChildCommand; actorId: string; channel: Channel; known?: Child },
): Promise<ChildRecord> {
  for (let attempt = 1; ; attempt += 1) {
    const ctx = contextOf(deps, input.actorId, input.channel);
    const stored = await deps.children.getChild(input.ref);
    try {
      if (stored) {
        const change = decideChild(stored, input.command, ctx);
        await deps.children.saveChild(change.child, stored.version, { events: change.events });
        return change.child;
      }
      if (!input.known) refuse('CHILD.NOT_FOUND', `There is no child with the PEP reference ${input.ref}.`, { childRef: input.ref });
      const made = newChildRecord(input.known, ctx);
      const change = decideChild(made.child, input.command, ctx);
      const child = { ...change.child, version: made.child.version };
      await deps.children.createChild(child, { events: [...made.events, ...change.events] });
      return child;
    } catch (error) {
      if (!isConflict(error) || attempt >= ATTEMPTS) throw error;
    }
  }
}
