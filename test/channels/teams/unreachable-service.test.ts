import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../contract/scheduler-backend-fixtures.js';
import { execute, message } from './support/activities.js';
import type { BlackHole } from './support/black-hole.js';
import { startBlackHole } from './support/black-hole.js';
import type { TeamsHarness } from './support/teams-harness.js';
import { DANA, MEETING_CHAT, SAM, personalChat, startTeamsHarness } from './support/teams-harness.js';

/**
 * Issue 12: an activity whose serviceUrl accepts connections and never answers held the inbound
 * request open for more than 20 s, past Teams' limits. The real adapter runs over HTTP; only the
 * connector is replaced, by a loopback black hole.
 */
let hole: BlackHole;
beforeAll(async () => {
  hole = await startBlackHole();
});
afterAll(async () => {
  await hole.close();
});

/** Sam has the bot already, so the only connector call in the turn is the reply itself. */
async function samIsKnown(teams: TeamsHarness): Promise<void> {
  await teams.store.putValue('teams-person', `aad:${SAM.aadObjectId}`, {
    aadObjectId: SAM.aadObjectId,
    userId: SAM.id,
    emails: [SAM.email],
    personalConversationId: personalChat(SAM),
  });
}

const undelivered = (teams: TeamsHarness) => teams.logs().filter((line) => line.msg === 'teams reply not delivered');

describe('a serviceUrl that never answers', () => {
  describe('with the production timeouts', () => {
    let teams: TeamsHarness;
    beforeAll(async () => {
      teams = await startTeamsHarness();
      await samIsKnown(teams);
    });
    afterAll(async () => {
      await teams.close();
    });

    it('answers the inbound request well before the 20 s it used to hold, and logs the help card as undelivered with the reason', async () => {
      const before = hole.connections();
      const answer = await teams.post(message(SAM, { serviceUrl: hole.serviceUrl }, 'help'));
      expect(answer.status).toBe(200);
      const [line] = undelivered(teams);
      expect(line).toMatchObject({
        level: 'warn',
        channel: 'teams',
        conversationId: personalChat(SAM),
        replies: [{ type: 'message', cards: ['application/vnd.microsoft.card.adaptive'] }],
        failure: { type: expect.any(String), message: expect.any(String) },
      });
      // Redacted: the card's words are not in the log, and there is no second card to the same dead end.
      expect(JSON.stringify(line)).not.toMatch(/PEP Bot|Sam Social|authorization/i);
      expect(hole.connections() - before).toBe(1);
      expect(teams.logs().some((l) => l.msg === 'teams error reply failed')).toBe(false);
    }, 20_000);

    it('answers a card click from someone it must look up on the roster with its answer, in Teams\' invoke time', async () => {
      // Dana is unknown, so the turn first asks the connector who she is: that call never returns.
      const answer = await teams.post(execute(DANA, { serviceUrl: hole.serviceUrl, chat: MEETING_CHAT }, 'agenda.signOff', { meetingId: 'no-such-meeting' }));
      expect(answer.status).toBe(200);
      // Its answer, shown to her in place, rather than Teams' "something went wrong" after a timeout.
      expect(answer.body).toMatchObject({ statusCode: 200, value: expect.stringContaining('Meeting not found') });
    }, 20_000);
  });

  describe('when the connector is slower than Teams will wait', () => {
    let teams: TeamsHarness;
    beforeAll(async () => {
      teams = await startTeamsHarness({ timeouts: { connectorMs: 1_500, answerWithinMs: 200 } });
      await samIsKnown(teams);
    });
    afterAll(async () => {
      await teams.close();
    });

    it('answers Teams at the deadline while the turn still waits, then logs the reply as undelivered once the call fails', async () => {
      const answer = await teams.post(message(SAM, { serviceUrl: hole.serviceUrl }, 'help'));
      expect(answer.status).toBe(200);
      expect(teams.logs().filter((l) => l.msg === 'answered Teams before the turn finished: it is still waiting on the connector')).toHaveLength(1);
      expect(undelivered(teams)).toEqual([]);
      // Then the call to the connector gives up, and the reply is not lost silently.
      await eventually(() => expect(undelivered(teams)).toHaveLength(1));
    });
  });
});
