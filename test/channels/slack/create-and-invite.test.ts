import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buttons, readText } from './slack-api-stub.js';
import type { Block } from './slack-api-stub.js';
import type { SlackHarness } from './slack-harness.js';
import { CHRIS, DANA, SAM, startSlack } from './slack-harness.js';
import { click, createMeeting, FORM, openMeetingForm, submitForm } from './slack-scenes.js';

/** Scene 1: /pep new opens the modal; invitations arrive as DMs; answers update them in place. */
let h: SlackHarness;
beforeEach(async () => {
  h = await startSlack();
});
afterEach(async () => {
  await h.close();
});

const inputValue = (blocks: Block[], id: string) => (blocks.find((b) => b.block_id === id) as { element: { initial_value?: string } } | undefined)?.element.initial_value;

describe('creating a meeting and inviting people from Slack', () => {
  it('/pep new opens the meeting form as a modal whose submit button creates the meeting', async () => {
    const form = await openMeetingForm(h);
    const opened = h.stub.callsOf('views.open')[0]!;
    expect(opened.args).toMatchObject({ trigger_id: expect.any(String), view: { type: 'modal', callback_id: 'meeting.create', submit: { text: 'Create and invite' } } });
    expect(form.blocks.filter((b) => b.type === 'input').map((b) => b.block_id)).toEqual([
      'childRef', 'childInitials', 'yearGroup', 'date', 'time', 'durationMinutes', 'place', 'onlineUrl', 'organiserRole', 'participants',
    ]);
    expect(buttons(form.blocks)).toEqual([]);
  });

  it('creates the meeting, matches people to the workspace by email, and DMs each an invitation with buttons', async () => {
    const form = await openMeetingForm(h);
    const ack = await submitForm(h, form, FORM);
    expect(ack.status).toBe(200);
    expect(JSON.parse(ack.body)).toMatchObject({ response_action: 'update', view: { type: 'modal' } });
    await h.settle();

    const [meeting] = await h.store.meetingsOfParticipant({ kind: 'slack', slackUserId: SAM.id });
    expect(meeting).toMatchObject({ status: 'invited', child: { ref: 'PEP-2026-0042', initials: 'JD' }, startsAt: '2026-12-04T10:00:00Z' });
    expect(meeting!.participants.map((p) => [p.name, p.role, p.slackUserId ?? null])).toEqual([
      ['Sam Social', 'social_worker', SAM.id],
      ['Dana Teacher', 'designated_teacher', DANA.id],
      ['Chris Carer', 'carer', CHRIS.id],
      ['Jordan', 'child', null],
    ]);
    expect(h.stub.callsOf('views.update').at(-1)!.args).toMatchObject({ view_id: form.viewId, view: { type: 'modal' } });
    expect(readText((h.stub.callsOf('views.update').at(-1)!.args.view as { blocks: Block[] }).blocks)).toContain('Invitations on their way');

    for (const person of [DANA, CHRIS]) {
      const invitation = h.stub.messageWith(person.id, 'rsvp');
      expect(buttons(invitation.blocks).filter((b) => b.verb === 'rsvp').map((b) => b.title)).toEqual(['Accept', 'Tentative', 'Decline', 'Send written views instead']);
    }
    // The organiser's attendance summary lists the child, whom the bot cannot reach on Slack.
    const summary = h.stub.posted(SAM.id).at(-1)!;
    expect(readText(summary.args.blocks as Block[])).toContain('Jordan');
    expect(h.reports).toEqual([expect.objectContaining({ kind: 'undeliverable', card: 'invitation' })]);
  });

  it('an answer updates the invitation in place and the organiser\'s summary; a declined critical role alerts the organiser', async () => {
    const meeting = await createMeeting(h);
    const summaryBefore = h.stub.posted(SAM.id).length;

    const invitation = h.stub.messageWith(DANA.id, 'rsvp');
    const accepted = await click(h, DANA, invitation, 'rsvp', { title: 'Accept' });
    expect(accepted.answer.status).toBe(200);
    await h.settle();
    const dana = (await h.store.getMeeting(meeting.id))!.participants.find((p) => p.slackUserId === DANA.id)!;
    expect(dana.rsvp?.answer).toBe('accept');
    const redrawn = h.stub.callsOf('chat.update').find((c) => c.args.channel === invitation.channel && c.args.ts === invitation.ts)!;
    expect(readText(redrawn.args.blocks as Block[])).toMatch(/Attending|accepted/i);
    // The organiser's summary was updated in place, not posted again: nothing to be alerted about.
    expect(h.stub.posted(SAM.id)).toHaveLength(summaryBefore);
    expect(h.stub.callsOf('chat.update').some((c) => c.args.channel === 'D0SAM')).toBe(true);

    await click(h, CHRIS, h.stub.messageWith(CHRIS.id, 'rsvp'), 'rsvp', { title: 'Decline', inputs: { note: 'Hospital appointment' } });
    await h.settle();
    const alert = h.stub.posted(SAM.id).slice(summaryBefore);
    expect(alert).toHaveLength(1);
    expect(readText(alert[0]!.args.blocks as Block[])).toMatch(/Chris Carer/);
  });

  it('a form with problems comes back with every problem listed and everything typed kept', async () => {
    const form = await openMeetingForm(h);
    const participants = `${DANA.name}, ${DANA.email}, headteacher`;
    await submitForm(h, form, { ...FORM, onlineUrl: '', participants });
    await h.settle();
    expect(await h.store.meetingsOfParticipant({ kind: 'slack', slackUserId: SAM.id })).toEqual([]);
    const reshown = h.stub.callsOf('views.update').at(-1)!.args.view as { callback_id: string; blocks: Block[]; submit?: unknown };
    expect(reshown).toMatchObject({ callback_id: 'meeting.create', submit: { text: 'Create and invite' } });
    expect(readText(reshown.blocks)).toMatch(/"headteacher" is not a role[\s\S]*a place, or an online meeting link/);
    expect(inputValue(reshown.blocks, 'participants')).toBe(participants);
    expect(inputValue(reshown.blocks, 'childRef')).toBe('PEP-2026-0042');
  });
});
