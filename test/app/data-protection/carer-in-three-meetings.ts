import { recordChildEvent } from '../../../src/app/child/record-child-event.js';
import type { StoreWithChildren } from '../../../src/ports/child-store.js';
import type { Clock } from '../../../src/ports/clock.js';
import type { Meeting } from '../../../src/domain/model.js';
import { aMeeting, anAuditEvent } from '../../support/meeting-fixture.js';

/** The carer every data protection test is about, and what only they wrote. */
export const CARER = { id: 'p-carer', name: 'Chris Jones', email: 'chris.jones@example.org', slackUserId: 'UCHRIS001' };
export const CARER_WORDS = ['Working that day.', 'Sleeping badly since the move', 'Ask about the reading club', 'Carer note: homework is a battle'];
/** What only the other people wrote or are: none of it may reach the carer's export. */
export const OTHERS = ['Sam Patel', 'sam.patel@example.gov.uk', 'Alex Morgan', 'a.morgan@northfield.sch.uk', 'U012AB3CD', 'Teacher note: reading age 9', 'Off sick', 'Jordan Doe'];

/**
 * The fixture carer in three meetings of two children, each with their own answers and notes,
 * beside a social worker and a teacher with theirs; plus a fourth meeting without the carer.
 */
export async function carerInThreeMeetings(store: StoreWithChildren): Promise<{ theirs: Meeting[]; other: Meeting }> {
  const withCarer = (n: number, ref: string): Meeting => {
    const base = aMeeting({ id: `meeting-carer-${n}`, startsAt: `2026-0${n}-10T10:00:00Z`, child: { ref, initials: 'JD', fullName: 'Jordan Doe', yearGroup: 7 } });
    return {
      ...base,
      participants: base.participants.map((person) => {
        if (person.id === 'p-carer') return { ...person, slackUserId: CARER.slackUserId };
        if (person.id === 'p-teacher') return { ...person, rsvp: { answer: 'decline' as const, at: '2026-03-02T09:15:00Z', note: 'Off sick' } };
        return person;
      }),
      notes: [
        { id: `n-carer-${n}`, text: CARER_WORDS[3] ?? '', by: 'p-carer', at: '2026-03-10T10:10:00Z' },
        { id: `n-teacher-${n}`, text: 'Teacher note: reading age 9', by: 'p-teacher', at: '2026-03-10T10:12:00Z' },
      ],
      prompts: [
        {
          id: `pr-${n}`,
          kind: 'carer',
          participantId: 'p-carer',
          sentAt: '2026-03-01T09:00:00Z',
          answer: { kind: 'carer', mood: 3, freeText: CARER_WORDS[1], toRaise: CARER_WORDS[2] },
          answeredAt: '2026-03-02T09:00:00Z',
        },
      ],
    };
  };
  const theirs = [withCarer(1, 'PEP-2026-0042'), withCarer(2, 'PEP-2026-0042'), withCarer(3, 'PEP-2026-0077')];
  const base = aMeeting({ id: 'meeting-without-carer', child: { ref: 'PEP-2026-0099', initials: 'KL' } });
  const other = { ...base, participants: base.participants.filter((person) => person.id !== 'p-carer') };
  for (const meeting of [...theirs, other]) {
    await store.createMeeting(meeting, {
      events: [
        anAuditEvent(meeting.id, { actorId: 'p-carer', type: 'answerPrompt', data: { freeText: CARER_WORDS[1] } }),
        anAuditEvent(meeting.id, { actorId: 'p-organiser', type: 'addParticipant', data: { name: 'Sam Patel', email: 'sam.patel@example.gov.uk' } }),
        anAuditEvent(meeting.id, { actorId: 'p-organiser', type: 'addParticipant', data: { name: CARER.name, email: CARER.email } }),
      ],
    });
  }
  await store.putValue('card-ref', `${theirs[0]?.id}/invitation/p-carer`, { channel: 'slack', id: 'ts-carer' });
  await store.putValue('card-ref', `${theirs[0]?.id}/invitation/p-teacher`, { channel: 'slack', id: 'ts-teacher' });
  await store.putValue('teams-person', `email:${CARER.email}`, { name: CARER.name, emails: [CARER.email] });
  return { theirs, other };
}

/** The teacher of the fixture meetings, and the one who followed them at the first child's new school. */
export const TEACHER = { name: 'Alex Morgan', email: 'a.morgan@northfield.sch.uk' };
export const NEXT_TEACHER = 'k.lee@southfield.sch.uk';

/**
 * School moves recorded as the app records them (decideChild), each naming the designated teacher
 * in its audit entry: the first child moved to Northfield (Alex Morgan) then on to Southfield, the
 * second to Northfield. Alex Morgan is then named by the second child's record, and by both trails.
 */
export async function schoolMoves(store: StoreWithChildren, clock: Clock): Promise<void> {
  let n = 0;
  const deps = { children: store, clock, newId: () => `school-move-${(n += 1)}` };
  const move = (ref: string, on: string, school: string, designatedTeacherEmail: string) =>
    recordChildEvent(deps, { ref, command: { type: 'recordSchoolChange', on, school, designatedTeacherEmail }, actorId: 'vso-kim', channel: 'teams', known: { ref, initials: 'JD', fullName: 'Jordan Doe', yearGroup: 7 } });
  await move('PEP-2026-0042', '2026-03-01', 'Northfield Academy', TEACHER.email);
  await move('PEP-2026-0042', '2026-03-15', 'Southfield School', NEXT_TEACHER);
  await move('PEP-2026-0077', '2026-03-01', 'Northfield Academy', TEACHER.email);
}
