import { expect } from 'vitest';
import type { Meeting } from '../../../../src/domain/model.js';
import { execute, installed, message } from './activities.js';
import type { CardContent, RosterMember } from './connector-stub.js';
import { cardHeading } from './connector-stub.js';
import type { TeamsHarness } from './teams-harness.js';
import { DANA, MEETING_CHAT, SAM } from './teams-harness.js';

/** The organiser's form: Dana (who uses PEP Bot in Teams), a carer and an officer who do not, and the child. */
export const FORM = {
  childRef: 'pep-2026-0042',
  childInitials: 'jd',
  yearGroup: '7',
  date: '2026-12-04',
  time: '10:00',
  durationMinutes: '60',
  place: 'Hillside Academy',
  onlineUrl: '',
  organiserRole: 'social_worker',
  participants: [
    'Dana Teacher, dana@school.example.org, designated_teacher',
    'Chris Carer, chris@home.example.org, carer',
    'Vic Officer, vic@vs.example.org, virtual_school_officer',
    'Jordan, child',
  ].join('\n'),
};

/** The body of an Action.Execute answer. */
export interface CardAnswer {
  statusCode: number;
  type: string;
  value: CardContent;
}
export const cardOf = (body: unknown) => (body as CardAnswer).value;
export const headingOfAnswer = (body: unknown) => cardHeading(cardOf(body));

/** Sam and Dana (unless told otherwise) install PEP Bot, Sam sends the form: the meeting exists and invitations are out. */
export async function createMeetingInTeams(teams: TeamsHarness, install: RosterMember[] = [SAM, DANA]): Promise<Meeting> {
  const where = { serviceUrl: teams.connector.serviceUrl };
  for (const person of install) await teams.post(installed(person, where));
  const created = await teams.post(execute(SAM, where, 'meeting.create', FORM));
  expect(headingOfAnswer(created.body)).toBe('Invitations on their way');
  await teams.settled();
  const [meeting] = await teams.store.meetingsOfParticipant({ kind: 'teamsAad', teamsAadObjectId: SAM.aadObjectId });
  return meeting!;
}

/** The bot is added to the meeting chat and Sam links it: the agenda card is posted there. */
export async function linkMeetingChat(teams: TeamsHarness): Promise<void> {
  const inChat = { serviceUrl: teams.connector.serviceUrl, chat: MEETING_CHAT };
  await teams.post(installed(SAM, inChat));
  await teams.post(message(SAM, inChat, 'link PEP-2026-0042'));
  await teams.settled();
}

export const idOf = (meeting: Meeting, role: string) => meeting.participants.find((p) => p.role === role)!.id;
