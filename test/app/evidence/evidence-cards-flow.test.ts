import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handleCardAction } from '../../../src/app/card-actions.js';
import { handleChatCommand } from '../../../src/app/chat/handle-chat-command.js';
import { createMeeting } from '../../../src/app/create-meeting.js';
import { CardDelivery } from '../../../src/app/delivery.js';
import type { AppDeps } from '../../../src/app/deps.js';
import { executeCommand } from '../../../src/app/execute-command.js';
import type { LinkEmail } from '../../../src/app/link-sender.js';
import { WebLinkSender } from '../../../src/app/link-sender.js';
import { attachOutbox } from '../../../src/app/outbox/attach-outbox.js';
import type { DeliveryWorker } from '../../../src/app/outbox/delivery-worker.js';
import { submitThroughLink } from '../../../src/channels/web/link-submission.js';
import { rosterOf } from '../../../src/app/views/evidence-cards.js';
import type { Officer } from '../../../src/domain/actor.js';
import { EvidenceSettingsSchema } from '../../../src/domain/evidence/evidence-settings.js';
import type { Meeting } from '../../../src/domain/model.js';
import type { MeetingStore } from '../../../src/ports/store.js';
import { openStore } from '../../../src/stores/open-store.js';
import { settableClock, type SettableClock } from '../../contract/settable-clock.js';
import { counterIds, NOW } from '../../domain/scenario.js';
import { MEETING_INPUT, idOf } from '../../plan/support.js';
import { captureLog } from '../../server/harness.js';
import { RecordingMessenger } from '../../support/recording-messenger.js';

const amy: Officer = { id: 'vs-amy', name: 'Amy Officer', slackUserId: 'U0AMY', roles: ['virtual_school_officer'] };
const head: Officer = { id: 'vs-head', name: 'Hana Head', slackUserId: 'U0HEAD', roles: ['virtual_school_head'] };

let dir: string;
let store: MeetingStore;
let clock: SettableClock;
let deps: AppDeps;
let teams: RecordingMessenger;
let slack: RecordingMessenger;
let mails: LinkEmail[];
let worker: DeliveryWorker;
let delivery: CardDelivery;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pep-evidence-'));
  clock = settableClock(NOW);
  store = await openStore({ dataDir: dir, clock });
  await store.init();
  deps = { store, clock, newId: counterIds('e'), defaultTimeZone: 'Europe/London', officers: [amy, head], evidenceSettings: EvidenceSettingsSchema.parse({ attendanceBelowPercent: 92 }) };
  teams = new RecordingMessenger('teams');
  slack = new RecordingMessenger('slack');
  mails = [];
  const mailer = { sendLink: async (mail: LinkEmail) => (mails.push(mail), { sent: true as const }), sendCancellation: async () => ({ sent: true as const }) };
  const links = new WebLinkSender({ app: deps, publicBaseUrl: 'https://pep.example.org', mailer });
  delivery = new CardDelivery({ store, messengers: [teams, slack], report: () => undefined, links, clock });
  worker = attachOutbox(deps, { delivery, logger: captureLog().logger, publicBaseUrl: 'https://pep.example.org', linkDays: 14 });
});

afterEach(async () => {
  await worker.stop();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const run = async (meeting: Meeting, actorId: string, command: Record<string, unknown>): Promise<Meeting> =>
  (await executeCommand(deps, { meetingId: meeting.id, command, actorId, channel: 'teams' })).meeting;

const click = (meeting: Meeting, participantId: string, verb: string, payload: Record<string, unknown>) =>
  handleCardAction(deps, { verb, payload: { meetingId: meeting.id, ...payload }, actor: { kind: 'participant', participantId }, channel: 'teams' });

const FIGURES = { attendancePercent: '96', suspensionDays: '0', permanentlyExcluded: 'no', english: 'expected', maths: 'expected', science: '' };

async function invited(input: unknown = MEETING_INPUT): Promise<Meeting> {
  const meeting = await createMeeting(deps, { command: input, channel: 'teams' });
  return run(meeting, meeting.organiserId, { type: 'sendInvitations' });
}

describe('the evidence card', () => {
  it('keeps what the designated teacher typed, with the problems, in the same card', async () => {
    const meeting = await invited();
    const result = await click(meeting, idOf(meeting, 'designated_teacher'), 'evidence.submit', { ...FIGURES, attendancePercent: '104' });
    expect(result.card.name).toBe('evidence-form');
    const data = result.card.data as { values: Record<string, unknown>; errors: string[] };
    expect(data.values).toMatchObject({ attendancePercent: '104', maths: 'expected' });
    expect(data.errors).toEqual(['Enter attendance as a number from 0 to 100.']);
    expect((await store.getMeeting(meeting.id))?.evidence).toBeUndefined();
  });

  it('is refused to the carer, and records the figures from the designated teacher', async () => {
    const meeting = await invited();
    const refused = await click(meeting, idOf(meeting, 'carer'), 'evidence.submit', FIGURES);
    expect(refused.refusal?.code ?? (refused.card.data as { errors: string[] }).errors[0]).toMatch(/PERMISSION.NOT_ADDRESSEE|designated teacher/);
    const saved = await click(meeting, idOf(meeting, 'designated_teacher'), 'evidence.submit', FIGURES);
    expect(saved.card.name).toBe('confirmation');
    // Nobody types the term: it is the one the PEP is held in (4 December 2026), by the council's term dates.
    expect((await store.getMeeting(meeting.id))?.evidence).toMatchObject({ term: '2026-27 autumn', attendancePercent: 96, source: 'card', attainment: [{ subject: 'english', level: 'expected' }, { subject: 'maths', level: 'expected' }] });
  });

  it('goes by secure link to a designated teacher with no Teams or Slack when the organiser asks', async () => {
    const input = { ...MEETING_INPUT, participants: MEETING_INPUT.participants.map((p) => (p.role === 'designated_teacher' ? { name: p.name, role: p.role, email: p.email } : p)) };
    const meeting = await invited(input);
    await run(meeting, meeting.organiserId, { type: 'requestEvidence', participantId: idOf(meeting, 'designated_teacher') });
    await worker.drain();
    const mail = mails.find((m) => m.purpose === 'evidence');
    expect(mail?.to).toBe('dana@school.example.org');
    const link = (await store.getMeeting(meeting.id))?.links.find((l) => l.purpose === 'evidence');
    expect(link).toMatchObject({ participantId: idOf(meeting, 'designated_teacher'), singleUse: true });

    // The page posts the button's verb and data with every input as text, as card-page.js does.
    const token = new URL(mail!.url).pathname.split('/').at(-1)!;
    const inputs = { ...FIGURES, attendancePercent: '89', maths: 'well_below' };
    const bad = await submitThroughLink(deps, token, { verb: 'evidence.submit', data: { meetingId: meeting.id }, inputs: { ...inputs, suspensionDays: '-2' } });
    expect(bad.status).toBe(422);
    const answered = await submitThroughLink(deps, token, { verb: 'evidence.submit', data: { meetingId: meeting.id }, inputs });
    expect(answered.status).toBe(200);
    const saved = await store.getMeeting(meeting.id);
    expect(saved?.evidence).toMatchObject({ attendancePercent: 89, recordedBy: idOf(meeting, 'designated_teacher'), source: 'card' });
    expect((await store.auditTrail(meeting.id)).find((e) => e.type === 'recordEvidence')?.channel).toBe('web');
  });
});

describe('a flagged child', () => {
  it('reaches the organiser and the Virtual School officer with the trend since the last PEP', async () => {
    const first = await invited();
    await click(first, idOf(first, 'designated_teacher'), 'evidence.submit', FIGURES);
    await worker.drain();
    expect(teams.latest('evidence-flags')).toBeUndefined();

    const second = await invited({ ...MEETING_INPUT, startsAt: '2027-03-10T10:00:00Z', previousMeetingId: first.id });
    await click(second, idOf(second, 'designated_teacher'), 'evidence.submit', { ...FIGURES, attendancePercent: '91', maths: 'below', suspensionDays: '1' });
    await worker.drain();

    const toOrganiser = teams.sent.find((s) => s.card.name === 'evidence-flags');
    expect(toOrganiser?.to).toBe(second.organiserId);
    const data = toOrganiser?.card.data as { flags: string[]; trend: { label: string; text: string }[]; child: unknown };
    expect(data.flags).toEqual(['Attendance 91% is below 92%', 'Suspended for 1 day this term', 'Maths slipped from at expected to below expected']);
    expect(data.trend).toContainEqual({ label: 'Attendance', text: '96% → 91% ▼' });
    expect(data.trend).toContainEqual({ label: 'Maths', text: 'At expected → Below expected ▼' });
    expect(JSON.stringify(data)).not.toMatch(/Jordan/);
    // The child's Virtual School officer, not the head, who oversees without a caseload.
    expect(slack.sent.filter((s) => s.card.name === 'evidence-flags').map((s) => s.to)).toEqual(['officer:vs-amy']);
  });
});

describe('the attendance card', () => {
  it('records the organiser’s choices row by row, and re-draws itself when the people changed', async () => {
    let meeting = await invited();
    meeting = await run(meeting, idOf(meeting, 'carer'), { type: 'recordRsvp', answer: 'decline', note: 'Hospital appointment' });
    meeting = await run(meeting, meeting.organiserId, { type: 'lockAgenda' });
    meeting = await run(meeting, meeting.organiserId, { type: 'startMeeting' });
    const organiser = meeting.organiserId;
    const stale = await click(meeting, organiser, 'attendance.record', { roster: '000000000000', status1: 'attended' });
    expect(stale.card.name).toBe('attendance-record');
    expect((stale.card.data as { errors: string[] }).errors[0]).toMatch(/people in this meeting changed/);

    const rows = { status1: 'attended', status2: 'attended', status3: 'apologies', reason3: '', status4: 'written_contribution', status5: 'absent', reason5: 'No word' };
    const saved = await click(meeting, organiser, 'attendance.record', { roster: rosterOf(meeting), ...rows });
    expect(saved.change).toBeDefined();
    const kept = (await store.getMeeting(meeting.id))?.attendance;
    expect(kept?.map((e) => [e.status, e.reason])).toEqual([
      ['attended', undefined],
      ['attended', undefined],
      ['apologies', 'Hospital appointment'],
      ['written_contribution', undefined],
      ['absent', 'No word'],
    ]);
    const refused = await click(meeting, idOf(meeting, 'carer'), 'attendance.record', { roster: rosterOf(meeting), ...rows });
    expect((refused.card.data as { errors: string[] }).errors[0]).toMatch(/organiser/);
  });
});

describe('typed in chat', () => {
  const sam = { kind: 'teamsAad' as const, teamsAadObjectId: 'aad-sam' };
  const dana = { kind: 'teamsAad' as const, teamsAadObjectId: 'aad-dana' };
  const type = (text: string, actor: typeof sam, isGroupChat = false) =>
    handleChatCommand(deps, delivery, { text, mentions: [], actor, chat: { channel: 'teams', conversationId: isGroupChat ? 'group-chat' : `dm-${actor.teamsAadObjectId}` }, isGroupChat });

  it('"evidence" opens the form for the designated teacher, "evidence request" sends it from the organiser', async () => {
    await invited();
    expect((await type('evidence', dana)).reply?.name).toBe('evidence-form');
    expect((await type('evidence', dana, true)).reply).toMatchObject({ name: 'confirmation', data: { title: "The school's figures are entered in private" } });
    expect((await type('evidence request', sam)).reply?.name).toBe('confirmation');
    await worker.drain();
    expect(teams.sent.filter((s) => s.card.name === 'evidence-form')).toHaveLength(1);
  });

  it('"attendance" opens the record for the organiser once the meeting has started, and is refused before', async () => {
    let meeting = await invited();
    expect((await type('attendance', sam)).reply?.data).toMatchObject({ code: 'MEETING.WRONG_STATUS' });
    meeting = await run(meeting, meeting.organiserId, { type: 'lockAgenda' });
    await run(meeting, meeting.organiserId, { type: 'startMeeting' });
    expect((await type('attendance', dana)).reply?.data).toMatchObject({ code: 'PERMISSION.NOT_ORGANISER' });
    const card = (await type('attendance', sam)).reply;
    expect(card?.name).toBe('attendance-record');
    expect(card?.data).toMatchObject({ recorded: false, child: { initials: 'JD' } });
  });
});
