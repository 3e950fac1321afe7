import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rosterOf } from '../../../src/app/views/evidence-cards.js';
import { attendanceRecordSummary } from '../../../src/domain/attendance-record.js';
import type { Meeting } from '../../../src/domain/model.js';
import { execute, message } from './support/activities.js';
import { cardOf, createMeetingInTeams, linkMeetingChat } from './support/meeting-setup.js';
import type { TeamsHarness } from './support/teams-harness.js';
import { DANA, MEETING_CHAT, SAM, startTeamsHarness } from './support/teams-harness.js';

/**
 * The attendance record through the real CloudAdapter in the meeting chat: the organiser types
 * "attendance" once the meeting has started, and saves the card from Teams (Action.Execute).
 */
let teams: TeamsHarness;
let meeting: Meeting;
beforeEach(async () => {
  teams = await startTeamsHarness();
  meeting = await createMeetingInTeams(teams);
  await linkMeetingChat(teams);
});
afterEach(async () => {
  await teams.close();
});

const inChat = () => ({ serviceUrl: teams.connector.serviceUrl, chat: MEETING_CHAT });
const stored = async () => (await teams.store.getMeeting(meeting.id))!;

describe('the attendance record in a Teams meeting chat', () => {
  it('opens for the organiser once started, shows the child by initials, and saves each row', async () => {
    await teams.post(execute(SAM, inChat(), 'agenda.lock', { meetingId: meeting.id, confirmed: true }));
    await teams.post(message(SAM, inChat(), 'start'));
    await teams.settled();
    const before = teams.connector.calls.length;
    await teams.post(message(SAM, inChat(), 'attendance'));
    await teams.settled();
    const reply = teams.connector.calls.slice(before).find((c) => c.conversationId === MEETING_CHAT && JSON.stringify(c.activity).includes('attendance.record'));
    expect(reply).toBeDefined();
    expect(JSON.stringify(reply!.activity)).not.toMatch(/Jordan/);

    const current = await stored();
    const rows = Object.fromEntries(current.participants.map((p, i) => [`status${i + 1}`, p.role === 'carer' ? 'apologies' : 'attended']));
    const carerRow = current.participants.findIndex((p) => p.role === 'carer') + 1;
    const refused = await teams.post(execute(DANA, inChat(), 'attendance.record', { meetingId: meeting.id, roster: rosterOf(current), ...rows }));
    expect(JSON.stringify(refused.body)).toContain('Only the meeting organiser can record who attended.');
    const saved = await teams.post(execute(SAM, inChat(), 'attendance.record', { meetingId: meeting.id, roster: rosterOf(current), ...rows, [`reason${carerRow}`]: 'Train strike' }));
    expect(JSON.stringify(cardOf(saved.body))).toContain('Attendance recorded');
    const summary = attendanceRecordSummary(await stored());
    expect(summary.carers).toMatchObject({ invited: 1, apologies: 1, attended: 0 });
    expect((await stored()).attendance?.find((e) => e.status === 'apologies')?.reason).toBe('Train strike');
  });
});
