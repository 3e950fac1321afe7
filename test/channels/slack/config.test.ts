import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/config.js';
import { loadSlackConfig } from '../../../src/channels/slack/config.js';

const SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
const problemsOf = (env: NodeJS.ProcessEnv): readonly string[] => {
  try {
    loadSlackConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
};

describe('Slack configuration', () => {
  it('is off when neither the signing secret nor the bot token is set', () => {
    expect(loadSlackConfig({})).toBeUndefined();
    expect(loadSlackConfig({ SLACK_SIGNING_SECRET: '', SLACK_BOT_TOKEN: '' })).toBeUndefined();
  });

  it('is on with both; Socket Mode with an app token; the API URL always ends with a slash', () => {
    expect(loadSlackConfig({ SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: 'xoxb-1-2' })).toEqual({
      signingSecret: SECRET,
      botToken: 'xoxb-1-2',
      appToken: undefined,
      apiUrl: 'https://slack.com/api/',
    });
    expect(loadSlackConfig({ SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: 'xoxb-1-2', SLACK_APP_TOKEN: 'xapp-1', SLACK_API_URL: 'http://127.0.0.1:9/api' })).toMatchObject({
      appToken: 'xapp-1',
      apiUrl: 'http://127.0.0.1:9/api/',
    });
  });

  it('names the variable that is missing or malformed, never echoing a secret', () => {
    expect(problemsOf({ SLACK_BOT_TOKEN: 'xoxb-1' })).toEqual([expect.stringMatching(/^SLACK_SIGNING_SECRET must be set/)]);
    expect(problemsOf({ SLACK_SIGNING_SECRET: SECRET })).toEqual([expect.stringMatching(/^SLACK_BOT_TOKEN must be set/)]);
    const problems = problemsOf({ SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: 'xoxp-user-token', SLACK_API_URL: 'ftp://x' });
    expect(problems).toEqual([expect.stringMatching(/^SLACK_BOT_TOKEN must be a bot token starting with xoxb- \(value not shown\)/), expect.stringMatching(/^SLACK_API_URL must be/)]);
    expect(problems.join()).not.toContain('xoxp-user-token');
    expect(problemsOf({ SLACK_APP_TOKEN: 'xapp-1' })).toEqual([expect.stringMatching(/SLACK_APP_TOKEN is set, but/)]);
  });
});
