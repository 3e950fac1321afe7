import { afterEach, describe, expect, it } from 'vitest';
import { message } from './support/activities.js';
import { headingOf } from './support/connector-stub.js';
import type { TeamsHarness } from './support/teams-harness.js';
import { SAM, personalChat, startTeamsHarness } from './support/teams-harness.js';

/**
 * A reply in a turn, through the real CloudAdapter to a connector on loopback that closes the
 * connection on it or answers 500 or 429 first. The connector client botbuilder makes retries
 * these itself (four attempts, a growing wait, the connector's Retry-After), so PEP Bot adds no
 * retry of its own, which would multiply them: the reply arrives once. One that never gets through
 * is logged as undelivered, with the reason, and no error card is sent after it.
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

  it('that never gets through is logged as undelivered after its last attempt, and no error card follows it', async () => {
    teams = await startTeamsHarness();
    await samIsKnown();
    teams.connector.failSends.push(...Array.from({ length: 4 }, () => ({ status: 503 })));
    const answer = await teams.post(message(SAM, { serviceUrl: teams.connector.serviceUrl }, 'help'));
    expect(answer.status).toBe(200);

    expect(teams.connector.calls).toEqual([]);
    expect(teams.connector.failedSends).toHaveLength(4);
    expect(logged('teams reply not delivered')).toEqual([expect.objectContaining({ failure: expect.objectContaining({ statusCode: 503 }) })]);
    expect(logged('teams error reply failed')).toEqual([]);
  }, 30_000);

  it('refused for good (403: the bot was removed) is not sent again', async () => {
    teams = await startTeamsHarness();
    await samIsKnown();
    teams.connector.refuse.add(personalChat(SAM));
    await teams.post(message(SAM, { serviceUrl: teams.connector.serviceUrl }, 'help'));
    expect(teams.connector.refused).toBe(1);
    expect(logged('teams reply not delivered')).toEqual([expect.objectContaining({ failure: expect.objectContaining({ statusCode: 403 }) })]);
  });
});
