import { describe, expect, it } from 'vitest';
import { readMentions } from '../../../src/channels/slack/mentions.js';

describe('reading /pep text with Slack escaping', () => {
  it('turns each person into @{n} with their Slack id, once per person', () => {
    expect(readMentions('action <@U0DANA|dana> and <@U0CHRIS> then <@U0DANA|dana> by Friday')).toEqual({
      text: 'action @{0} and @{1} then @{0} by Friday',
      mentions: [
        { kind: 'slack', slackUserId: 'U0DANA', name: 'dana' },
        { kind: 'slack', slackUserId: 'U0CHRIS' },
      ],
    });
  });

  it('keeps channels, links, groups and &, <, > as a person reads them', () => {
    expect(readMentions('note see <#C0PEP|pep-chat>, <https://school.example.org/r?a=1&amp;b=2|the report> &amp; <!here> &lt;3 <!subteam^S0T|@teachers>')).toEqual({
      text: 'note see #pep-chat, the report & @here <3 @teachers',
      mentions: [],
    });
  });
});
