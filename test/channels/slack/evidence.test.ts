import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Meeting } from '../../../src/domain/model.js';
import { readText } from './slack-api-stub.js';
import type { SlackHarness } from './slack-harness.js';
import { DANA, SAM, startSlack } from './slack-harness.js';
import { click, createMeeting, type } from './slack-scenes.js';

/**
 * The school's figures through the real Bolt receiver: the organiser asks with /pep, the designated
 * teacher answers the card in their DM, a refusal comes back in the same card with what was typed,
 * and a figure that flags the child reaches the organiser as a DM.
 */
let h: SlackHarness;
let meeting: Meeting;

beforeEach(async () => {
  h = await startSlack();
  meeting = await createMeeting(h);
});
afterEach(async () => {
  await h.close();
});

const FIGURES = { term: '2026-27 autumn', attendancePercent: '85', suspensionDays: '0', permanentlyExcluded: 'no', english: 'expected' };

describe('the evidence card in Slack', () => {
  it('is sent on "evidence request", keeps what was typed with the problem, and flags the child to the organiser', async () => {
    await type(h, SAM, 'D0SAM', 'evidence request');
    await h.settle();
    const form = h.stub.messageWith(DANA.id, 'evidence.submit');
    expect(readText(form.blocks)).toContain('School figures for the PEP');

    await click(h, DANA, form, 'evidence.submit', { inputs: { ...FIGURES, attendancePercent: '104' } });
    await h.settle();
    const again = h.stub.messageWith(DANA.id, 'evidence.submit');
    expect(readText(again.blocks)).toContain('Enter attendance as a number from 0 to 100.');
    expect(JSON.stringify(again.blocks)).toContain('"initial_value":"104"');
    expect((await h.store.getMeeting(meeting.id))?.evidence).toBeUndefined();

    await click(h, DANA, again, 'evidence.submit', { inputs: FIGURES });
    await h.settle();
    const saved = await h.store.getMeeting(meeting.id);
    expect(saved?.evidence).toMatchObject({ attendancePercent: 85, source: 'card', attainment: [{ subject: 'english', level: 'expected' }] });
    expect((await h.store.auditTrail(meeting.id)).find((e) => e.type === 'recordEvidence')?.channel).toBe('slack');
    const flagged = h.stub.posted(SAM.id).map((call) => readText(call.args.blocks as never)).find((text) => text.includes('is flagged'));
    expect(flagged).toContain('Attendance 85% is below 90%');
  });
});
