import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { ConfigError, loadConfig } from '../src/config.js';
import { loadTeamsConfig } from '../src/channels/teams/index.js';
import { packageTeamsApp } from './teams-manifest.js';

/**
 * npm run package:teams — builds dist/teams/pep-bot-teams.zip for upload to Teams (Developer
 * Portal, or "Upload a custom app"), with the bot id from MICROSOFT_APP_ID and the domain from
 * PUBLIC_BASE_URL.
 */
const OUTPUT = new URL('../dist/teams/pep-bot-teams.zip', import.meta.url);

async function main(): Promise<void> {
  const teams = loadTeamsConfig();
  if (teams?.mode !== 'authenticated') {
    throw new ConfigError(['MICROSOFT_APP_ID must be set: the Teams package names the bot by its app id (the Playground needs no package)']);
  }
  const { publicBaseUrl } = loadConfig();
  const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  const zip = await packageTeamsApp({ botId: teams.appId, publicBaseUrl, version });
  mkdirSync(new URL('.', OUTPUT), { recursive: true });
  writeFileSync(OUTPUT, zip);
  process.stdout.write(`Wrote dist/teams/pep-bot-teams.zip (bot ${teams.appId}, domain ${new URL(publicBaseUrl).host}).\n`);
  if (!publicBaseUrl.startsWith('https://')) process.stderr.write('Warning: PUBLIC_BASE_URL is not https://, which Teams needs outside local testing.\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
