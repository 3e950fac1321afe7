import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createMeeting } from '../../src/app/create-meeting.js';
import { CardDelivery, type DeliveryEvent } from '../../src/app/delivery.js';
import type { AppDeps } from '../../src/app/deps.js';
import { executeCommand } from '../../src/app/execute-command.js';
import type { LinkEmail } from '../../src/app/link-sender.js';
import { WebLinkSender } from '../../src/app/link-sender.js';
import { attachOutbox } from '../../src/app/outbox/attach-outbox.js';
import type { DeliveryWorker } from '../../src/app/outbox/delivery-worker.js';
import type { Meeting } from '../../src/domain/model.js';
import type { MeetingStore } from '../../src/ports/store.js';
import { openStore } from '../../src/stores/open-store.js';
import { settableClock, type SettableClock } from '../contract/settable-clock.js';
import { READING_GOAL } from '../domain/plan-scenario.js';
import { counterIds, MEETING_START, NOW } from '../domain/scenario.js';
import { RecordingMessenger } from '../support/recording-messenger.js';
import type { HttpModule } from '../../src/server.js';
import { captureLog, startServer, type RunningServer } from '../server/harness.js';

export const PUBLIC_BASE_URL = 'https://pep.example.org';

/** The real store, both chat channels recorded, email links recorded, and the outbox's worker. */
export interface PlanWorld {
  store: MeetingStore;
  clock: SettableClock;
  deps: AppDeps;
  teams: RecordingMessenger;
  slack: RecordingMessenger;
  mails: LinkEmail[];
  events: DeliveryEvent[];
  delivery: CardDelivery;
  outbox: DeliveryWorker;
  /** Waits until what the changes so far queued has been sent. */
  settle(): Promise<void>;
  /** Runs a command as someone, then waits for what it queued to be sent. */
  run(meeting: Meeting, actorId: string, command: Record<string, unknown>): Promise<Meeting>;
  close(): Promise<void>;
}

/** What `npm start` runs with: links on the bot's own http address, and no SMTP. */
export const DEFAULT_SETTINGS = { publicBaseUrl: 'http://127.0.0.1:3978', email: false } as const;

export async function planWorld(settings: { publicBaseUrl: string; email: boolean } = { publicBaseUrl: PUBLIC_BASE_URL, email: true }): Promise<PlanWorld> {
  const dir = mkdtempSync(join(tmpdir(), 'pep-plan-'));
  const clock = settableClock(NOW);
  const store = await openStore({ dataDir: dir, clock });
  await store.init();
  const deps: AppDeps = { store, clock, newId: counterIds('w'), defaultTimeZone: 'Europe/London' };
  const teams = new RecordingMessenger('teams');
  const slack = new RecordingMessenger('slack');
  const mails: LinkEmail[] = [];
  const events: DeliveryEvent[] = [];
  const mailer = settings.email ? { sendLink: async (mail: LinkEmail) => (mails.push(mail), { sent: true as const }), sendCancellation: async () => ({ sent: true as const }) } : undefined;
  const links = new WebLinkSender({ app: deps, publicBaseUrl: settings.publicBaseUrl, mailer });
  const delivery = new CardDelivery({ store, messengers: [teams, slack], report: (e) => events.push(e), links, clock });
  const outbox = attachOutbox(deps, { delivery, logger: captureLog().logger, publicBaseUrl: settings.publicBaseUrl, linkDays: 14 });
  const world: PlanWorld = {
    store,
    clock,
    deps,
    teams,
    slack,
    mails,
    events,
    delivery,
    outbox,
    settle: () => outbox.drain(),
    run: async (meeting, actorId, command) => {
      const result = await executeCommand(deps, { meetingId: meeting.id, command, actorId, channel: 'teams' });
      await outbox.drain();
      return result.meeting;
    },
    close: async () => {
      await outbox.stop();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return world;
}

export const MEETING_INPUT = {
  type: 'createMeeting',
  child: { ref: 'PEP-2026-0042', initials: 'JD', fullName: 'Jordan Doe', dateOfBirth: '2014-05-02', yearGroup: 7, school: 'Hillside Academy' },
  startsAt: MEETING_START,
  location: { kind: 'online', url: 'https://teams.example.org/meet/abc' },
  organiser: { name: 'Sam Social', role: 'social_worker', email: 'sam@la.example.org', teamsAadObjectId: 'aad-sam' },
  participants: [
    { name: 'Dana Teacher', role: 'designated_teacher', email: 'dana@school.example.org', teamsAadObjectId: 'aad-dana' },
    { name: 'Chris Carer', role: 'carer', email: 'chris@home.example.org', slackUserId: 'U0CARER' },
    { name: 'Jordan Doe', role: 'child' },
    { name: 'Vic Officer', role: 'virtual_school_officer', email: 'vic@vs.example.org' },
  ],
  previousActions: [{ id: 'prev-1', description: 'Arrange reading support', ownerName: 'Dana Teacher', dueDate: '2026-10-30', status: 'open' }],
};

export const idOf = (meeting: Meeting, role: string): string => {
  const found = meeting.participants.find((p) => p.role === role);
  if (!found) throw new Error(`no ${role}`);
  return found.id;
};

/**
 * A PEP run as the channels run it, up to the moment the organiser closes it: invitations and
 * answers, the child's voice and the school's contribution, then in the call a review of the last
 * plan, a note, a SMART goal with funded support, actions for the teacher and the child.
 */
export async function meetingReadyToClose(world: PlanWorld, input: unknown = MEETING_INPUT): Promise<Meeting> {
  let meeting = await createMeeting(world.deps, { command: input, channel: 'teams' });
  const organiser = meeting.organiserId;
  const [teacher, carer, child] = [idOf(meeting, 'designated_teacher'), idOf(meeting, 'carer'), idOf(meeting, 'child')];
  meeting = await world.run(meeting, organiser, { type: 'sendInvitations' });
  meeting = await world.run(meeting, teacher, { type: 'recordRsvp', answer: 'accept' });
  meeting = await world.run(meeting, carer, { type: 'recordRsvp', answer: 'accept' });
  meeting = await world.run(meeting, idOf(meeting, 'virtual_school_officer'), { type: 'recordRsvp', answer: 'written_contribution' });
  meeting = await world.run(meeting, organiser, { type: 'sendPrompt', participantId: child, kind: 'child_voice' });
  meeting = await world.run(meeting, child, { type: 'answerPrompt', promptId: meeting.prompts[0]!.id, answer: { kind: 'child_voice', feeling: 4, goingWell: 'Football club', want: 'More help with reading <script>alert(1)</script>' } });
  meeting = await world.run(meeting, organiser, { type: 'requestContribution', participantId: teacher, kind: 'school' });
  meeting = await world.run(meeting, teacher, { type: 'submitContribution', contributionId: meeting.contributions.find((c) => c.participantId === teacher)!.id, content: { attendancePercent: 94, attainment: 'Reading age 10.5' } });
  meeting = await world.run(meeting, organiser, { type: 'lockAgenda' });
  meeting = await world.run(meeting, 'system', { type: 'startMeeting' });
  meeting = await world.run(meeting, organiser, { type: 'reviewPreviousAction', previousActionId: 'prev-1', outcome: 'achieved', evidence: 'Tutor started in October' });
  meeting = await world.run(meeting, teacher, { type: 'addNote', agendaItemId: meeting.agenda.items[1]!.id, text: 'Attendance is up to 94%' });
  meeting = await world.run(meeting, organiser, READING_GOAL);
  const goalId = meeting.goals[0]!.id;
  meeting = await world.run(meeting, organiser, { type: 'linkResource', goalId, kind: 'tutoring', description: 'Weekly reading tutor', costPence: 45000 });
  meeting = await world.run(meeting, organiser, { type: 'captureAction', ownerId: teacher, description: 'Send the reading report', dueDate: '2026-12-11', goalId });
  meeting = await world.run(meeting, organiser, { type: 'captureAction', ownerId: child, description: 'Choose three books at the library', dueDate: '2026-12-18' });
  return world.run(meeting, organiser, { type: 'setNextReviewDate', date: '2027-03-10' });
}

const pdfjsDir = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/** The text of a PDF, read back with pdf.js, whitespace collapsed so wrapped lines still match. */
export async function pdfTextOf(pdf: Uint8Array): Promise<{ pages: number; text: string }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), standardFontDataUrl: `${join(pdfjsDir, 'standard_fonts')}/` }).promise;
  const parts: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    // Items on one line are joined as they are: a name set in two fonts is still one word.
    for (const item of content.items) if ('str' in item) parts.push(item.hasEOL ? `${item.str}\n` : item.str);
    parts.push('\n');
  }
  await doc.destroy();
  return { pages: doc.numPages, text: parts.join('').replace(/\s+/g, ' ') };
}

/** A closed meeting with its plan issued, and a server on loopback with the given routes. */
export interface ServedPlan {
  world: PlanWorld;
  server: RunningServer;
  meeting: Meeting;
  stop(): Promise<void>;
}

export async function servedClosedPlan(mount: (world: PlanWorld) => HttpModule[]): Promise<ServedPlan> {
  const world = await planWorld();
  const server = await startServer({ store: world.store, mount: mount(world) });
  const ready = await meetingReadyToClose(world);
  const meeting = await world.run(ready, ready.organiserId, { type: 'concludeMeeting' });
  return {
    world,
    server,
    meeting,
    stop: async () => {
      await server.server.stop();
      await world.close();
    },
  };
}
