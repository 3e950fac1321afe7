import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Meeting, Participant } from '../../src/domain/model.js';
import type { MeetingStore } from '../../src/ports/store.js';
import { createSqliteStore } from '../../src/stores/sqlite/sqlite-store.js';
import { aMeeting, anAction } from '../../test/support/meeting-fixture.js';

/**
 * Tuesday 24 March 2026, midday. An open action due Friday the 20th is overdue: its owner's
 * "overdue" nudge (the 23rd) and the organiser's escalation (the 24th, 09:00) are due now, the
 * Virtual School officer's escalation and the weekly digests are still to come.
 */
export const NOW = '2026-03-24T12:00:00Z';

/**
 * Starts at NOW and moves with real time, as the system clock does in production. A clock held
 * still would give each job saved a moment later a later run time (Agenda keeps the system's
 * time), and nudges due at one instant would go in the order they were saved, not at random.
 */
const startedAt = Date.now();
export const benchClock = { now: () => new Date(Date.parse(NOW) + Date.now() - startedAt) };

/** Due now per overdue action: the owner's nudge and the organiser's escalation. */
export const DUE_NUDGES_PER_ACTION = 2;

const slackPerson = (id: string, role: Participant['role'], meeting: number, name: string): Participant => ({
  id,
  name,
  initials: name.split(' ').map((part) => part[0]).join(''),
  role,
  email: `${id}.${meeting}@example.gov.uk`,
  // One DM per person: Slack's per-channel limit applies to each of them separately.
  slackUserId: `U${role.slice(0, 3).toUpperCase()}${String(meeting).padStart(6, '0')}`,
  preferredChannel: 'slack',
});

/** Meeting `index` of a council's caseload: everyone on Slack, `actions` open actions all overdue. */
export function overdueMeeting(index: number, actions: number): Meeting {
  const base = aMeeting();
  return aMeeting({
    id: `bench-meeting-${index}`,
    organiserId: 'p-organiser',
    participants: [
      slackPerson('p-organiser', 'social_worker', index, 'Sam Patel'),
      slackPerson('p-teacher', 'designated_teacher', index, 'Alex Morgan'),
      slackPerson('p-officer', 'virtual_school_officer', index, 'Vic Officer'),
      ...base.participants.filter((person) => person.id === 'p-carer'),
    ],
    actions: Array.from({ length: actions }, (_, a) =>
      anAction({ id: `act-${a}`, description: `Overdue action ${a} of meeting ${index}`, dueDate: '2026-03-20', createdAt: '2026-03-10T10:30:00Z' }),
    ),
  });
}

/** A temporary DATA_DIR with a real SQLite store holding `total` overdue actions, `perMeeting` to a meeting. */
export async function seededStore(total: number, perMeeting: number) {
  const dataDir = mkdtempSync(join(tmpdir(), 'pep-bot-bench-'));
  const filename = join(dataDir, 'pep-bot.sqlite');
  const store: MeetingStore = createSqliteStore({ filename, clock: benchClock });
  await store.init();
  const meetings: Meeting[] = [];
  for (let index = 0; index * perMeeting < total; index += 1) {
    const meeting = overdueMeeting(index, Math.min(perMeeting, total - index * perMeeting));
    await store.createMeeting(meeting, { events: [] });
    meetings.push(meeting);
  }
  return {
    filename,
    store,
    meetings,
    async close() {
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
