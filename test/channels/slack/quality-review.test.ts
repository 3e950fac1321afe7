import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { executeCommand, executeOversightCommand } from '../../../src/app/execute-command.js';
import type { Officer } from '../../../src/domain/actor.js';
import type { Meeting } from '../../../src/domain/model.js';
import { holdAndClose } from '../../support/plan-ready-for-review.js';
import { buttons, readText } from './slack-api-stub.js';
import type { SlackHarness } from './slack-harness.js';
import { DANA, SAM, startSlack } from './slack-harness.js';
import { click, FORM, openMeetingForm, shownOnlyTo, submitForm, type } from './slack-scenes.js';

/**
 * The Virtual School's side through the real Bolt receiver: the organiser types /pep submit, the
 * officer (a Slack user named in the council settings, not a participant) reviews from the card in
 * their DM, and every answer is saved, audited and sent by the outbox like any other change.
 */
const AMY: Officer = { id: 'vs-amy', name: 'Amy Officer', slackUserId: 'U0AMY', roles: ['virtual_school_officer'] };
const AMY_USER = { id: 'U0AMY', name: 'Amy Officer', email: 'amy@vs.example.org' };

let h: SlackHarness;
let meeting: Meeting;

beforeEach(async () => {
  h = await startSlack({ officers: [AMY] });
  // JD is in Year 9, so the plan needs its transition section before it can be submitted.
  await submitForm(h, await openMeetingForm(h), { ...FORM, yearGroup: '9' });
  await h.settle();
  meeting = (await h.store.meetingsOfParticipant({ kind: 'slack', slackUserId: SAM.id }))[0]!;
});
afterEach(async () => {
  await h.close();
});

const stored = async () => (await h.store.getMeeting(meeting.id))!;
const run = async (actorId: string, command: Record<string, unknown>) => executeCommand(h.deps, { meetingId: meeting.id, command, actorId, channel: 'slack' });
const TRANSITION = { pathway: 'GCSEs, then A levels', careersGuidance: 'Careers adviser in January', post16Options: 'Sixth form or college' };

async function heldAndClosed(): Promise<void> {
  await holdAndClose(h.deps, meeting.id, 'slack');
  await h.settle();
}

const lastIn = (user: { id: string }, card: string) => h.stub.messages().filter((m) => m.channel === user.id.replace(/^U/, 'D') && readText(m.blocks).includes(card)).at(-1)!;

describe('quality review through Slack', () => {
  it('submit with a section missing names it; submit, return with a reason, resubmit, approve (locked), and a change reopens it', async () => {
    await heldAndClosed();
    // Year 9 without its transition section: the organiser is told what is missing, where they typed.
    const refused = await type(h, SAM, 'D0SAM', 'submit');
    await h.settle();
    const [shown] = shownOnlyTo(h, refused.responseId);
    expect(readText(shown!.blocks)).toContain('The transition section (Year 9 and above): pathway, careers guidance and post-16 options.');
    expect((await stored()).qa).toBeUndefined();

    const asked = await type(h, SAM, 'D0SAM', 'transition');
    await h.settle();
    const [form] = shownOnlyTo(h, asked.responseId);
    await click(h, SAM, { channel: 'D0SAM', ts: '1700000000.777', text: 'transition', blocks: form!.blocks }, 'transition.save', { inputs: TRANSITION, ephemeral: true });
    await h.settle();
    expect((await stored()).transition).toMatchObject(TRANSITION);
    const goalId = (await stored()).goals[0]!.id;

    await type(h, SAM, 'D0SAM', 'submit');
    await h.settle();
    expect((await stored()).qa?.status).toBe('submitted');
    const review = h.stub.messageWith(AMY.slackUserId!, 'qa.return');
    expect(readText(review.blocks)).toContain('Quality review: PEP for JD (PEP-2026-0042)');
    expect(readText(review.blocks)).not.toContain('Jordan');

    // Returning needs a reason: the officer's card comes back with the problem and what they chose.
    await click(h, AMY_USER, review, 'qa.return', { inputs: { rag: 'amber', feedback: 'Good start' } });
    await h.settle();
    expect((await stored()).qa?.status).toBe('submitted');
    expect(readText(h.stub.messageWith(AMY.slackUserId!, 'qa.return').blocks)).toContain('Say why the plan is going back to the organiser.');

    await click(h, AMY_USER, h.stub.messageWith(AMY.slackUserId!, 'qa.return'), 'qa.return', { inputs: { rag: 'amber', feedback: 'Good start', reason: 'Name the tutoring provider' } });
    await h.settle();
    expect((await stored()).qa).toMatchObject({ status: 'returned', rag: 'amber', returnReason: 'Name the tutoring provider' });
    const returned = h.stub.messageWith(SAM.id, 'qa.submit');
    expect(readText(returned.blocks)).toContain('Name the tutoring provider');
    expect(readText(returned.blocks)).toContain('Feedback: Good start');

    // A participant cannot press the officer's buttons, even with the card in hand.
    await click(h, SAM, review, 'qa.approve', { inputs: { rag: 'green' } });
    await h.settle();
    expect((await stored()).qa?.status).toBe('returned');

    await click(h, SAM, returned, 'qa.submit');
    await h.settle();
    expect((await stored()).qa?.status).toBe('submitted');
    const again = h.stub.messageWith(AMY.slackUserId!, 'qa.approve');
    await click(h, AMY_USER, again, 'qa.approve', { inputs: { rag: 'green', feedback: 'Clear targets' } });
    await h.settle();
    const approved = await stored();
    expect(approved.qa).toMatchObject({ status: 'approved', rag: 'green', approvedPlanVersion: approved.plan!.version });
    expect(readText(lastIn(SAM, 'Plan approved by the Virtual School').blocks)).toContain('Rated Green.');
    // The officer's card now says it is approved, with nothing left to press.
    expect(buttons(h.stub.messages().find((m) => m.ts === again.ts)!.blocks)).toEqual([]);

    // Locked: a change to what the plan says reopens the review and tells the officer what changed.
    const action = approved.actions.find((a) => a.goalId === goalId)!;
    await run(meeting.organiserId, { type: 'rescheduleAction', actionId: action.id, dueDate: '2026-12-18' });
    await h.settle();
    const reopened = await stored();
    expect(reopened.qa?.status).toBe('reopened');
    expect(reopened.qa?.changesSinceApproval).toEqual(['Action "Book the reading tutor": due date changed from Friday 11 December 2026 to Friday 18 December 2026.']);
    const told = lastIn(AMY_USER, 'What changed since you approved it');
    expect(readText(told.blocks)).toContain('due date changed from Friday 11 December 2026 to Friday 18 December 2026');

    const audit = (await h.store.auditTrail(meeting.id)).map((e) => [e.type, e.actorId]);
    expect(audit).toEqual(expect.arrayContaining([['returnPlan', 'officer:vs-amy'], ['approvePlan', 'officer:vs-amy'], ['qaReopened', meeting.organiserId]]));
  });
});

describe('the transition section through Slack', () => {
  it('is filled in by the organiser in their own chat, never shown in a channel', async () => {
    await heldAndClosed();
    const inChannel = await type(h, SAM, 'C0PEPCHAT', 'transition');
    await h.settle();
    expect(readText(shownOnlyTo(h, inChannel.responseId)[0]!.blocks)).toContain('Type "transition" in your own chat with PEP Bot');
    const byDana = await type(h, DANA, 'D0DANA', 'transition');
    await h.settle();
    expect(readText(shownOnlyTo(h, byDana.responseId)[0]!.blocks)).toContain('Only the meeting organiser can fill in the transition section.');
  });
});

describe('Pupil Premium Plus through Slack', () => {
  it('an officer approves a request from the card, but it is released only once the plan is approved', async () => {
    // A council whose allocation is nearly spent: the officer's card says this request goes over.
    h.deps.funding = { pupilPremiumPlusPerChildPence: 40000, rateYear: '2026-27' };
    await heldAndClosed();
    await executeOversightCommand(h.deps, { meetingId: meeting.id, command: { type: 'recordTransition', ...TRANSITION }, actorId: meeting.organiserId, channel: 'slack' });

    await type(h, SAM, 'D0SAM', 'funding One-to-one tuition');
    await h.settle();
    const [request] = (await stored()).funding!;
    expect(request).toMatchObject({ status: 'requested', amountPence: 45000, interventionType: 'One-to-one tuition' });
    const card = h.stub.messageWith(AMY.slackUserId!, 'funding.approve');
    const words = readText(card.blocks);
    expect(words).toContain('£450.00');
    expect(words).toContain('Read every day');
    expect(words).toContain('This request would exceed the remaining allocation for 2026-27 by £50.00.');
    expect(words).toContain('The plan is not approved yet');

    // A participant cannot decide it.
    await click(h, SAM, card, 'funding.approve');
    await h.settle();
    expect((await stored()).funding![0]!.status).toBe('requested');

    await click(h, AMY_USER, card, 'funding.approve');
    await h.settle();
    expect((await stored()).funding![0]).toMatchObject({ status: 'approved', decidedBy: 'officer:vs-amy' });
    expect((await stored()).funding![0]!.releasedAt).toBeUndefined();
    expect(readText(lastIn(SAM, 'Pupil Premium Plus').blocks)).toContain('Approved, awaiting plan approval');

    await type(h, SAM, 'D0SAM', 'submit');
    await h.settle();
    await click(h, AMY_USER, h.stub.messageWith(AMY.slackUserId!, 'qa.approve'), 'qa.approve', { inputs: { rag: 'green' } });
    await h.settle();
    expect((await stored()).funding![0]).toMatchObject({ status: 'released', releasedAt: expect.any(String) });
    expect(readText(lastIn(SAM, 'Pupil Premium Plus').blocks)).toContain('Approved and released.');
  });

  it('a query needs the question; the organiser answers from their card and the officer sees the answer', async () => {
    await heldAndClosed();
    await type(h, SAM, 'D0SAM', 'funding');
    await h.settle();
    await click(h, AMY_USER, h.stub.messageWith(AMY.slackUserId!, 'funding.query'), 'funding.query');
    await h.settle();
    expect(readText(h.stub.messageWith(AMY.slackUserId!, 'funding.query').blocks)).toContain('Write the question the organiser should answer.');
    await click(h, AMY_USER, h.stub.messageWith(AMY.slackUserId!, 'funding.query'), 'funding.query', { inputs: { note: 'Which provider?' } });
    await h.settle();
    const asked = h.stub.messageWith(SAM.id, 'funding.answer');
    expect(readText(asked.blocks)).toContain('The Virtual School asks: Which provider?');
    await click(h, SAM, asked, 'funding.answer', { inputs: { answer: 'Reading Matters Ltd' } });
    await h.settle();
    expect((await stored()).funding![0]).toMatchObject({ status: 'requested', answer: 'Reading Matters Ltd' });
    expect(readText(h.stub.messageWith(AMY.slackUserId!, 'funding.approve').blocks)).toContain('The organiser answered: Reading Matters Ltd');
  });
});
