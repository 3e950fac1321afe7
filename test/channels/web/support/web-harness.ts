import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RequestHandler } from 'express';
import { createMeeting } from '../../../../src/app/create-meeting.js';
import { CardDelivery } from '../../../../src/app/delivery.js';
import type { DeliveryEvent } from '../../../../src/app/delivery.js';
import type { AppDeps } from '../../../../src/app/deps.js';
import { executeCommand } from '../../../../src/app/execute-command.js';
import { attachOutbox } from '../../../../src/app/outbox/attach-outbox.js';
import type { LinkMailer } from '../../../../src/app/link-sender.js';
import type { WebChannel } from '../../../../src/channels/web/index.js';
import { createWebChannel, loadWebConfig } from '../../../../src/channels/web/index.js';
import type { Meeting, Participant } from '../../../../src/domain/model.js';
import type { MeetingStore } from '../../../../src/ports/store.js';
import { openStore } from '../../../../src/stores/open-store.js';
import type { SettableClock } from '../../../contract/settable-clock.js';
import { settableClock } from '../../../contract/settable-clock.js';
import { counterIds, MEETING_START, NOW } from '../../../domain/scenario.js';
import { startServer } from '../../../server/harness.js';
import type { RunningServer } from '../../../server/harness.js';
import { RecordingMessenger } from '../../../support/recording-messenger.js';
import type { SmtpSink } from './smtp-sink.js';
import { startSmtpSink } from './smtp-sink.js';

/** What must never reach a bad-link page, an email or a log line: the child and the people. */
export const CHILD = { initials: 'JD', ref: 'PEP-2026-0042', fullName: 'Jordan Doe', school: 'Hillside Academy' };

const meetingInput = {
  type: 'createMeeting',
  child: { ref: CHILD.ref, initials: CHILD.initials, fullName: CHILD.fullName, yearGroup: 7, school: CHILD.school },
  startsAt: MEETING_START,
  location: { kind: 'online', url: 'https://teams.example.org/meet/abc' },
  organiser: { name: 'Sam Social', role: 'social_worker', email: 'sam@la.example.org', teamsAadObjectId: 'aad-sam' },
  participants: [
    { name: 'Dana Teacher', role: 'designated_teacher', email: 'dana@school.example.org', teamsAadObjectId: 'aad-dana' },
    // No Teams or Slack: the carer gets links by email, the child through the organiser.
    { name: 'Chris Carer', role: 'carer', email: 'chris@home.example.org' },
    { name: 'Jordan Doe', role: 'child' },
  ],
} as const;

/** The meeting chat the organiser linked: the agenda card is posted there. */
export const MEETING_CHAT = '19:meeting-chat@thread.v2';

export interface PreparedMeeting {
  meeting: Meeting;
  organiser: Participant;
  carer: Participant;
  child: Participant;
}

/** The organiser's reach report card data, as the view builds it. */
export interface ReachReportData {
  links: { name: string; role: string; opens: string; why: string; url: string; expiresOn: string; singleUse: boolean }[];
  undelivered: { who: string; what: string; reason: string }[];
}

/** The link in an email's text, with quoted-printable's soft line breaks undone (a token has no other escapes). */
const emailedLink = (raw: Buffer): string | undefined => raw.toString('utf8').replace(/=\r?\n/g, '').match(/https?:\/\/[^\s"<>]+\/p\/[A-Za-z0-9_-]{43}/)?.[0];

export interface WebHarness {
  url: string;
  running: RunningServer;
  store: MeetingStore;
  deps: AppDeps;
  clock: SettableClock;
  teams: RecordingMessenger;
  delivery: CardDelivery;
  web: WebChannel;
  smtp: SmtpSink;
  reports: DeliveryEvent[];
  /** Invited, the chat linked, and both prompts sent: every link has gone out. */
  prepare(): Promise<PreparedMeeting>;
  /** Runs a command as the organiser, then waits for what it queued to be sent. */
  run(meeting: Meeting, command: Record<string, unknown>): Promise<Meeting>;
  /** Waits until everything queued so far has been sent. */
  settle(): Promise<void>;
  /** The links one person was given, oldest first: emailed to them, or on the organiser's card to pass on. */
  noticedLinks(personName: string): string[];
  /** The organiser's card about who PEP Bot could not reach, as it reads now. */
  reachReport(): ReachReportData | undefined;
  close(): Promise<void>;
}

/**
 * The web channel on the real HTTP server and SQLite store, with a loopback SMTP server and a
 * recording Teams messenger. The server listens first so PUBLIC_BASE_URL is its real address.
 */
export async function startWebHarness(options: { mailer?: LinkMailer; smtp?: boolean; publicBaseUrl?: string } = {}): Promise<WebHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'pep-web-'));
  const clock = settableClock(NOW);
  const store = await openStore({ dataDir: dir, clock });
  await store.init();
  const deps: AppDeps = { store, clock, newId: counterIds('w'), defaultTimeZone: 'Europe/London' };
  const smtp = await startSmtpSink();
  // Built once the server's address is known: the server and the channel each need the other.
  const late: { routes?: RequestHandler } = {};
  const running = await startServer({ store, mount: [{ path: '/', router: (req, res, next) => (late.routes ? late.routes(req, res, next) : next()) }] });
  const teams = new RecordingMessenger();
  const reports: DeliveryEvent[] = [];
  const smtpEnv = options.smtp === false ? {} : { SMTP_URL: smtp.url, MAIL_FROM: 'PEP Bot <pep-bot@la.example.org>' };
  const web = createWebChannel({
    config: { publicBaseUrl: options.publicBaseUrl ?? running.url },
    web: loadWebConfig(smtpEnv),
    deps,
    logger: running.logger,
    mailer: options.mailer,
  });
  late.routes = web.module.router;
  const delivery = new CardDelivery({ store, messengers: [teams], report: (event) => reports.push(event), links: web.linkSender, clock });
  const outbox = attachOutbox(deps, { delivery, logger: running.logger, publicBaseUrl: options.publicBaseUrl ?? running.url, linkDays: web.linkDays });

  const run = async (meeting: Meeting, command: Record<string, unknown>): Promise<Meeting> => {
    const result = await executeCommand(deps, { meetingId: meeting.id, command, actorId: meeting.organiserId, channel: 'teams' });
    await outbox.drain();
    return result.meeting;
  };

  return {
    url: running.url,
    running,
    store,
    deps,
    clock,
    teams,
    delivery,
    web,
    smtp,
    reports,
    run,
    settle: () => outbox.drain(),
    async prepare() {
      let meeting = await createMeeting(deps, { command: meetingInput, channel: 'teams' });
      const person = (role: string) => meeting.participants.find((p) => p.role === role)!;
      meeting = await run(meeting, { type: 'linkChat', channel: 'teams', conversationId: MEETING_CHAT });
      meeting = await run(meeting, { type: 'sendInvitations' });
      meeting = await run(meeting, { type: 'sendPrompt', participantId: person('carer').id, kind: 'carer' });
      meeting = await run(meeting, { type: 'sendPrompt', participantId: person('child').id, kind: 'child_voice' });
      const stored = (await store.getMeeting(meeting.id))!;
      return { meeting: stored, organiser: person('social_worker'), carer: person('carer'), child: person('child') };
    },
    noticedLinks(personName) {
      const passedOn = teams.sent.filter((s) => s.card.name === 'reach-report').flatMap((s) => (s.card.data as ReachReportData).links.filter((l) => l.name === personName).map((l) => l.url));
      const person = meetingInput.participants.find((p) => p.name === personName);
      const email = person && 'email' in person ? person.email : undefined;
      const emailed = smtp.received.filter((e) => email && e.to.includes(email)).flatMap((e) => emailedLink(e.raw) ?? []);
      return [...new Set([...emailed, ...passedOn])];
    },
    reachReport() {
      return teams.latest('reach-report')?.data as ReachReportData | undefined;
    },
    async close() {
      await running.server.stop();
      await outbox.stop();
      web.close();
      await smtp.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
