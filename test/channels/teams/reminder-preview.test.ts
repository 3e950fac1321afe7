import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cardLines } from '../../support/card-lines.js';
import { LEDGER_NAMESPACE } from '../../../src/scheduler/delivery-ledger.js';
import { message } from './support/activities.js';
import type { CardContent, ConnectorCall } from './support/connector-stub.js';
import { headingOf } from './support/connector-stub.js';
import { createMeetingInTeams, idOf } from './support/meeting-setup.js';
import type { TeamsHarness } from './support/teams-harness.js';
import { CHRIS, DANA, SAM, personalChat, startTeamsHarness } from './support/teams-harness.js';

/**
 * Trying PEP Bot on a laptop, as the Agents Playground does it: Teams in anonymous local mode.
 * The organiser sees when every reminder will go, can have each one sent to themselves now as a
 * preview, and can send the carer's and the child's questions straight away.
 */
let teams: TeamsHarness;
beforeEach(async () => {
  teams = await startTeamsHarness();
});
afterEach(async () => {
  await teams.close();
});

const texts = (content: CardContent | undefined): string[] => cardLines(content?.body);
const cardOf = (call: ConnectorCall) => call.activity.attachments?.[0]?.content;
/** The first line a reader sees: a preview's banner sits in a container above the card's own heading. */
const firstLine = (call: ConnectorCall) => texts(cardOf(call))[0];
const hasButtons = (content: CardContent | undefined): boolean => JSON.stringify(content).includes('Action.Execute');

async function typed(text: string): Promise<ConnectorCall[]> {
  const before = teams.connector.calls.length;
  const answer = await teams.post(message(SAM, { serviceUrl: teams.connector.serviceUrl }, text));
  expect(answer.status).toBe(200);
  await teams.settled();
  return teams.connector.calls.slice(before);
}

describe('reminders on a local trial run (Teams, anonymous mode)', () => {
  it('lists every reminder of the meeting with its date written out, the questions included', async () => {
    await createMeetingInTeams(teams, [SAM, DANA, CHRIS]);
    const [reply] = await typed('reminders');
    expect(headingOf(reply!)).toBe('Reminders for JD (PEP-2026-0042)');
    const lines = texts(cardOf(reply!));
    expect(lines).toContain('Friday 27 November 2026 at 09:00: The carer’s questions, to CC (carer)');
    expect(lines).toContain('Friday 27 November 2026 at 09:00: The child’s questions, to JD (child or young person)');
    expect(lines).toContain('Thursday 3 December 2026 at 09:00: Reminder of the meeting, to SS (social worker)');
    expect(lines.join('\n')).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('sends the organiser each reminder now, marked as a preview, without a button or a ledger entry', async () => {
    const meeting = await createMeetingInTeams(teams, [SAM, DANA, CHRIS]);
    const cardRefs = await teams.store.listValues('card-ref', `${meeting.id}/`);
    const calls = await typed('reminders preview');
    const reply = calls.at(-1)!;
    expect(headingOf(reply)).toBe('Reminder previews sent to you');
    const previews = calls.slice(0, -1);
    expect(previews.length).toBeGreaterThanOrEqual(5);
    for (const preview of previews) {
      expect(preview.conversationId).toBe(personalChat(SAM));
      expect(firstLine(preview)).toMatch(/^Preview — this is what [A-Z]{1,3} \(.+\) will get on \w+day \d{1,2} \w+ 2026 at \d\d:\d\d$/);
      expect(preview.activity.summary).toMatch(/^Preview — /);
      expect(hasButtons(cardOf(preview)), firstLine(preview)).toBe(false);
      expect(cardOf(preview)?.refresh).toBeUndefined();
    }
    const headings = previews.map(firstLine);
    expect(headings).toContain('Preview — this is what CC (carer) will get on Friday 27 November 2026 at 09:00');
    expect(headings).toContain('Preview — this is what JD (child or young person) will get on Friday 27 November 2026 at 09:00');
    // The carer's own card is there below the banner: their questions, as they will see them.
    const carer = previews.find((p) => firstLine(p) === 'Preview — this is what CC (carer) will get on Friday 27 November 2026 at 09:00')!;
    expect(carer.activity.summary).toContain('A few questions before the PEP meeting for JD (PEP-2026-0042).');
    // Nothing was sent to anyone else, nothing recorded: the real reminders still go at their time.
    expect(calls.every((call) => call.conversationId === personalChat(SAM))).toBe(true);
    expect(await teams.store.listValues(LEDGER_NAMESPACE, '')).toEqual([]);
    expect(await teams.store.listValues('card-ref', `${meeting.id}/`)).toEqual(cardRefs);
    expect((await teams.store.getMeeting(meeting.id))!.prompts).toEqual([]);
  });

  it('sends the carer’s and the child’s questions now, once, audited', async () => {
    const meeting = await createMeetingInTeams(teams, [SAM, DANA, CHRIS]);
    const calls = await typed('questions now');
    expect(headingOf(calls[0]!)).toBe('Questions on their way');
    expect(texts(cardOf(calls[0]!)).join(' ')).toContain('Sent to CC (carer) and JD (child or young person).');
    const toCarer = calls.find((call) => call.conversationId === personalChat(CHRIS));
    expect(toCarer?.activity.summary).toBe('A few questions before the PEP meeting for JD (PEP-2026-0042).');
    expect(hasButtons(cardOf(toCarer!))).toBe(true);
    // The child has no Teams account here: the organiser is told, as for any card.
    expect(teams.events).toContainEqual(expect.objectContaining({ kind: 'undeliverable', participantId: idOf(meeting, 'child'), card: 'child-voice-prompt' }));

    const stored = (await teams.store.getMeeting(meeting.id))!;
    expect(stored.prompts.map((p) => [p.kind, p.participantId])).toEqual([
      ['carer', idOf(meeting, 'carer')],
      ['child_voice', idOf(meeting, 'child')],
    ]);
    const audit = await teams.store.auditTrail(meeting.id);
    expect(audit.filter((e) => e.summary.startsWith('Prompt sent')).map((e) => [e.summary, e.actorId, e.channel])).toEqual([
      ['Prompt sent (carer)', meeting.organiserId, 'teams'],
      ['Prompt sent (child_voice)', meeting.organiserId, 'teams'],
    ]);

    const again = await typed('questions now');
    expect(again.map(headingOf)).toEqual(['No questions to send']);
    expect(texts(cardOf(again[0]!)).join(' ')).toContain('CC (carer) already had theirs on Wednesday 25 November 2026 at 10:00');
    expect((await teams.store.getMeeting(meeting.id))!.prompts).toHaveLength(2);
    const listed = texts(cardOf((await typed('reminders'))[0]!));
    expect(listed.filter((line) => line.includes('’s questions, to'))).toEqual([]);
    const [questions] = await typed('questions');
    expect(headingOf(questions!)).toBe('No questions waiting to go');
    expect(texts(cardOf(questions!))).toContain('Wednesday 25 November 2026 at 10:00: Questions sent to CC (carer)');
  });

  it('is the organiser’s: someone else asking gets a refusal', async () => {
    await createMeetingInTeams(teams, [SAM, DANA, CHRIS]);
    const before = teams.connector.calls.length;
    await teams.post(message(DANA, { serviceUrl: teams.connector.serviceUrl }, 'reminders preview'));
    await teams.settled();
    expect(teams.connector.calls.slice(before).map(headingOf)).toEqual(['Only the organiser can do that']);
  });
});
