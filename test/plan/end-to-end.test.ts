import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handleCardAction, type CardActionRequest } from '../../src/app/card-actions.js';
import { cardForLink } from '../../src/app/link-cards.js';
import { nudgeSender } from '../../src/app/nudge-cards.js';
import { createNextMeeting } from '../../src/app/plan/create-next-meeting.js';
import { resolveSecureLink } from '../../src/app/secure-links.js';
import { cardControls } from '../../src/channels/web/card-buttons.js';
import { submitThroughLink } from '../../src/channels/web/link-submission.js';
import { renderOutbound } from '../../src/channels/web/outbound.js';
import { PLAN_PAGE_CSP } from '../../src/channels/web/plan/plan-html.js';
import { planRoutes } from '../../src/channels/web/plan/plan-routes.js';
import type { Meeting } from '../../src/domain/model.js';
import { captureLog, startServer, type RunningServer } from '../server/harness.js';
import { renderCard, renderSlackMessage } from '../../src/cards/index.js';
import { createMeeting } from '../../src/app/create-meeting.js';
import { DEFAULT_SETTINGS, idOf, MEETING_INPUT, meetingReadyToClose, pdfTextOf, planWorld, PUBLIC_BASE_URL, type PlanWorld } from './support.js';

/**
 * Step 11 end to end, on the real store, card catalogue and HTTP server: a meeting is closed, the
 * plan goes to everyone, each key person signs it from their card, the HTML and PDF say so, a
 * later change reopens sign-off, and the next meeting's review card starts from this plan.
 */

let world: PlanWorld;
let server: RunningServer;

beforeEach(async () => {
  world = await planWorld();
  server = await startServer({ store: world.store, mount: [planRoutes({ app: world.deps, publicBaseUrl: PUBLIC_BASE_URL, logger: captureLog().logger })] });
});

afterEach(async () => {
  await server.server.stop();
  await world.close();
});

interface PlanCardData {
  meetingId: string;
  planVersion: number;
  documentUrl?: string;
  recipientHasSigned: boolean;
  recipientIsSignatory: boolean;
  signedOff: { name: string }[];
  waitingFor: { name: string }[];
  changes: string[];
}

/** The newest plan card a person was sent in a direct message. */
function planCardOf(personId: string): PlanCardData {
  const sent = [...world.teams.sent, ...world.slack.sent].filter((s) => s.kind === 'direct' && s.to === personId && s.card.name === 'plan-summary');
  const latest = sent.at(-1);
  if (!latest) throw new Error(`no plan card for ${personId}`);
  return latest.card.data as PlanCardData;
}

const get = (url: string) => fetch(`${server.url}${new URL(url).pathname}`);

async function close(): Promise<Meeting> {
  const meeting = await meetingReadyToClose(world);
  world.clock.set('2026-12-04T11:00:00Z');
  await world.run(meeting, meeting.organiserId, { type: 'concludeMeeting' });
  return (await world.store.getMeeting(meeting.id))!;
}

/** Clicks "Sign off the plan" on the person's own card, as their channel would pass it on. */
async function signFromCard(personId: string, actor: CardActionRequest['actor'], channel: CardActionRequest['channel'], at: string) {
  world.clock.set(at);
  const { meetingId, planVersion, documentUrl } = planCardOf(personId);
  const result = await handleCardAction(world.deps, { verb: 'plan.signOff', payload: { meetingId, planVersion, documentUrl }, actor, channel, idempotencyKey: `${channel}:${personId}:${at}` });
  await world.settle();
  return result;
}

describe('the written plan, from closing the meeting to the next one', () => {
  it('goes to every participant: chat users with the full plan, others by a secure link showing initials only', async () => {
    const meeting = await close();
    const [teacher, carer, officer] = ['designated_teacher', 'carer', 'virtual_school_officer'].map((role) => idOf(meeting, role)) as [string, string, string];
    expect(meeting.status).toBe('plan_distributed');

    for (const person of [meeting.organiserId, teacher, carer]) {
      expect(planCardOf(person)).toMatchObject({ planVersion: 1, recipientHasSigned: false, recipientIsSignatory: true, signedOff: [], documentUrl: expect.stringMatching(/^https:\/\/pep\.example\.org\/plan\/[\w-]{43}$/) });
    }
    expect(world.slack.sent.filter((s) => s.card.name === 'plan-summary').map((s) => s.to)).toEqual([carer]);
    // Vic has only an email address: the plan card went to them as a secure link, by email.
    const vicLink = world.mails.filter((m) => m.to === 'vic@vs.example.org').at(-1)!;
    const vicToken = new URL(vicLink.url).pathname.split('/').at(-1)!;
    expect(world.events.filter((e) => e.kind === 'undeliverable').map((e) => e.participantId)).not.toContain(officer);

    const full = await get(planCardOf(teacher).documentUrl!);
    expect(full.status).toBe(200);
    expect(Object.fromEntries(['content-security-policy', 'referrer-policy', 'x-frame-options', 'cache-control', 'x-content-type-options'].map((h) => [h, full.headers.get(h)]))).toEqual({
      'content-security-policy': PLAN_PAGE_CSP,
      'referrer-policy': 'no-referrer',
      'x-frame-options': 'DENY',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    const html = await full.text();
    for (const text of ['Jordan Doe', 'Hillside Academy', 'Read every day', 'Weekly reading tutor (£450.00)', 'Send the reading report', 'Arrange reading support', 'Attendance is up to 94%', 'Not signed yet']) {
      expect(html).toContain(text);
    }
    // What the child typed is shown as text: the page has no script element at all.
    expect(html).toContain('More help with reading &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toMatch(/<script/i);

    const initialsOnly = await (await get(`${PUBLIC_BASE_URL}/plan/${vicToken}`)).text();
    expect(initialsOnly).toContain('Personal Education Plan for JD (PEP-2026-0042)');
    expect(initialsOnly).toContain('JD (child or young person)');
    expect(initialsOnly).not.toContain('Jordan Doe');
    expect(initialsOnly).not.toContain('Hillside Academy');
  });

  it('is signed off per person from their own card, and the PDF says who signed and when', async () => {
    const meeting = await close();
    const [teacher, carer, child, officer] = ['designated_teacher', 'carer', 'child', 'virtual_school_officer'].map((role) => idOf(meeting, role)) as [string, string, string, string];

    const signed = await signFromCard(teacher, { kind: 'teamsAad', teamsAadObjectId: 'aad-dana' }, 'teams', '2026-12-04T11:05:00Z');
    // The card the teacher clicked comes back signed, still with its link to the full plan.
    expect(signed.card).toMatchObject({ name: 'plan-summary', data: { recipientHasSigned: true, documentUrl: planCardOf(teacher).documentUrl, signedOff: [{ name: 'Dana Teacher' }] } });
    expect((await signFromCard(teacher, { kind: 'teamsAad', teamsAadObjectId: 'aad-dana' }, 'teams', '2026-12-04T11:06:00Z')).card).toMatchObject({ name: 'error', data: { code: 'PLAN.ALREADY_SIGNED' } });
    await signFromCard(carer, { kind: 'slack', slackUserId: 'U0CARER' }, 'slack', '2026-12-04T18:30:00Z');
    await signFromCard(meeting.organiserId, { kind: 'teamsAad', teamsAadObjectId: 'aad-sam' }, 'teams', '2026-12-05T09:00:00Z');

    // The child was sent the plan for information; a forged click is refused.
    const childClick = await handleCardAction(world.deps, { verb: 'plan.signOff', payload: { meetingId: meeting.id, planVersion: 1 }, actor: { kind: 'participant', participantId: child }, channel: 'web' });
    expect(childClick.card).toMatchObject({ name: 'error', data: { code: 'PLAN.NOT_SIGNATORY' } });

    // Vic signs on the web page their emailed link opens, pressing the card's own button.
    world.clock.set('2026-12-07T08:15:00Z');
    const vicToken = new URL(world.mails.filter((m) => m.to === 'vic@vs.example.org').at(-1)!.url).pathname.split('/').at(-1)!;
    const resolved = await resolveSecureLink(world.deps, vicToken);
    if (!resolved.ok) throw new Error(`Vic's link does not open: ${resolved.state}`);
    const [button] = cardControls(renderOutbound(cardForLink(resolved.meeting, resolved.link, world.clock.now()))).buttons;
    expect(button).toMatchObject({ verb: 'plan.signOff' });
    const web = await submitThroughLink(world.deps, vicToken, { verb: button!.verb, data: button!.data, inputs: {} });
    expect(web.status).toBe(200);
    // The organiser is then told the plan is complete.
    await world.settle();
    expect(world.teams.sent.at(-1)).toMatchObject({ kind: 'direct', to: meeting.organiserId, card: { name: 'confirmation', data: { title: 'Written plan signed off' } } });
    // Each signature's time as people read it, in the meeting's time zone (UK: GMT in December).
    expect((world.teams.sent.at(-1)!.card.data as { facts: { value: string }[] }).facts.map((f) => f.value)).toEqual([
      'Signed Friday 4 December 2026, 11:05',
      'Signed Friday 4 December 2026, 18:30',
      'Signed Saturday 5 December 2026, 09:00',
      'Signed Monday 7 December 2026, 08:15',
    ]);

    const stored = (await world.store.getMeeting(meeting.id))!;
    expect(stored.plan!.signOffs.map((s) => [s.participantId, s.version, s.at])).toEqual([
      [teacher, 1, '2026-12-04T11:05:00.000Z'],
      [carer, 1, '2026-12-04T18:30:00.000Z'],
      [meeting.organiserId, 1, '2026-12-05T09:00:00.000Z'],
      [officer, 1, '2026-12-07T08:15:00.000Z'],
    ]);
    const trail = await world.store.auditTrail(meeting.id);
    expect(trail.filter((e) => e.type === 'signPlan').map((e) => [e.actorId, e.channel])).toEqual([
      [teacher, 'teams'],
      [carer, 'slack'],
      [meeting.organiserId, 'teams'],
      [officer, 'web'],
    ]);

    const response = await get(`${planCardOf(teacher).documentUrl!}.pdf`);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename=PEP-2026-0042-plan-v1.pdf');
    const { text } = await pdfTextOf(new Uint8Array(await response.arrayBuffer()));
    for (const expected of [
      'Personal Education Plan for JD (PEP-2026-0042)',
      'Signed off by everyone asked',
      'Read every day',
      'Measurable: Reading log signed weekly by the carer',
      'Support: Tutoring: Weekly reading tutor (£450.00)',
      'Send the reading report',
      'Owner: Dana Teacher (designated teacher)',
      'Due: Friday 11 December 2026',
      'Choose three books at the library',
      'Dana Teacher (designated teacher): Signed Friday 4 December 2026, 11:05',
      'Chris Carer (carer): Signed Friday 4 December 2026, 18:30',
      'Sam Social (social worker): Signed Saturday 5 December 2026, 09:00',
      'Vic Officer (virtual school officer): Signed Monday 7 December 2026, 08:15',
      'Next review',
      'Wednesday 10 March 2027',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('a change after sign-off sends version 2, saying what changed, and a version 1 card can no longer sign', async () => {
    const meeting = await close();
    const teacher = idOf(meeting, 'designated_teacher');
    await signFromCard(teacher, { kind: 'teamsAad', teamsAadObjectId: 'aad-dana' }, 'teams', '2026-12-04T11:05:00Z');
    const versionOne = planCardOf(teacher);

    const actionId = meeting.actions.find((a) => a.ownerId === teacher)!.id;
    world.clock.set('2026-12-08T09:00:00Z');
    await handleCardAction(world.deps, {
      verb: 'nudge.moreTime',
      payload: { meetingId: meeting.id, actionId, newDueDate: '2026-12-18' },
      actor: { kind: 'teamsAad', teamsAadObjectId: 'aad-dana' },
      channel: 'teams',
    });
    await world.settle();

    const change = 'Action "Send the reading report": due date changed from Friday 11 December 2026 to Friday 18 December 2026.';
    expect(planCardOf(teacher)).toMatchObject({ planVersion: 2, changes: [change], recipientHasSigned: false, signedOff: [] });
    expect(planCardOf(meeting.organiserId)).toMatchObject({ planVersion: 2, changes: [change] });
    const stale = await handleCardAction(world.deps, { verb: 'plan.signOff', payload: versionOne as unknown as Record<string, unknown>, actor: { kind: 'teamsAad', teamsAadObjectId: 'aad-dana' }, channel: 'teams' });
    expect(stale.card).toMatchObject({ name: 'error', data: { code: 'PLAN.VERSION_CHANGED', message: expect.stringContaining(change) } });

    const html = await (await get(planCardOf(teacher).documentUrl!)).text();
    expect(html).toContain('Sign-off of version 2');
    expect(html).toContain('Version 2, Tuesday 8 December 2026, 09:00');
    expect(html).toContain(change.replaceAll('"', '&quot;'));
    expect(html).not.toContain('Signed Friday');
  });

  it('the next meeting reviews the actions not done and the goals, on its review card', async () => {
    const meeting = await close();
    const teacher = idOf(meeting, 'designated_teacher');
    await world.run(meeting, teacher, { type: 'completeAction', actionId: meeting.actions.find((a) => a.ownerId === teacher)!.id });

    const next = await createNextMeeting(world.deps, meeting.id, { channel: 'teams' });
    expect(next).toMatchObject({ previousMeetingId: meeting.id, startsAt: '2027-03-10T10:00:00Z', status: 'draft' });
    expect((await createNextMeeting(world.deps, meeting.id, { channel: 'teams' })).id).toBe(next.id);

    let running = await world.run(next, next.organiserId, { type: 'linkChat', channel: 'teams', conversationId: '19:pep-chat@thread.v2' });
    running = await world.run(running, next.organiserId, { type: 'sendInvitations' });
    running = await world.run(running, next.organiserId, { type: 'lockAgenda' });
    await world.run(running, 'system', { type: 'startMeeting' });

    const review = world.teams.sent.filter((s) => s.to === '19:pep-chat@thread.v2' && s.card.name === 'previous-actions').at(-1)!;
    expect((review.card.data as { actions: { description: string; status: string }[] }).actions).toEqual([
      expect.objectContaining({ description: 'Choose three books at the library', status: 'open' }),
      expect.objectContaining({ description: 'Goal: Read every day', status: 'open' }),
    ]);
  });
});

describe('with the default settings: links on http://127.0.0.1, no SMTP', () => {
  let local: PlanWorld;
  let localServer: RunningServer;
  beforeEach(async () => {
    local = await planWorld(DEFAULT_SETTINGS);
    localServer = await startServer({ store: local.store, mount: [planRoutes({ app: local.deps, publicBaseUrl: DEFAULT_SETTINGS.publicBaseUrl, logger: captureLog().logger })] });
  });
  afterEach(async () => {
    await localServer.server.stop();
    await local.close();
  });
  const getLocal = (url: string) => fetch(`${localServer.url}${new URL(url).pathname}`);

  /** Booked for Friday 4 December, held on Wednesday 2 December from 14:00 and closed at 15:05. */
  async function closeEarly(): Promise<Meeting> {
    local.clock.set('2026-12-02T14:00:00Z');
    const meeting = await meetingReadyToClose(local);
    local.clock.set('2026-12-02T15:05:00Z');
    await local.run(meeting, meeting.organiserId, { type: 'concludeMeeting' });
    return (await local.store.getMeeting(meeting.id))!;
  }

  const reachReport = () => local.teams.latest('reach-report')?.data as { links: { name: string; opens: string; url: string }[]; undelivered: { who: string; what: string; reason: string }[] } | undefined;

  it('reaches every participant: chat users get the full plan as a link to copy, the others through the organiser', async () => {
    const meeting = await closeEarly();
    const [teacher, carer, child, officer] = ['designated_teacher', 'carer', 'child', 'virtual_school_officer'].map((role) => idOf(meeting, role)) as [string, string, string, string];
    expect(meeting.status).toBe('plan_distributed');
    expect(local.events).toEqual([]);

    for (const [person, messenger] of [[meeting.organiserId, local.teams], [teacher, local.teams], [carer, local.slack]] as const) {
      const sent = messenger.sent.filter((s) => s.kind === 'direct' && s.to === person && s.card.name === 'plan-summary');
      expect(sent).toHaveLength(1);
      const data = sent[0]!.card.data as Parameters<typeof renderCard<'plan-summary'>>[1];
      const url = data.documentUrl!;
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:3978\/plan\/[\w-]{43}$/);
      // As each platform draws it: the whole link to copy, and no button Teams or Slack would refuse.
      const card = JSON.stringify(messenger.channel === 'teams' ? renderCard('plan-summary', data) : renderSlackMessage('plan-summary', data));
      expect(card).toContain(`The full plan, with everything on it, is at ${url}`);
      expect(card).not.toMatch(/Action\.OpenUrl|"url":/);
      expect((await getLocal(url)).status).toBe(200);
    }

    // The child and Vic have no chat account and no email is set up: the organiser passes the plan on.
    const planLinks = reachReport()!.links.filter((l) => l.opens === 'the written plan');
    expect(planLinks.map((l) => l.name)).toEqual(['Jordan Doe', 'Vic Officer']);
    expect(planLinks.every((l) => /^http:\/\/127\.0\.0\.1:3978\/p\/[\w-]{43}$/.test(l.url))).toBe(true);
    expect(meeting.links.filter((l) => l.purpose === 'plan' && [child, officer].includes(l.participantId))).toHaveLength(2);
  });

  it('says when the meeting was held, not when it was booked for', async () => {
    const meeting = await closeEarly();
    expect(meeting.startedAt).toBe('2026-12-02T14:00:00.000Z');
    const teacherCard = local.teams.sent.find((s) => s.to === idOf(meeting, 'designated_teacher') && s.card.name === 'plan-summary')!.card;
    const data = teacherCard.data as Parameters<typeof renderCard<'plan-summary'>>[1];
    expect(JSON.stringify(renderCard('plan-summary', data))).toContain('Meeting held Wednesday 2 December 2026, 14:00 to 15:05.');
    const html = await (await getLocal(data.documentUrl!)).text();
    expect(html).toContain('Wednesday 2 December 2026, 14:00 to 15:05');
    expect(html).not.toContain('Friday 4 December 2026, 10:00');
  });

  it('a reminder for the child updates the organiser\'s one card instead of sending another message', async () => {
    const meeting = await closeEarly();
    const child = idOf(meeting, 'child');
    const toOrganiser = () => local.teams.sent.filter((s) => s.kind === 'direct' && s.to === meeting.organiserId).length;
    const before = toOrganiser();
    local.clock.set('2026-12-16T09:00:00Z');
    const actionId = meeting.actions.find((a) => a.ownerId === child)!.id;
    await nudgeSender(local.delivery, local.deps)({ meetingId: meeting.id, kind: 'action_before_due', itemId: actionId, recipientParticipantId: child, dueInstant: '2026-12-16T09:00:00Z' }, meeting);
    expect(toOrganiser()).toBe(before);
    expect(local.teams.sent.at(-1)).toMatchObject({ kind: 'update', to: meeting.organiserId, card: { name: 'reach-report' } });
    expect(reachReport()!.links.filter((l) => l.name === 'Jordan Doe').map((l) => l.opens)).toContain('a reminder about an action they own');
  });

  it('tells the organiser when the meeting chat did not get a card, and takes it off once it does', async () => {
    let meeting = await createMeeting(local.deps, { command: MEETING_INPUT, channel: 'teams' });
    local.slack.failing = 'PEP Bot is not a member of that Slack channel: invite it with /invite (not_in_channel).';
    meeting = await local.run(meeting, meeting.organiserId, { type: 'linkChat', channel: 'slack', conversationId: 'C0PEPCHAT' });
    expect(reachReport()!.undelivered).toContainEqual({
      who: 'The meeting chat in Slack',
      what: 'the agenda',
      reason: 'PEP Bot is not a member of that Slack channel: invite it with /invite (not_in_channel).',
    });
    local.slack.failing = undefined;
    await local.run(meeting, meeting.organiserId, { type: 'addAgendaItem', title: 'Transport to school' });
    expect(reachReport()!.undelivered.filter((u) => u.what === 'the agenda')).toEqual([]);
  });

  it('tells the organiser, on one card, who did not get the plan and why', async () => {
    local.slack.failing = "Slack could not find this person's account (user_not_found).";
    const meeting = await closeEarly();
    const report = reachReport()!;
    expect(report.undelivered).toContainEqual({ who: 'Chris Carer (carer)', what: 'the written plan', reason: "Slack could not find this person's account (user_not_found)." });
    const reports = local.teams.sent.filter((s) => s.card.name === 'reach-report');
    expect(reports.every((s) => s.to === meeting.organiserId)).toBe(true);
    expect(reports.filter((s) => s.kind === 'direct')).toHaveLength(1);
    // The operator's log still hears of it too.
    expect(local.events).toContainEqual(expect.objectContaining({ kind: 'undeliverable', participantId: idOf(meeting, 'carer'), card: 'plan-summary' }));
  });
});
