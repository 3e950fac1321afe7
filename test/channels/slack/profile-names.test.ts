import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { boltLogger } from '../../../src/channels/slack/bolt-logger.js';
import { createWebClient } from '../../../src/channels/slack/web-client.js';
import { ProfileNames } from '../../../src/channels/slack/profile-names.js';
import { createLogger } from '../../../src/observability/logger.js';
import { SlackApiStub } from './slack-api-stub.js';
import { ADELE, DANA } from './slack-harness.js';

/** Names behind @mentions, from the Slack Web API on loopback: asked once per person for a few minutes. */
let slack: SlackApiStub;
let now: number;
let names: ProfileNames;

beforeEach(async () => {
  slack = new SlackApiStub([DANA, ADELE]);
  await slack.start();
  now = Date.parse('2026-12-03T10:00:00Z');
  const logger = createLogger({ level: 'silent' });
  names = new ProfileNames(createWebClient({ apiUrl: slack.apiUrl, botToken: 'xoxb-test' }, boltLogger(logger)), logger, { now: () => new Date(now) });
});
afterEach(async () => {
  await slack.stop();
});

const lookups = () => slack.callsOf('users.info').map((call) => call.args.user);

describe('profile names of people mentioned in commands', () => {
  it('asks Slack once for each person during a meeting, and again once five minutes have gone', async () => {
    expect(await names.nameOf(DANA.id)).toBe(DANA.name);
    expect(await names.nameOf(ADELE.id)).toBe(ADELE.name);
    now += 4 * 60_000;
    expect(await names.nameOf(DANA.id)).toBe(DANA.name);
    expect(lookups()).toEqual([DANA.id, ADELE.id]);
    now += 2 * 60_000;
    expect(await names.nameOf(DANA.id)).toBe(DANA.name);
    expect(lookups()).toEqual([DANA.id, ADELE.id, DANA.id]);
  });

  it('asks again next time for someone Slack could not name', async () => {
    expect(await names.nameOf('U0NOBODY')).toBeUndefined();
    expect(await names.nameOf('U0NOBODY')).toBeUndefined();
    expect(lookups()).toEqual(['U0NOBODY', 'U0NOBODY']);
  });
});
