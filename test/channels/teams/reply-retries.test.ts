import { afterEach, describe, expect, it } from 'vitest';
import { eventually } from '../../contract/scheduler-backend-fixtures.js';
import { message } from './support/activities.js';
import { headingOf } from './support/connector-stub.js';
import type { TeamsHarness } from './support/teams-harness.js';
import { ReplyRetries } from '../../../src/channels/teams/reply-retries.js';
import type { TeamsMessenger } from '../../../src/channels/teams/teams-messenger.js';
import { NOW } from '../../domain/scenario.js';
import { captureLog } from '../../server/harness.js';
import { createMeetingInTeams, linkMeetingChat } from './support/meeting-setup.js';
import { MEETING_CHAT, SAM, personalChat, startTeamsHarness } from './support/teams-harness.js';

/**
 * A reply in a turn, through the real CloudAdapter to a connector on loopback that closes the
 * connection on it or answers 500 or 429 first. The connector client botbuilder makes retries
 * these itself (four attempts, a growing wait, the connector's Retry-After), so PEP Bot adds no
 * retry of its own within the turn, which would multiply them: the reply arrives once. One that
 * still does not get through is logged as undelivered, with the reason, and no error card is sent
 * after it; it is kept in the store and sent again later, until Teams takes it or it is given up.
 */
let teams: TeamsHarness;
afterEach(async () => {
  await teams.close();
});

/** Sam has the bot already, so the only connector call in the turn is the reply itself. */
async function samIsKnown(): Promise<void> {
  await teams.store.putValue('teams-person', `aad:${SAM.aadObjectId}`, { aadObjectId: SAM.aadObjectId, userId: SAM.id, emails: [SAM.email], personalConversationId: personalChat(SAM) });
}

const logged = (msg: string) => teams.logs().filter((line) => line.msg === msg);

describe('a Teams reply the connector did not take', () => {
  it('is sent again after a reset connection, a 500 and a 429, and arrives once', async () => {
    teams = await startTeamsHarness();
    await samIsKnown();
    teams.connector.failSends.push('reset', { status: 500 }, { status: 429, retryAfterSeconds: 1 });
    const answer = await teams.post(message(SAM, { serviceUrl: teams.connector.serviceUrl }, 'help'));
    expect(answer.status).toBe(200);

    expect(teams.connector.calls.filter((c) => c.conversationId === personalChat(SAM)).map(headingOf)).toEqual(['Hello, I’m PEP Bot']);
    expect(teams.connector.failedSends).toEqual(['reset', { status: 500 }, { status: 429, retryAfterSeconds: 1 }]);
    expect(logged('teams reply not delivered')).toEqual([]);
  }, 20_000);

  it('that never gets through is logged as undelivered, with no error card after it, kept, and sent by a later look once Teams takes it', async () => {
    teams = await startTeamsHarness({ timeouts: { replyRetry: { lookEveryMs: 50, firstDelayMs: 0 } } });
    await samIsKnown();
    // botbuilder's four attempts in the turn, then one more in the first later look (which botbuilder retries too).
    teams.connector.failSends.push(...Array.from({ length: 5 }, () => ({ status: 503 })));
    const answer = await teams.post(message(SAM, { serviceUrl: teams.connector.serviceUrl }, 'help'));
    expect(answer.status).toBe(200);
    expect(logged('teams reply not delivered')).toEqual([expect.objectContaining({ failure: expect.objectContaining({ statusCode: 503 }) })]);
    expect(logged('teams error reply failed')).toEqual([]);
    expect(logged('teams reply kept to be sent again later')).toEqual([expect.objectContaining({ card: 'welcome' })]);

    await eventually(() => expect(teams.connector.calls.filter((c) => c.conversationId === personalChat(SAM)).map(headingOf)).toEqual(['Hello, I’m PEP Bot']), 20_000);
    expect(teams.connector.failedSends).toHaveLength(5);
    expect(logged('teams reply delivered on a later attempt')).toEqual([expect.objectContaining({ attempts: 2 })]);
    expect(await teams.store.listValues('teams-reply-retry', '')).toEqual([]);
    expect(await teams.store.listValues('teams-reply-retry-claim', '')).toEqual([]);
  }, 40_000);

  it('kept, and still not taken when tried again, is given up and logged', async () => {
    teams = await startTeamsHarness({ timeouts: { replyRetry: { lookEveryMs: 50, firstDelayMs: 0, maxAttempts: 2 } } });
    await samIsKnown();
    teams.connector.failSends.push(...Array.from({ length: 8 }, () => ({ status: 503 })));
    await teams.post(message(SAM, { serviceUrl: teams.connector.serviceUrl }, 'help'));
    await eventually(() => expect(logged('teams reply given up')).toEqual([expect.objectContaining({ card: 'welcome', attempts: 2 })]), 20_000);
    expect(teams.connector.calls).toEqual([]);
    expect(await teams.store.listValues('teams-reply-retry', '')).toEqual([]);
  }, 40_000);

  it('given up in a meeting chat is reported for the organiser\'s card, with the reason', async () => {
    teams = await startTeamsHarness({ timeouts: { replyRetry: { lookEveryMs: 50, firstDelayMs: 0, maxAttempts: 2 } } });
    await createMeetingInTeams(teams);
    await linkMeetingChat(teams);
    // The turn's four attempts and the later look's four.
    teams.connector.failSends.push(...Array.from({ length: 8 }, () => ({ status: 503 })));
    await teams.post(message(SAM, { serviceUrl: teams.connector.serviceUrl, chat: MEETING_CHAT }, 'status'));
    await eventually(() => expect(logged('teams reply given up')).toHaveLength(1), 20_000);
    await teams.settled();
    expect(teams.events).toContainEqual(expect.objectContaining({ kind: 'group_post_failed', conversationId: MEETING_CHAT, reason: expect.stringContaining('Gave up after 2 attempts') }));
  }, 60_000);

  it('is sent once by processes sharing the store that look at the same time; a claim left by a process that stopped is taken over', async () => {
    // The channel's own look waits far longer than this test: the two below stand for two processes.
    teams = await startTeamsHarness({ timeouts: { replyRetry: { lookEveryMs: 600_000, firstDelayMs: 0 } } });
    await samIsKnown();
    teams.connector.failSends.push(...Array.from({ length: 4 }, () => ({ status: 503 })));
    await teams.post(message(SAM, { serviceUrl: teams.connector.serviceUrl }, 'help'));
    const processes = [1, 2].map(
      () => new ReplyRetries({ store: teams.store, messenger: teams.channel.messenger as TeamsMessenger, delivery: teams.delivery, clock: teams.deps.clock, logger: captureLog().logger }),
    );
    // A third process claimed the first later attempt long ago and stopped before making it.
    const [kept] = await teams.store.listValues('teams-reply-retry', '');
    await teams.store.putValue('teams-reply-retry-claim', `${kept!.key}/1`, { at: new Date(Date.parse(NOW) - 3_600_000).toISOString() });

    await Promise.all(processes.map((p) => p.look()));
    expect(teams.connector.calls.filter((c) => c.conversationId === personalChat(SAM)).map(headingOf)).toEqual(['Hello, I’m PEP Bot']);
    expect(await teams.store.listValues('teams-reply-retry', '')).toEqual([]);
    expect(await teams.store.listValues('teams-reply-retry-claim', '')).toEqual([]);
  }, 40_000);

  it('refused for good (403: the bot was removed) is not sent again', async () => {
    teams = await startTeamsHarness();
    await samIsKnown();
    teams.connector.refuse.add(personalChat(SAM));
    await teams.post(message(SAM, { serviceUrl: teams.connector.serviceUrl }, 'help'));
    expect(teams.connector.refused).toBe(1);
    expect(logged('teams reply not delivered')).toEqual([expect.objectContaining({ failure: expect.objectContaining({ statusCode: 403 }) })]);
  });
});
