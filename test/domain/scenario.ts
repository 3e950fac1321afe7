import { CreateMeetingSchema, MeetingCommandSchema, type MeetingCommand } from '../../src/domain/commands.js';
import type { Change } from '../../src/domain/context.js';
import { createMeeting } from '../../src/domain/create-meeting.js';
import { decide } from '../../src/domain/decide.js';
import type { Channel, Meeting } from '../../src/domain/model.js';

export const NOW = '2026-11-25T10:00:00Z';
export const MEETING_START = '2026-12-04T10:00:00Z';

export function counterIds(prefix = 'id'): () => string {
  let n = 0;
  return () => `${prefix}-${++n}`;
}

export const createInput = {
  type: 'createMeeting',
  child: { ref: 'PEP-2026-0042', initials: 'JD', fullName: 'Jordan Doe', yearGroup: 7, school: 'Hillside Academy' },
  startsAt: MEETING_START,
  location: { kind: 'online', url: 'https://teams.example.org/meet/abc' },
  organiser: { name: 'Sam Social', role: 'social_worker', email: 'sam@la.example.org' },
  participants: [
    { name: 'Dana Teacher', role: 'designated_teacher', email: 'dana@school.example.org', teamsAadObjectId: 'aad-dana' },
    { name: 'Chris Carer', role: 'carer', email: 'chris@home.example.org', slackUserId: 'U0CARER' },
    { name: 'Jordan Doe', role: 'child' },
    { name: 'Vic Officer', role: 'virtual_school_officer', email: 'vic@vs.example.org' },
  ],
  previousActions: [{ id: 'prev-1', description: 'Arrange reading support', ownerName: 'DT', status: 'open' }],
} as const;

/**
 * Drives a meeting through the real domain: every step goes through decide(), so a test that
 * needs an in-progress meeting gets one built by the same rules the product uses.
 */
export class Scenario {
  meeting: Meeting;
  readonly changes: Change[] = [];
  private readonly newId = counterIds();
  at = NOW;

  /** `at` is when the meeting is created, and stays the time of each later step until changed. */
  constructor(input: unknown = createInput, at = NOW) {
    this.at = at;
    const change = createMeeting(CreateMeetingSchema.parse(input), { channel: 'teams', at: this.at, newId: this.newId });
    this.meeting = change.meeting;
    this.changes.push(change);
  }

  /** Participant id by role (first one). */
  id(role: string): string {
    const participant = this.meeting.participants.find((p) => p.role === role);
    if (!participant) throw new Error(`no participant with role ${role}`);
    return participant.id;
  }

  get organiser(): string {
    return this.meeting.organiserId;
  }

  run(actorId: string, command: MeetingCommand | Record<string, unknown>, channel: Channel = 'teams'): Change {
    const parsed = MeetingCommandSchema.parse(command);
    const change = decide(this.meeting, parsed, { actorId, channel, at: this.at, newId: this.newId });
    this.meeting = change.meeting;
    this.changes.push(change);
    return change;
  }

  invited(): this {
    this.run(this.organiser, { type: 'sendInvitations' });
    return this;
  }

  agreed(): this {
    this.invited().run(this.organiser, { type: 'lockAgenda' });
    return this;
  }

  inProgress(): this {
    this.agreed().run(this.organiser, { type: 'startMeeting' });
    return this;
  }
}

/** Asserts a refusal and that it left the meeting exactly as it was. */
export function expectRefusal(scenario: Scenario, actorId: string, command: Record<string, unknown>): { code: string; message: string; details: Record<string, unknown> } {
  const before = structuredClone(scenario.meeting);
  try {
    scenario.run(actorId, command);
  } catch (error) {
    if (scenario.meeting !== undefined && JSON.stringify(scenario.meeting) !== JSON.stringify(before)) {
      throw new Error('a refused command changed the meeting');
    }
    const e = error as { code: string; message: string; details: Record<string, unknown> };
    if (!e.code) throw error;
    return e;
  }
  throw new Error(`expected ${String(command.type)} to be refused`);
}
