// The bare botbuilder baseline: a CloudAdapter bot on express that answers every message with a
// fixed text (sent to the connector, as any reply is) and every Action.Execute invoke with a fixed
// card, without authentication as PEP Bot's TEAMS_ANONYMOUS=1 runs. Run as PEP Bot runs (`node <file>`).
// Env: PORT.
import botbuilder from 'botbuilder';
import express from 'express';

const { CloudAdapter, ConfigurationBotFrameworkAuthentication } = botbuilder;
const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
adapter.onTurnError = async (_context, error) => {
  console.error(JSON.stringify({ msg: 'turn error', error: String(error) }));
};

const CARD = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Done.' }] };

const app = express();
app.post('/api/messages', express.json({ limit: '256kb' }), (req, res) =>
  adapter.process(req, res, async (context) => {
    if (context.activity.type === 'message') await context.sendActivity('Here is what I can do.');
    if (context.activity.type === 'invoke') {
      await context.sendActivity({
        type: 'invokeResponse',
        value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: CARD } },
      });
    }
  }),
);
app.listen(Number(process.env.PORT), '127.0.0.1', () => console.log(JSON.stringify({ msg: 'listening', port: Number(process.env.PORT) })));
