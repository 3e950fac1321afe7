import { describe, expect, it } from 'vitest';
import { commandText } from '../../../src/channels/teams/command-text.js';

/** What Teams sends as typed text (light HTML, <at> mentions) becomes what the shared parser reads. */
describe('commandText', () => {
  const recipient = { id: '28:bot', name: 'PEP Bot' };
  const mention = (id: string, name: string) => ({ type: 'mention', text: `<at>${name}</at>`, mentioned: { id, name } });

  it('drops the bot\'s mention and numbers the others, once per person', () => {
    const activity = {
      recipient,
      text: '<at>PEP Bot</at> action <at>Sam Patel</at> and <at>Dana</at> call <at>Sam Patel</at>&nbsp;by Friday<br>',
      entities: [mention('28:bot', 'PEP Bot'), mention('29:sam', 'Sam Patel'), mention('29:dana', 'Dana'), mention('29:sam', 'Sam Patel')],
    };
    expect(commandText(activity)).toEqual({
      text: 'action @{0} and @{1} call @{0} by Friday',
      mentioned: [
        { userId: '29:sam', name: 'Sam Patel' },
        { userId: '29:dana', name: 'Dana' },
      ],
    });
  });

  it('keeps the whole display name Teams sent with a mention the person shortened to a first name', () => {
    const activity = { recipient, text: 'action <at>Adele</at> read daily by Friday', entities: [{ type: 'mention', text: '<at>Adele</at>', mentioned: { id: '29:adele', name: 'Adele Vance' } }] };
    expect(commandText(activity).mentioned).toEqual([{ userId: '29:adele', name: 'Adele Vance' }]);
  });

  it('reads a 1:1 message with no mentions as typed', () => {
    expect(commandText({ recipient, text: '  status ', entities: [] })).toEqual({ text: 'status', mentioned: [] });
  });
});
