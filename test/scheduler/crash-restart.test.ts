import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Meeting } from '../../src/domain/model.js';
import { planNudges } from '../../src/domain/nudges/index.js';
import type { NudgeKind } from '../../src/domain/nudges/index.js';
import { deliveryLedger } from '../../src/scheduler/delivery-ledger.js';
import { nudgeWork } from '../../src/scheduler/scheduled-work.js';
import { createSqliteStore } from '../../src/stores/sqlite/sqlite-store.js';
import type { LineProcess } from '../support/bot-process.js';
import { spawnProcess } from '../support/bot-process.js';
import { anAction } from '../support/meeting-fixture.js';
import { deliveryLine } from './fixtures/delivery-line.js';
import { eventually, meetingWithAction, testClock } from './fixtures/harness.js';

const WORKER = 'test/scheduler/fixtures/nudge-worker.ts';
/** Tuesday 24 March 2026, midday: each action due on the 20th owes an overdue nudge and an escalation. */
const NOW = '2026-03-24T12:00:00Z';
const CHILD = 'PEP-2026-0042';

interface Worker extends LineProcess {
  /** Resolves when the worker prints the line. */
  printed: (line: string) => Promise<void>;
}

function startWorker(env: Record<string, string>): Worker {
  const worker = spawnProcess(WORKER, { env: { ...process.env, ...env } });
  return { ...worker, printed: async (line) => void (await worker.line((printed) => printed === line, `"${line}"`)) };
}

/** Two meetings, four open actions each, all due on Friday 20 March. */
function meetings(): Meeting[] {
  return [1, 2].map(() =>
    meetingWithAction({
      actions: [1, 2, 3, 4].map((n) => anAction({ id: `act-${n}`, ownerId: n % 2 === 0 ? 'p-carer' : 'p-teacher', dueDate: '2026-03-20', createdAt: '2026-03-10T10:30:00Z' })),
    }),
  );
}

describe('a scheduler killed in the middle of a batch of nudges', () => {
  let folder: string;
  let db: string;
  let deliveries: string;
  let due: string[];
  const workers: Worker[] = [];

  beforeEach(async () => {
    folder = mkdtempSync(join(tmpdir(), 'pep-bot-crash-'));
    db = join(folder, 'pep-bot.sqlite');
    deliveries = join(folder, 'deliveries.txt');
    const store = createSqliteStore({ filename: db });
    await store.init();
    const seeded = meetings();
    for (const meeting of seeded) await store.createMeeting(meeting, { events: [] });
    await store.close();
    due = seeded.flatMap((meeting) => planNudges(meeting, NOW).filter((nudge) => Date.parse(nudge.dueInstant) <= Date.parse(NOW)).map(deliveryLine)).sort();
  });

  afterEach(async () => {
    for (const worker of workers.splice(0)) await worker.kill9();
    rmSync(folder, { recursive: true, force: true });
  });

  const run = (env: Record<string, string>): Worker => {
    const worker = startWorker({ PEP_DB: db, PEP_DELIVERIES: deliveries, PEP_NOW: NOW, PEP_CHILD: CHILD, ...env });
    workers.push(worker);
    return worker;
  };
  const delivered = (): string[] => (existsSync(deliveries) ? readFileSync(deliveries, 'utf8').split('\n').filter(Boolean) : []);

  async function killWhileHanging(hang: string): Promise<void> {
    const first = run({ PEP_SYNC: '1', PEP_HANG: hang });
    await first.printed('hanging');
    first.child.kill('SIGKILL');
    expect(await first.exit).toEqual([null, 'SIGKILL']);
  }

  /** Restarts, waits until every due nudge has arrived, then stops the worker cleanly. */
  async function restartUntilDelivered(): Promise<void> {
    const second = run({});
    await second.printed('ready');
    await eventually(() => expect(new Set(delivered())).toEqual(new Set(due)), 20_000);
    second.child.kill('SIGTERM');
    expect(await second.exit, second.stderr()).toEqual([0, null]);
  }

  /** Each due nudge's attempts in the ledger, as "sending > delivered". */
  async function ledgerStates(): Promise<Map<string, string>> {
    const store = createSqliteStore({ filename: db });
    await store.init();
    try {
      const ledger = deliveryLedger(store, testClock(NOW));
      const states = new Map<string, string>();
      for (const line of due) {
        const [meetingId, kind, itemId, recipientParticipantId, dueInstant] = line.split(' ') as [string, NudgeKind, string, string, string];
        const { key } = nudgeWork({ meetingId, kind, itemId, recipientParticipantId, dueInstant });
        states.set(line, (await ledger.history(key)).map((attempt) => attempt.state).join(' > '));
      }
      return states;
    } finally {
      await store.close();
    }
  }

  /** The one nudge whose first claim was never confirmed, and that every other one was delivered at the first try. */
  async function expectOneTakeover(): Promise<string> {
    const states = await ledgerStates();
    const takenOver = [...states].filter(([, history]) => history !== 'delivered');
    expect(takenOver.map(([, history]) => history)).toEqual(['sending > delivered']);
    return takenOver[0]![0];
  }

  it('delivers every nudge exactly once after a restart when killed between claiming and sending', async () => {
    expect(due).toHaveLength(16);
    await killWhileHanging('before-send:6');
    expect(delivered()).toHaveLength(5);

    await restartUntilDelivered();
    expect(delivered().sort()).toEqual(due);
    // The nudge in flight at the kill: its unconfirmed claim was taken over, and it was sent once.
    expect(delivered().slice(0, 5)).not.toContain(await expectOneTakeover());
  });

  it('sends one nudge twice when killed after the channel took it but before the ledger knew (the documented window)', async () => {
    await killWhileHanging('after-send:6');
    const sentBeforeKill = delivered();
    expect(sentBeforeKill).toHaveLength(6);

    await restartUntilDelivered();
    const counts = new Map<string, number>();
    for (const line of delivered()) counts.set(line, (counts.get(line) ?? 0) + 1);
    expect([...counts.entries()].filter(([, count]) => count > 1)).toEqual([[sentBeforeKill[5], 2]]);
    expect([...counts.keys()].sort()).toEqual(due);
    expect(await expectOneTakeover()).toBe(sentBeforeKill[5]);
  });
});
