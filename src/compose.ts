import type { AppDeps } from './app/deps.js';
import { CardDelivery } from './app/delivery.js';
import type { DeliveryDeps, DeliveryEvent } from './app/delivery.js';
import type { LinkSender } from './app/link-sender.js';
import { executeCommand } from './app/execute-command.js';
import { fanOut } from './app/fanout.js';
import { nudgeCard, nudgeSender } from './app/nudge-cards.js';
import { createNextMeeting } from './app/plan/create-next-meeting.js';
import { createPlanDistributor } from './app/plan/distribute-plan.js';
import type { Config } from './config.js';
import type { Logger } from './observability/logger.js';
import type { Clock } from './ports/clock.js';
import { systemClock } from './ports/clock.js';
import { randomIds } from './ports/ids.js';
import type { Messenger } from './ports/messenger.js';
import type { MeetingStore } from './ports/store.js';
import { startScheduler } from './scheduler/start-scheduler.js';
import type { RunningScheduler, SchedulerTuning } from './scheduler/start-scheduler.js';
import type { HttpModule } from './server.js';
import { defaultSqliteFilename } from './stores/sqlite/default-file.js';

/**
 * A channel as the composition root sees it: its routes; for chat channels, its messenger; for
 * the web, the link sender that reaches people with no chat account; and its own start and stop.
 */
export interface Channel {
  name: string;
  module?: HttpModule;
  messenger?: Messenger;
  linkSender?: LinkSender;
  /** Before the server listens. */
  start?(): Promise<void>;
  /** After the server stops taking requests: work started after an acknowledgement finishes. */
  stop?(): Promise<void>;
  /** Resolves once the work started after the acknowledgements so far has finished. */
  idle?(): Promise<void>;
}

export interface ComposedApp {
  deps: AppDeps;
  delivery: CardDelivery;
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
  store: MeetingStore;
  /** The system clock unless a test moves time on. */
  clock?: Clock;
  schedulerTuning?: Partial<SchedulerTuning>;
  channels: (core: { deps: AppDeps; delivery: CardDelivery }) => Channel[];
}): Promise<ComposedApp> {
  const { config, logger, store } = options;
  const clock = options.clock ?? systemClock;
  const deps: AppDeps = { store, clock, newId: randomIds, defaultTimeZone: config.timeZone };
  const messengers: Messenger[] = [];
  const deliveryDeps: DeliveryDeps = {
    store,
    messengers,
    report: logDeliveryEvent(logger),
    clock: deps.clock,
    plan: createPlanDistributor({ app: deps, publicBaseUrl: config.publicBaseUrl }),
  };
  const delivery = new CardDelivery(deliveryDeps);
  const channels = options.channels({ deps, delivery });
  for (const channel of channels) {
    if (channel.messenger) messengers.push(channel.messenger);
    if (channel.linkSender) deliveryDeps.links = channel.linkSender;
  }

  const scheduler = await startScheduler({
    jobs: config.mongodbUri === undefined ? { kind: 'sqlite', filename: defaultSqliteFilename(config.dataDir) } : { kind: 'mongodb', uri: config.mongodbUri },
    store,
    clock,
    tuning: options.schedulerTuning,
    sender: nudgeSender(delivery, deps),
    // On the organiser's one card per meeting, not a message per reminder: that noise gets bots muted.
    onUndeliverable: async (nudge, reason) => {
      const meeting = await store.getMeeting(nudge.meetingId);
      if (!meeting) return;
      await delivery.undelivered(meeting, { to: { kind: 'person', participantId: nudge.recipientParticipantId }, card: nudgeCard(nudge, meeting).name, reason });
    },
    prepareNextMeeting: async (meetingId) => {
      const next = await createNextMeeting(deps, meetingId, { channel: 'system' });
      if (next.status !== 'draft') return;
      // Sent on the organiser's behalf, as they asked when they set the review date; the audit says "system".
      const invited = await executeCommand(deps, { meetingId: next.id, command: { type: 'sendInvitations' }, actorId: next.organiserId, channel: 'system', idempotencyKey: `next-pep:${meetingId}` });
      if (!invited.replayed) await fanOut(delivery, { meeting: invited.meeting, alerts: invited.alerts, command: 'sendInvitations', actorId: next.organiserId });
      logger.info({ meetingId, nextMeetingId: next.id }, 'next PEP prepared and invitations sent');
    },
    logger: logger.child({ component: 'scheduler' }),
  });
  deps.plannedNudges = (meeting) => scheduler.planned(meeting);
  deps.onMeetingSaved = async (meeting) => {
    try {
      await scheduler.syncMeeting(meeting);
    } catch (error) {
      // The change is saved; the job's own re-check and the next sync put the nudges right.
      logger.error({ err: error, meetingId: meeting.id }, 'replanning nudges failed');
    }
  };
  return { deps, delivery, scheduler, channels, modules: channels.flatMap((c) => (c.module ? [c.module] : [])) };
}
