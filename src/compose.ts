import type { AppDeps } from './app/deps.js';
import { CardDelivery } from './app/delivery.js';
import type { DeliveryDeps, DeliveryEvent } from './app/delivery.js';
import type { LinkSender } from './app/link-sender.js';
import { caseloadDigestJob } from './app/caseload/caseload-digest-job.js';
import { retentionJob } from './app/data-protection/retention-job.js';
import { executeCommand } from './app/execute-command.js';
import { nudgeCard, nudgeSender } from './app/nudge-cards.js';
import { createNextMeeting } from './app/plan/create-next-meeting.js';
import { requirePlanBaseUrl } from './app/plan/plan-links.js';
import { attachOutbox } from './app/outbox/attach-outbox.js';
import type { DeliveryWorker, OutboxTuning } from './app/outbox/delivery-worker.js';
import type { Config } from './config.js';
import type { Logger } from './observability/logger.js';
import type { Clock } from './ports/clock.js';
import { systemClock } from './ports/clock.js';
import { randomIds } from './ports/ids.js';
import type { Messenger } from './ports/messenger.js';
import type { StoreWithChildren } from './ports/child-store.js';
import { childAfterMeetingSaved, childStatus, clockNotifier } from './app/child/child-clock.js';
import { jobStoreBeside } from './scheduler/job-backend.js';
import { startScheduler } from './scheduler/start-scheduler.js';
import type { RunningScheduler, SchedulerTuning } from './scheduler/start-scheduler.js';
import type { HttpModule } from './server.js';

/**
 * A channel as the composition root sees it: its routes; for chat channels, its messenger; for
 * the web, the link sender that reaches people with no chat account; and its own start and stop.
 */
export interface Channel {
  name: string;
  module?: HttpModule;
  messenger?: Messenger;
  linkSender?: LinkSender;
  /** With the link sender: how long a link to a card works. */
  linkDays?: number;
  /** Before the server listens. */
  start?(): Promise<void>;
  /** After the server stops taking requests and the delivery worker has stopped. */
  stop?(): Promise<void>;
  /** Resolves once the work started after the acknowledgements so far has finished. */
  idle?(): Promise<void>;
}

export interface ComposedApp {
  deps: AppDeps;
  delivery: CardDelivery;
  /** Sends what changes queued; it runs until the bot stops. */
  outbox: DeliveryWorker;
  scheduler: RunningScheduler;
  channels: Channel[];
  modules: HttpModule[];
}

function logDeliveryEvent(logger: Logger) {
  return (event: DeliveryEvent) => logger.warn(event, `card not delivered (${event.kind})`);
}

/**
 * Builds the core and its edges for one process. Channels are created after the core they call
 * into, then hand back their messengers, which the delivery reaches through the same array.
 */
export async function composeApp(options: {
  config: Config;
  logger: Logger;
  store: StoreWithChildren;
  /** The system clock unless a test moves time on. */
  clock?: Clock;
  schedulerTuning?: Partial<SchedulerTuning>;
  outboxTuning?: Partial<OutboxTuning>;
  channels: (core: { deps: AppDeps; delivery: CardDelivery }) => Promise<Channel[]>;
}): Promise<ComposedApp> {
  const { config, logger, store } = options;
  const clock = options.clock ?? systemClock;
  const deps: AppDeps = {
    store,
    children: store,
    auditChains: store,
    calendar: config.council.calendar,
    clock,
    newId: randomIds,
    defaultTimeZone: config.timeZone,
    officers: config.council.officers,
    funding: config.council.funding,
    evidenceSettings: config.council.evidence,
    assignedOfficer: async (meeting) => (await store.getChild(meeting.child.ref))?.officerId,
  };
  const messengers: Messenger[] = [];
  const deliveryDeps: DeliveryDeps = {
    store,
    messengers,
    report: logDeliveryEvent(logger),
    clock: deps.clock,
  };
  // A bad PUBLIC_BASE_URL stops the start, not the first plan that goes out.
  requirePlanBaseUrl(config.publicBaseUrl);
  const delivery = new CardDelivery(deliveryDeps);
  const channels = await options.channels({ deps, delivery });
  let linkDays: number | undefined;
  for (const channel of channels) {
    if (channel.messenger) messengers.push(channel.messenger);
    if (channel.linkSender) deliveryDeps.links = channel.linkSender;
    if (channel.linkDays) linkDays = channel.linkDays;
  }
  // Re-plans are run by the outbox after each answer (a failure is logged there and retried). One a
  // crash left queued may be claimed before the scheduler is up: it waits for it.
  let schedulerStarted: (scheduler: RunningScheduler | undefined) => void = () => undefined;
  const schedulerUp = new Promise<RunningScheduler | undefined>((resolve) => (schedulerStarted = resolve));
  deps.onMeetingSaved = async (meeting) => {
    const running = await schedulerUp;
    if (!running) throw new Error('the scheduler did not start');
    await running.syncMeeting(meeting);
    // The child's clock follows their meetings: a record for a new child, a PEP held at conclusion.
    const child = await childAfterMeetingSaved(deps, meeting);
    if (child.clockMoved) await running.syncChild(child.childRef);
  };
  const outbox = attachOutbox(deps, { delivery, logger: logger.child({ component: 'outbox' }), publicBaseUrl: config.publicBaseUrl, linkDays, tuning: { leaseMs: config.outboxLeaseSeconds * 1000, ...options.outboxTuning } });

  let scheduler: RunningScheduler;
  try {
    scheduler = await startScheduler({
      jobs: jobStoreBeside(config),
      store,
      clock,
      tuning: options.schedulerTuning,
      sender: nudgeSender(delivery, deps),
      // On the organiser's one card per meeting, not a message per reminder: that noise gets bots muted.
      onUndeliverable: async (nudge, reason) => {
        const meeting = await store.getMeeting(nudge.meetingId);
        if (!meeting) return;
        await delivery.gaveUp(meeting, { kind: 'person', participantId: nudge.recipientParticipantId }, nudgeCard(nudge, meeting).name, reason);
      },
      prepareNextMeeting: async (meetingId) => {
        const next = await createNextMeeting(deps, meetingId, { channel: 'system' });
        if (next.status !== 'draft') return;
        // Sent on the organiser's behalf, as they asked when they set the review date; the audit says "system".
        await executeCommand(deps, { meetingId: next.id, command: { type: 'sendInvitations' }, actorId: next.organiserId, channel: 'system', idempotencyKey: `next-pep:${meetingId}` });
        logger.info({ meetingId, nextMeetingId: next.id }, 'next PEP prepared and its invitations queued');
      },
      logger: logger.child({ component: 'scheduler' }),
      childClock: { statusOf: (childRef) => childStatus(deps, childRef), notify: clockNotifier(deps, delivery) },
      weekly: [caseloadDigestJob(deps, delivery, config, logger), retentionJob(deps, config, logger)],
    });
  } catch (error) {
    schedulerStarted(undefined);
    await outbox.stop();
    throw error;
  }
  schedulerStarted(scheduler);
  deps.plannedNudges = (meeting) => scheduler.planned(meeting);
  deps.onChildSaved = async (childRef) => {
    await scheduler.syncChild(childRef);
  };
  return { deps, delivery, outbox, scheduler, channels, modules: channels.flatMap((c) => (c.module ? [c.module] : [])) };
}
