// The bare Bolt 5 baseline: a /pep handler that only acknowledges and a /healthz route (for the
// start-up figure), on Bolt's own HTTP receiver, with the signing secret checked as Bolt checks it. Run as PEP Bot runs (`node <file>`, no flags).
// Env: PORT, SLACK_SIGNING_SECRET, SLACK_BOT_TOKEN, SLACK_API_URL (the bench's fake Slack, for auth.test).
import bolt from '@slack/bolt';

const app = new bolt.App({
  signingSecret: process.env.SLACK_SIGNING_SECRET,
  token: process.env.SLACK_BOT_TOKEN,
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL },
  logLevel: bolt.LogLevel.ERROR,
  customRoutes: [
    {
      path: '/healthz',
      method: ['GET'],
      handler: (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"status":"ok"}');
      },
    },
  ],
});

app.command('/pep', async ({ ack }) => {
  await ack();
});

await app.start(Number(process.env.PORT));
console.log(JSON.stringify({ msg: 'listening', port: Number(process.env.PORT) }));
