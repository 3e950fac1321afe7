import { describe, expect, it } from 'vitest';
import type { Meeting } from '../../src/domain/model.js';
import type { IdentityQuery, MeetingStore } from '../../src/ports/store.js';
import { aMeeting, anAction, nextVersion } from '../support/meeting-fixture.js';

const actionOf = (meeting: Meeting, actionId: string) => {
  const action = meeting.actions.find((candidate) => candidate.id === actionId);
  if (!action) throw new Error(`The fixture has no action ${actionId}.`);
  return { meetingId: meeting.id, action };
};

/** The indexed reads: by child, by participant identity, by due date. */
export function queriesContract(store: () => MeetingStore): void {
  const createAll = async (...meetings: Meeting[]) => {
    for (const meeting of meetings) await store().createMeeting(meeting, { events: [] });
  };

  describe('meetingsOfChild', () => {
    it('returns every meeting of the child, earliest start first, and no one else’s', async () => {
      const summer = aMeeting({ startsAt: '2026-06-09T09:00:00Z' });
      const spring = aMeeting({ startsAt: '2026-03-10T10:00:00Z' });
      const springEarlierByOffset = aMeeting({ startsAt: '2026-03-10T10:30:00+01:00' });
      const otherChild = aMeeting({ child: { ref: 'PEP-2026-0077', initials: 'KL' } });
      await createAll(summer, spring, otherChild, springEarlierByOffset);

      expect(await store().meetingsOfChild('PEP-2026-0042')).toStrictEqual([springEarlierByOffset, spring, summer]);
      expect(await store().meetingsOfChild('PEP-2026-0077')).toStrictEqual([otherChild]);
      expect(await store().meetingsOfChild('PEP-2026-9999')).toStrictEqual([]);
    });
  });

  describe('meetingsOfParticipant, findParticipants and knowsParticipant', () => {
    const identities: { kind: string; query: IdentityQuery; participantId: string }[] = [
      { kind: 'Teams user id', query: { kind: 'teams', teamsUserId: '29:1a2b3c-sam' }, participantId: 'p-organiser' },
      {
        kind: 'Teams AAD object id',
        query: { kind: 'teamsAad', teamsAadObjectId: '6f1c2d3e-0000-4000-8000-000000000001' },
        participantId: 'p-organiser',
      },
      { kind: 'Slack user id', query: { kind: 'slack', slackUserId: 'U012AB3CD' }, participantId: 'p-teacher' },
      { kind: 'email, in any case', query: { kind: 'email', email: 'A.Morgan@Northfield.SCH.uk' }, participantId: 'p-teacher' },
    ];

    const threeMeetings = async () => {
      const later = aMeeting({ startsAt: '2026-06-09T09:00:00Z' });
      const earlier = aMeeting({ startsAt: '2026-03-10T10:00:00Z' });
      const carerOnly = aMeeting({ participants: aMeeting().participants.filter((p) => p.id === 'p-carer') });
      await createAll(later, carerOnly, earlier);
      return { earlier, later };
    };

    it.each(identities)('finds a participant by $kind, in every meeting they are in', async ({ query, participantId }) => {
      const { earlier, later } = await threeMeetings();
      const participant = earlier.participants.find((candidate) => candidate.id === participantId);

      expect(await store().meetingsOfParticipant(query)).toStrictEqual([earlier, later]);
      expect(await store().findParticipants(query)).toStrictEqual([
        { meetingId: earlier.id, participant },
        { meetingId: later.id, participant },
      ]);
      expect(await store().knowsParticipant(query)).toBe(true);
    });

    it('finds nobody for an identity no participant has', async () => {
      await threeMeetings();
      const stranger: IdentityQuery = { kind: 'slack', slackUserId: 'U999ZZZ99' };
      expect(await store().meetingsOfParticipant(stranger)).toStrictEqual([]);
      expect(await store().findParticipants(stranger)).toStrictEqual([]);
      expect(await store().knowsParticipant(stranger)).toBe(false);
    });

    it('follows saves: a removed participant or a changed email is no longer found', async () => {
      const { earlier, later } = await threeMeetings();
      const participants = earlier.participants
        .filter((p) => p.id !== 'p-teacher')
        .map((p) => (p.id === 'p-carer' ? { ...p, email: 'chris.jones@new-provider.org' } : p));
      const saved = nextVersion(earlier, { participants });
      await store().saveMeeting(saved, 1, { events: [] });

      expect(await store().meetingsOfParticipant({ kind: 'slack', slackUserId: 'U012AB3CD' })).toStrictEqual([later]);
      await store().saveMeeting(nextVersion(later, { participants: later.participants.filter((p) => p.id !== 'p-teacher') }), 1, { events: [] });
      expect(await store().knowsParticipant({ kind: 'slack', slackUserId: 'U012AB3CD' })).toBe(false);
      const oldEmail = await store().findParticipants({ kind: 'email', email: 'chris.jones@example.org' });
      expect(oldEmail.map((match) => match.meetingId)).not.toContain(saved.id);
      expect(await store().findParticipants({ kind: 'email', email: 'Chris.Jones@New-Provider.org' })).toStrictEqual([
        { meetingId: saved.id, participant: participants.find((p) => p.id === 'p-carer') },
      ]);
    });
  });

  describe('actionsDueBefore', () => {
    // The fixture's actions: act-visit done (due 2026-03-14T00:00Z), act-reading open (2026-03-21T00:00Z),
    // act-laptop blocked (2026-03-28T00:00Z).
    const twoMeetings = async () => {
      const first = aMeeting();
      const second = aMeeting({
        actions: [
          anAction({ id: 'act-report', dueDate: '2026-03-18', status: 'open' }),
          anAction({ id: 'act-tutor', dueDate: '2026-03-25', status: 'blocked' }),
          anAction({ id: 'act-funding', dueDate: '2026-03-01', status: 'done' }),
        ],
      });
      await createAll(first, second);
      return { first, second };
    };

    it('returns open and blocked actions due strictly before the instant, earliest first, across meetings', async () => {
      const { first, second } = await twoMeetings();

      expect(await store().actionsDueBefore('2026-03-28T00:00:00Z')).toStrictEqual([
        actionOf(second, 'act-report'),
        actionOf(first, 'act-reading'),
        actionOf(second, 'act-tutor'),
      ]);
      expect(await store().actionsDueBefore('2026-03-28T00:00:00.001Z')).toStrictEqual([
        actionOf(second, 'act-report'),
        actionOf(first, 'act-reading'),
        actionOf(second, 'act-tutor'),
        actionOf(first, 'act-laptop'),
      ]);
    });

    it('compares instants in time, not as text, whatever their offset', async () => {
      const { first, second } = await twoMeetings();
      // 01:00+01:00 is exactly when act-reading falls due (00:00Z), so it is not yet before it.
      expect(await store().actionsDueBefore('2026-03-21T01:00:00+01:00')).toStrictEqual([actionOf(second, 'act-report')]);
      expect(await store().actionsDueBefore('2026-03-21T01:00:01+01:00')).toStrictEqual([
        actionOf(second, 'act-report'),
        actionOf(first, 'act-reading'),
      ]);
    });

    it('returns nothing when nothing is due yet', async () => {
      await twoMeetings();
      expect(await store().actionsDueBefore('2026-03-01T00:00:00Z')).toStrictEqual([]);
    });

    it('follows saves: an action marked done is no longer due', async () => {
      const { first, second } = await twoMeetings();
      const actions = second.actions.map((action) =>
        action.id === 'act-report' ? { ...action, status: 'done' as const, completedAt: '2026-03-17T15:00:00Z' } : action,
      );
      await store().saveMeeting(nextVersion(second, { actions }), 1, { events: [] });

      expect(await store().actionsDueBefore('2026-03-22T00:00:00Z')).toStrictEqual([actionOf(first, 'act-reading')]);
    });
  });

  describe('the indexes after a run of saves', () => {
    const link = (id: string, hex: string) => ({
      id,
      tokenHash: hex.repeat(64),
      participantId: 'p-carer',
      purpose: 'invitation' as const,
      singleUse: true,
      issuedBy: 'p-organiser',
      issuedAt: '2026-03-10T09:00:00Z',
      expiresAt: '2026-03-24T09:00:00Z',
    });
    const senco = { id: 'p-senco', name: 'Nia Senco', initials: 'NS', role: 'senco' as const, slackUserId: 'U0SENCO01', preferredChannel: 'slack' as const };
    const teacher: IdentityQuery = { kind: 'slack', slackUserId: 'U012AB3CD' };
    const ids = async (query: IdentityQuery) => (await store().meetingsOfParticipant(query)).map((meeting) => meeting.id);
    const due = async () => (await store().actionsDueBefore('2026-04-30T00:00:00Z')).map((d) => `${d.meetingId}/${d.action.id}/${d.action.status}`);

    it('find exactly what each version holds as participants, actions and links are added, changed and removed', async () => {
      const meeting = aMeeting();
      const other = aMeeting({ actions: [] });
      await createAll(meeting, other);

      const v2 = nextVersion(meeting, {
        participants: [...meeting.participants.filter((p) => p.id !== 'p-teacher').map((p) => (p.id === 'p-carer' ? { ...p, email: 'chris@new.org' } : p)), senco],
        actions: [
          ...meeting.actions.filter((a) => a.id !== 'act-laptop').map((a) => (a.id === 'act-reading' ? { ...a, status: 'done' as const, completedAt: '2026-03-12T09:00:00Z' } : a)),
          anAction({ id: 'act-new', dueDate: '2026-03-16' }),
        ],
        links: [link('link-a', 'a'), link('link-b', 'b')],
      });
      await store().saveMeeting(v2, 1, { events: [] });
      expect(await ids(teacher)).toStrictEqual([other.id]);
      expect(await ids({ kind: 'slack', slackUserId: senco.slackUserId })).toStrictEqual([meeting.id]);
      expect(await ids({ kind: 'email', email: 'chris@new.org' })).toStrictEqual([meeting.id]);
      expect(await ids({ kind: 'email', email: 'chris.jones@example.org' })).toStrictEqual([other.id]);
      expect(await due()).toStrictEqual([`${meeting.id}/act-new/open`]);
      expect(await store().meetingOfLinkToken('a'.repeat(64))).toBe(meeting.id);
      expect(await store().meetingOfLinkToken('b'.repeat(64))).toBe(meeting.id);

      const v3 = nextVersion(v2, {
        participants: [...v2.participants.filter((p) => p.id !== senco.id), ...meeting.participants.filter((p) => p.id === 'p-teacher')],
        actions: v2.actions.map((a) => (a.id === 'act-new' ? anAction({ id: 'act-new', dueDate: '2026-04-02', status: 'blocked' }) : a)),
        links: [link('link-b', 'b'), link('link-c', 'c')],
      });
      await store().saveMeeting(v3, 2, { events: [] });
      expect(await ids(teacher)).toStrictEqual([meeting.id, other.id].sort());
      expect(await store().knowsParticipant({ kind: 'slack', slackUserId: senco.slackUserId })).toBe(false);
      expect(await due()).toStrictEqual([`${meeting.id}/act-new/blocked`]);
      expect(await store().meetingOfLinkToken('a'.repeat(64))).toBeUndefined();
      expect(await store().meetingOfLinkToken('b'.repeat(64))).toBe(meeting.id);
      expect(await store().meetingOfLinkToken('c'.repeat(64))).toBe(meeting.id);

      // Nothing indexed changes: every look-up finds what it found before.
      const v4 = nextVersion(v3, { purpose: 'Summer term PEP review' });
      await store().saveMeeting(v4, 3, { events: [] });
      expect(await ids(teacher)).toStrictEqual([meeting.id, other.id].sort());
      expect(await due()).toStrictEqual([`${meeting.id}/act-new/blocked`]);
      expect(await store().meetingOfLinkToken('c'.repeat(64))).toBe(meeting.id);

      await store().saveMeeting(nextVersion(v4, { participants: [], actions: [], links: [] }), 4, { events: [] });
      expect(await ids(teacher)).toStrictEqual([other.id]);
      expect(await due()).toStrictEqual([]);
      expect(await store().meetingOfLinkToken('b'.repeat(64))).toBeUndefined();
    });
  });
}
