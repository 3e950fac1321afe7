import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cardLines } from '../../support/card-lines.js';
import { execute, message } from './support/activities.js';
import type { ConnectorCall } from './support/connector-stub.js';
import { headingOf } from './support/connector-stub.js';
import { createMeetingInTeams, headingOfAnswer } from './support/meeting-setup.js';
import type { TeamsHarness } from './support/teams-harness.js';
import { CHRIS, DANA, MEETING_CHAT, SAM, personalChat, startTeamsHarness } from './support/teams-harness.js';

/**
 * The organiser records what happened to the child in their 1:1 chat with PEP Bot, through the
 * real CloudAdapter, and is answered there: the statutory clock, or what to correct with what they
 * typed kept. It is Wednesday 25 November 2026.
 */
let teams: TeamsHarness;
beforeEach(async () => {
  teams = await startTeamsHarness();
});
afterEach(async () => {
  await teams.close();
});

async function typed(text: string, chat?: string): Promise<ConnectorCall> {
  const before = teams.connector.calls.length;
  const answer = await teams.post(message(SAM, { serviceUrl: teams.connector.serviceUrl, chat }, text));
  expect(answer.status).toBe(200);
  await teams.settled();
  const reply = teams.connector.calls.slice(before).at(-1);
  expect(reply?.conversationId).toBe(chat ?? personalChat(SAM));
  return reply!;
}
const lines = (call: ConnectorCall): string[] => cardLines(call.activity.attachments?.[0]?.content?.body);
const childAudit = async (): Promise<string[]> => ((await teams.deps.children?.childAuditTrail('PEP-2026-0042')) ?? []).map((event) => event.type);

describe('the child command in Teams', () => {
  it('records entering care and says when the first PEP must be ready', async () => {
    await createMeetingInTeams(teams, [SAM, DANA, CHRIS]);
    const reply = await typed('child PEP-2026-0042 entered care 20 November');
    expect(headingOf(reply)).toBe('Entering care recorded for PEP-2026-0042');
    // The meeting already exists, so the PEP is initiated: next, ready for the care-plan review at 20 working days.
    expect(lines(reply)).toContain('Due by Friday 18 December 2026: the first PEP, ready for the care-plan review (23 days left).');
    expect(await childAudit()).toEqual(['createChild', 'recordEnteredCare']);
  });

  it('refuses a date still to come, keeping what was typed', async () => {
    await createMeetingInTeams(teams, [SAM, DANA, CHRIS]);
    const reply = await typed('child PEP-2026-0042 entered care 2026-12-20');
    expect(headingOf(reply)).toBe('That date has not happened yet');
    expect(lines(reply).join('\n')).toContain('child PEP-2026-0042 entered care 2026-12-20');
    expect(await childAudit()).toEqual([]);
  });

  it('says what is missing from a command it cannot read', async () => {
    await createMeetingInTeams(teams, [SAM, DANA, CHRIS]);
    const reply = await typed('child PEP-2026-0042 entered care');
    expect(headingOf(reply)).toBe('I could not read that command');
    expect(lines(reply).join('\n')).toContain('the date it happened');
    expect(lines(reply).join('\n')).toContain('Try again, for example: child PEP-2026-0042 — ');
  });

  it('a school move offers the handover card; confirming it invites the new designated teacher to the next PEP', async () => {
    const meeting = await createMeetingInTeams(teams, [SAM, DANA, CHRIS]);
    const reply = await typed('child PEP-2026-0042 moved school Southfield Academy on 23 November teacher dt@southfield.sch.uk');
    expect(headingOf(reply)).toBe('JD (PEP-2026-0042) has moved to Southfield Academy');
    expect(lines(reply)).toContain('Due by Monday 7 December 2026: a new PEP after the change of school (12 days left).');

    const where = { serviceUrl: teams.connector.serviceUrl };
    const clicked = await teams.post(execute(SAM, where, 'child.handover', { meetingId: meeting.id, school: 'Southfield Academy', teacherName: 'Pat Newton', teacherEmail: 'dt@southfield.sch.uk' }));
    expect(headingOfAnswer(clicked.body)).toBe('New designated teacher invited');
    await teams.settled();
    const after = await teams.store.getMeeting(meeting.id);
    expect(after?.participants.filter((p) => p.role === 'designated_teacher').map((p) => p.name)).toEqual(['Dana Teacher', 'Pat Newton']);
  });

  it('refuses a school move typed in a group chat, where the school and teacher would be seen by all', async () => {
    await createMeetingInTeams(teams, [SAM, DANA, CHRIS]);
    const reply = await typed('child PEP-2026-0042 moved school Southfield Academy on 23 November teacher dt@southfield.sch.uk', MEETING_CHAT);
    expect(headingOf(reply)).toBe('Please do this in your 1:1 chat');
    expect(await childAudit()).toEqual([]);
  });
});
