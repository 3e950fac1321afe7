import { afterEach, describe, expect, it } from 'vitest';
import type { MeetingStore } from '../../../src/ports/store.js';
import type { SlackHarness, SlowStore } from './slack-harness.js';
import { CHRIS, DANA, SAM, SIGNING_SECRET, slowed, startSlack } from './slack-harness.js';
import { click, createMeeting, FORM, linkLockAndStart, openMeetingForm, shownOnlyTo, submitForm, type } from './slack-scenes.js';
import { signature } from './signed-requests.js';
import { buttons } from './slack-api-stub.js';
import { eventually } from '../../contract/scheduler-backend-fixtures.js';

/**
 * The platform's rules: signatures on every request, acks inside three seconds whatever the
 * store does, retries and double-clicks applied once, 429s retried after Retry-After.
 */
let h: SlackHarness;
let expectedErrors: string[] = [];
afterEach(async () => {
  await h.close(expectedErrors);
  expectedErrors = [];
});

const FIVE_MINUTES_AND_MORE = 6 * 60;

describe('request signatures', () => {
  it('a forged, stale or unsigned request gets 401 and changes nothing', async () => {
    h = await startSlack();
    const before = h.stub.calls.length;
    const forged = await type(h, SAM, 'D0SAM', 'new', { secret: 'not-the-signing-secret' });
    const stale = await type(h, SAM, 'D0SAM', 'new', { timestamp: Math.floor(Date.now() / 1000) - FIVE_MINUTES_AND_MORE });
    const unsigned = await fetch(h.slack.endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'command=%2Fpep&text=new&user_id=U0SAM',
    });
    const forgedEvent = await h.slack.event({ type: 'event_callback', event_id: 'Ev0X', event: { type: 'app_home_opened', user: SAM.id, tab: 'home' } }, { secret: 'wrong' });
    expect([forged.answer.status, stale.answer.status, unsigned.status, forgedEvent.status]).toEqual([401, 401, 401, 401]);
    await h.settle();
    expect(h.stub.calls.slice(before)).toEqual([]);
    expect(h.stub.responses).toEqual([]);
  });

  it('a request timestamped more than five minutes ahead gets 401, changes nothing and each is logged once as a warning', async () => {
    h = await startSlack();
    const before = h.stub.calls.length;
    const now = Math.floor(Date.now() / 1000);
    const ahead = await type(h, SAM, 'D0SAM', 'new', { timestamp: now + FIVE_MINUTES_AND_MORE });
    const dayAhead = await type(h, SAM, 'D0SAM', 'new', { timestamp: now + 24 * 60 * 60 });
    const event = await h.slack.event({ type: 'event_callback', event_id: 'Ev0F', event: { type: 'app_home_opened', user: SAM.id, tab: 'home' } }, { timestamp: now + FIVE_MINUTES_AND_MORE });
    expect([ahead.answer.status, dayAhead.answer.status, event.status]).toEqual([401, 401, 401]);
    await h.settle();
    expect(h.stub.calls.slice(before)).toEqual([]);
    expect(h.stub.responses).toEqual([]);
    const warnings = h.logs().filter((r) => r.level === 'warn' && /timestamp/i.test(String(r.msg)));
    expect(warnings).toHaveLength(3);
    expect(JSON.stringify(warnings)).not.toContain(SIGNING_SECRET);
    expect(JSON.stringify(warnings)).not.toContain('U0SAM');
  });

  it('a request a little ahead of our clock, as Slack\'s may be, is still accepted', async () => {
    h = await startSlack();
    const { answer } = await type(h, SAM, 'D0SAM', 'status', { timestamp: Math.floor(Date.now() / 1000) + 4 * 60 });
    expect(answer.status).toBe(200);
  });

  it('is checked on the exact bytes Slack signed, not on JSON parsed and written again', async () => {
    h = await startSlack();
    // Spacing and key order no re-serialisation would reproduce.
    const body = '{ "type" : "url_verification",\n  "token": "x", "challenge" : "ch4ll3nge" }';
    const timestamp = Math.floor(Date.now() / 1000);
    const answer = await fetch(h.slack.endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Slack-Request-Timestamp': String(timestamp), 'X-Slack-Signature': signature(SIGNING_SECRET, timestamp, body) },
      body,
    });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ challenge: 'ch4ll3nge' });
  });
});

describe('validly signed but malformed bodies', () => {
  it('an interaction whose payload is null gets 400 and no error is logged', async () => {
    h = await startSlack();
    const before = h.stub.calls.length;
    const answer = await h.slack.send('payload=null', 'application/x-www-form-urlencoded');
    expect(answer.status).toBe(400);
    await h.settle();
    expect(h.stub.calls.slice(before)).toEqual([]);
    expect(h.logs().filter((r) => r.level === 'error' || r.level === 'fatal')).toEqual([]);
  });

  it('a card click with no user gets 400, changes nothing, and no error is logged', async () => {
    h = await startSlack();
    const meeting = await createMeeting(h);
    const invitation = h.stub.messageWith(CHRIS.id, 'rsvp');
    const accept = buttons(invitation.blocks).find((b) => b.verb === 'rsvp' && b.title === 'Accept')!;
    const before = h.stub.calls.length;
    const answer = await h.slack.interaction({
      type: 'block_actions',
      team: { id: 'T0TEAM', domain: 'pep' },
      api_app_id: 'A0PEP',
      token: 'deprecated',
      trigger_id: 'trigger.nouser',
      channel: { id: invitation.channel },
      container: { type: 'message', message_ts: invitation.ts, channel_id: invitation.channel },
      message: { type: 'message', ts: invitation.ts, text: invitation.text, blocks: invitation.blocks },
      response_url: h.stub.responseUrl('click.nouser'),
      actions: [{ type: 'button', action_id: accept.action_id, block_id: accept.block_id ?? 'b', value: accept.value, text: { type: 'plain_text', text: accept.title }, action_ts: '1700000999.000100' }],
    });
    expect(answer.status).toBe(400);
    await h.settle();
    expect(h.stub.calls.slice(before)).toEqual([]);
    expect((await h.store.auditTrail(meeting.id)).filter((e) => e.type === 'recordRsvp')).toEqual([]);
    expect(h.logs().filter((r) => r.level === 'error' || r.level === 'fatal')).toEqual([]);
  });

  it('a form submission with no view gets 400 and no error is logged', async () => {
    h = await startSlack();
    const answer = await h.slack.interaction({ type: 'view_submission', team: { id: 'T0TEAM' }, user: { id: SAM.id, team_id: 'T0TEAM' }, api_app_id: 'A0PEP', trigger_id: 'trigger.noview' });
    expect(answer.status).toBe(400);
    await h.settle();
    expect(await h.store.meetingsOfChild('PEP-2026-0042')).toEqual([]);
    expect(h.logs().filter((r) => r.level === 'error' || r.level === 'fatal')).toEqual([]);
  });

  it('a well-formed click still records the answer', async () => {
    h = await startSlack();
    const meeting = await createMeeting(h);
    const clicked = await click(h, CHRIS, h.stub.messageWith(CHRIS.id, 'rsvp'), 'rsvp', { title: 'Accept' });
    expect(clicked.answer.status).toBe(200);
    await h.settle();
    expect((await h.store.getMeeting(meeting.id))!.participants.find((p) => p.slackUserId === CHRIS.id)!.rsvp?.answer).toBe('accept');
  });
});

describe('acknowledging within three seconds', () => {
  it('acks a click and a form at once, and a command after its one record write, while the store takes seconds to answer', async () => {
    let slow!: SlowStore;
    h = await startSlack({
      appStore: (store: MeetingStore) => {
        slow = slowed(store);
        return slow.store;
      },
    });
    const meeting = await createMeeting(h);
    const form = await openMeetingForm(h);
    slow.setDelay(1_500);
    const callsBefore = slow.completed();

    const [clicked, submitted] = await Promise.all([
      click(h, DANA, h.stub.messageWith(DANA.id, 'rsvp'), 'rsvp', { title: 'Accept' }),
      submitForm(h, form, { ...FORM, childRef: 'PEP-2026-0077' }),
    ]);
    // Both answers are in while not one store call has finished: nothing waited for the store.
    expect(slow.completed()).toBe(callsBefore);
    slow.setDelay(0);
    await h.settle();

    // A command is written down before its ack, so a crash cannot lose it: that single insert is all the ack waits for.
    slow.setDelay(1_500);
    const commandCallsBefore = slow.completed();
    const command = await type(h, SAM, 'D0SAM', 'status');
    expect(slow.finished().slice(commandCallsBefore)).toEqual(['claimValue']);
    for (const answer of [command.answer, clicked.answer, submitted]) {
      expect(answer.status).toBe(200);
      expect(answer.ms).toBeLessThan(3_000);
    }

    slow.setDelay(0);
    await h.settle();
    expect(slow.completed()).toBeGreaterThan(commandCallsBefore + 1);
    expect(shownOnlyTo(h, command.responseId)).toHaveLength(1);
    expect((await h.store.getMeeting(meeting.id))!.participants.find((p) => p.slackUserId === DANA.id)!.rsvp?.answer).toBe('accept');
    expect((await h.store.meetingsOfChild('PEP-2026-0077'))).toHaveLength(1);
  });
});

describe('one request never waits for another', () => {
  it('acks and works on a command while the answer to an earlier one is still stuck at Slack, and both arrive once', async () => {
    h = await startSlack({ respondRetry: { attempts: 4, firstDelayMs: 10, maxDelayMs: 50 } });
    await createMeeting(h);
    h.stub.hold('/respond/');
    const first = await type(h, SAM, 'D0SAM', 'status');
    await eventually(() => expect(h.stub.holdingNow('/respond/')).toBe(1));

    const second = await type(h, SAM, 'D0SAM', 'status');
    expect(second.answer.status).toBe(200);
    // Its work ran too, up to its own answer: nothing queued it behind the first one's.
    await eventually(() => expect(h.stub.holdingNow('/respond/')).toBe(2));

    // Slack drops both connections: each answer is posted again, and taken.
    h.stub.release();
    await h.settle();
    expect(shownOnlyTo(h, first.responseId)).toHaveLength(1);
    expect(shownOnlyTo(h, second.responseId)).toHaveLength(1);
  });
});

describe('applied once', () => {
  it('a double-click (the same action_ts) records one answer and updates the organiser once', async () => {
    h = await startSlack();
    const meeting = await createMeeting(h);
    const invitation = h.stub.messageWith(CHRIS.id, 'rsvp');
    await click(h, CHRIS, invitation, 'rsvp', { title: 'Tentative', actionTs: '1700000123.000200' });
    await h.settle();
    const summaryUpdates = h.stub.callsOf('chat.update').filter((c) => c.args.channel === 'D0SAM').length;
    await click(h, CHRIS, invitation, 'rsvp', { title: 'Tentative', actionTs: '1700000123.000200' });
    await h.settle();
    const answers = (await h.store.auditTrail(meeting.id)).filter((e) => e.type === 'recordRsvp');
    expect(answers).toHaveLength(1);
    expect(h.stub.callsOf('chat.update').filter((c) => c.args.channel === 'D0SAM')).toHaveLength(summaryUpdates);
  });

  it('a replayed command (the same trigger) captures one action; a replayed form creates one meeting', async () => {
    h = await startSlack();
    const meeting = await createMeeting(h);
    await linkLockAndStart(h, 'C0PEPCHAT');
    await type(h, SAM, 'C0PEPCHAT', 'action <@U0DANA> send the reading report by Friday', { triggerId: 'trigger.same' });
    await type(h, SAM, 'C0PEPCHAT', 'action <@U0DANA> send the reading report by Friday', { triggerId: 'trigger.same' });
    await h.settle();
    expect((await h.store.getMeeting(meeting.id))!.actions).toHaveLength(1);

    const form = await openMeetingForm(h);
    const again = { ...FORM, childRef: 'PEP-2026-0099' };
    await submitForm(h, form, again, SAM, { triggerId: 'trigger.form' });
    await submitForm(h, form, again, SAM, { triggerId: 'trigger.form' });
    await h.settle();
    expect(await h.store.meetingsOfChild('PEP-2026-0099')).toHaveLength(1);
  });
});

describe('rate limits', () => {
  it('a 429 is retried after the Retry-After Slack sent, and the invitation still arrives', async () => {
    h = await startSlack();
    h.stub.failNext('chat.postMessage', { status: 429, retryAfterSeconds: 1 });
    await createMeeting(h);
    const [limited, retried] = h.stub.callsOf('chat.postMessage');
    expect(limited!.result).toBeUndefined();
    expect(retried!.args.channel).toBe(limited!.args.channel);
    expect(retried!.at - limited!.at).toBeGreaterThanOrEqual(1_000);
    expect(h.reports).toEqual([expect.objectContaining({ kind: 'undeliverable', card: 'invitation' })]);
    expect(h.stub.messageWith(DANA.id, 'rsvp')).toBeDefined();
  });
});

describe('when the store fails after the ack', () => {
  /** A store whose writes fail, as a full disk or a lost database connection would. */
  const failingWrites = (store: MeetingStore): MeetingStore =>
    new Proxy(store, {
      get(target, property, receiver) {
        if (property === 'createMeeting' || property === 'saveMeeting') return () => Promise.reject(new Error('disk I/O error'));
        return Reflect.get(target, property, receiver) as unknown;
      },
    });

  it('the organiser gets the form back with what they typed and word that nothing was saved', async () => {
    h = await startSlack({ appStore: failingWrites });
    expectedErrors = ['slack work after the ack failed'];
    const form = await openMeetingForm(h);
    await submitForm(h, form, FORM);
    await h.settle();
    const reshown = h.stub.callsOf('views.update').at(-1)!.args.view as { blocks: Record<string, unknown>[]; submit?: unknown };
    expect(reshown.submit).toBeDefined();
    expect(JSON.stringify(reshown.blocks)).toContain('not saved because of a problem in PEP Bot');
    const childRef = reshown.blocks.find((b) => b.block_id === 'childRef') as { element: { initial_value: string } };
    expect(childRef.element.initial_value).toBe('PEP-2026-0042');
    expect(h.logs().find((r) => r.level === 'error')).toMatchObject({ task: 'meeting form', userId: SAM.id, err: { message: 'disk I/O error' } });
  });

  it('someone answering a card is told privately, with their note handed back', async () => {
    let failing = false;
    h = await startSlack({
      appStore: (store) =>
        new Proxy(store, {
          get(target, property, receiver) {
            if (failing && property === 'saveMeeting') return () => Promise.reject(new Error('disk I/O error'));
            return Reflect.get(target, property, receiver) as unknown;
          },
        }),
    });
    await createMeeting(h);
    failing = true;
    expectedErrors = ['slack work after the ack failed'];
    const clicked = await click(h, CHRIS, h.stub.messageWith(CHRIS.id, 'rsvp'), 'rsvp', { title: 'Decline', inputs: { note: 'Hospital appointment that day' } });
    await h.settle();
    const [told] = shownOnlyTo(h, clicked.responseId);
    expect(told!.body).toMatchObject({ response_type: 'ephemeral' });
    expect(JSON.stringify(told!.blocks)).toContain('Hospital appointment that day');
    expect(JSON.stringify(told!.blocks)).toContain('Something went wrong on our side');
  });
});
