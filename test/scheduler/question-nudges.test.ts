import { afterEach, describe, expect, it } from 'vitest';
import { CardDelivery } from '../../src/app/delivery.js';
import { attachOutbox } from '../../src/app/outbox/attach-outbox.js';
import { captureLog } from '../server/harness.js';
import type { AppDeps } from '../../src/app/deps.js';
import { nudgeSender } from '../../src/app/nudge-cards.js';
import type { Meeting } from '../../src/domain/model.js';
import type { NudgeSender } from '../../src/scheduler/scheduler-ports.js';
import { deliveryLedger } from '../../src/scheduler/delivery-ledger.js';
import { counterIds } from '../domain/scenario.js';
import { aMeeting } from '../support/meeting-fixture.js';
import { RecordingMessenger } from '../support/recording-messenger.js';
import { eventually, schedulerHarness, workKeys } from './fixtures/harness.js';
import type { Harness } from './fixtures/harness.js';

/** The meeting is on Friday 27 March 2026; the carer's questions are due five working days before, on the 20th at 09:00. */
const QUESTIONS_DAY = '2026-03-20T09:30:00Z';

function invitedMeeting(): Meeting {
  const base = aMeeting();
  return aMeeting({
    status: 'invited',
    startsAt: '2026-03-27T10:00:00Z',
    actions: [],
    participants: base.participants.map((p) =>
      p.id === 'p-organiser' ? p : { ...p, rsvp: undefined, invitedAt: '2026-03-09T10:00:00Z', ...(p.role === 'carer' ? { teamsAadObjectId: 'aad-chris' } : {}) },
    ),
  });
}

describe("the carer's questions, from the scheduler", () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
  });

  it('are recorded on the meeting and sent once on their day, and then planned no more', async () => {
    let send: NudgeSender = () => Promise.reject(new Error('not ready'));
    h = await schedulerHarness(QUESTIONS_DAY, { sender: (nudge, meeting) => send(nudge, meeting) });
    const harness = h;
    const messenger = new RecordingMessenger('teams');
    const delivery = new CardDelivery({ store: harness.store, messengers: [messenger], report: () => undefined });
    const deps: AppDeps = { store: harness.store, clock: harness.clock, newId: counterIds('q'), defaultTimeZone: 'Europe/London' };
    deps.onMeetingSaved = async (saved) => void (await harness.scheduler().syncMeeting(saved));
    const outbox = attachOutbox(deps, { delivery, logger: captureLog().logger, publicBaseUrl: 'http://127.0.0.1:3978' });
    send = nudgeSender(delivery, deps);

    const meeting = invitedMeeting();
    await harness.store.createMeeting(meeting, { events: [] });
    // Due when planned, the job runs at once: by the time the sync returns it may be done already.
    await harness.scheduler().syncMeeting(meeting);

    await eventually(async () => expect((await harness.store.getMeeting(meeting.id))!.prompts).toHaveLength(1));
    await eventually(async () => expect([...(await deliveryLedger(harness.store, harness.clock).settledKeys(meeting.id))].some((key) => key.includes('carer_questions'))).toBe(true));
    // The change that recorded them queued their card; the outbox sends it.
    await outbox.drain();
    await outbox.stop();
    expect(messenger.sent.filter((s) => s.card.name === 'carer-prompt').map((s) => s.to)).toEqual(['p-carer']);
    const audit = await harness.store.auditTrail(meeting.id);
    expect(audit.filter((e) => e.summary === 'Prompt sent (carer)').map((e) => [e.actorId, e.channel])).toEqual([['p-organiser', 'system']]);
    expect(workKeys(await harness.pendingJobs()).filter((key) => key.includes('questions'))).toEqual([]);
  });
});
