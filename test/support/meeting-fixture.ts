import { endOfLocalDay } from '../../src/domain/dates.js';
import { ActionSchema, AuditEventSchema, MeetingSchema } from '../../src/domain/model.js';
import type { Action, AuditEvent, Meeting } from '../../src/domain/model.js';

/**
 * Test data builders. Each parses what it builds with the domain schema, so a fixture can never
 * drift from the model: a change to MeetingSchema that breaks it fails here, by name.
 */

let meetingCount = 0;

const TIME_ZONE = 'Europe/London';

/** An action due at the end of `dueDate` in London, like the domain computes it. */
export function anAction(overrides: Partial<Action> & Pick<Action, 'id'>): Action {
  const dueDate = overrides.dueDate ?? '2026-03-20';
  return ActionSchema.parse({
    description: `Action ${overrides.id}`,
    ownerId: 'p-teacher',
    dueDate,
    dueAt: endOfLocalDay(dueDate, TIME_ZONE),
    status: 'open',
    createdBy: 'p-organiser',
    createdAt: '2026-03-10T10:30:00Z',
    ...overrides,
  });
}

/**
 * A meeting in progress for child PEP-2026-0042 with an organiser on Teams, a designated teacher on
 * Slack and a carer by email, and three actions (open, blocked, done). Each call gets a new id.
 */
export function aMeeting(overrides: Partial<Meeting> = {}): Meeting {
  meetingCount += 1;
  return MeetingSchema.parse({
    id: `meeting-${meetingCount}`,
    version: 1,
    status: 'in_progress',
    child: { ref: 'PEP-2026-0042', initials: 'JD', yearGroup: 7, school: 'Northfield Academy' },
    purpose: 'Spring term PEP review',
    startsAt: '2026-03-10T10:00:00Z',
    durationMinutes: 60,
    timeZone: TIME_ZONE,
    location: { kind: 'online', url: 'https://teams.microsoft.com/l/meetup-join/pep-2026-0042' },
    organiserId: 'p-organiser',
    participants: [
      {
        id: 'p-organiser',
        name: 'Sam Patel',
        initials: 'SP',
        role: 'social_worker',
        email: 'Sam.Patel@Example.gov.uk',
        teamsUserId: '29:1a2b3c-sam',
        teamsAadObjectId: '6f1c2d3e-0000-4000-8000-000000000001',
        preferredChannel: 'teams',
      },
      {
        id: 'p-teacher',
        name: 'Alex Morgan',
        initials: 'AM',
        role: 'designated_teacher',
        email: 'a.morgan@northfield.sch.uk',
        slackUserId: 'U012AB3CD',
        preferredChannel: 'slack',
        rsvp: { answer: 'accept', at: '2026-03-02T09:15:00Z' },
      },
      {
        id: 'p-carer',
        name: 'Chris Jones',
        initials: 'CJ',
        role: 'carer',
        email: 'chris.jones@example.org',
        preferredChannel: 'web',
        rsvp: { answer: 'written_contribution', at: '2026-03-03T18:40:00Z', note: 'Working that day.' },
      },
    ],
    contributions: [],
    agenda: {
      items: [
        { id: 'ag-previous', title: 'Previous actions', addedBy: 'p-organiser', suggested: false },
        { id: 'ag-wellbeing', title: 'Well-being', addedBy: 'p-carer', suggested: true },
      ],
      signOffs: [{ participantId: 'p-teacher', at: '2026-03-05T12:00:00Z' }],
    },
    notes: [],
    previousActions: [],
    reviews: [],
    goals: [],
    resources: [],
    actions: [
      anAction({ id: 'act-reading', dueDate: '2026-03-20', status: 'open' }),
      anAction({ id: 'act-laptop', dueDate: '2026-03-27', status: 'blocked', blockedReason: 'Waiting for funding.' }),
      anAction({ id: 'act-visit', dueDate: '2026-03-13', status: 'done', completedAt: '2026-03-12T16:00:00Z' }),
    ],
    prompts: [],
    createdAt: '2026-02-20T09:00:00Z',
    updatedAt: '2026-03-10T10:30:00Z',
    ...overrides,
  });
}

/** The next version of a stored meeting, as a use case would write it. */
export const nextVersion = (meeting: Meeting, changes: Partial<Meeting> = {}): Meeting =>
  MeetingSchema.parse({ ...meeting, ...changes, version: meeting.version + 1 });

let eventCount = 0;

export function anAuditEvent(meetingId: string, overrides: Partial<AuditEvent> = {}): AuditEvent {
  eventCount += 1;
  return AuditEventSchema.parse({
    id: `event-${eventCount}`,
    meetingId,
    at: '2026-03-10T10:30:00Z',
    actorId: 'p-organiser',
    channel: 'teams',
    type: 'captureAction',
    summary: `Change ${eventCount}`,
    data: {},
    ...overrides,
  });
}
