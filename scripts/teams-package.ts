import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from '../src/config.js';
import { loadTeamsAppId } from '../src/channels/teams/index.js';
import { packageTeamsApp } from './teams-manifest.js';

/**
 * npm run package:teams [-- <file.zip>] — builds the app package for upload to Teams (Developer
 * Portal, or "Upload a custom app"), by default dist/teams/pep-bot-teams.zip, with the bot id from
 * MICROSOFT_APP_ID and the domain from PUBLIC_BASE_URL. A package holds no secret, so the app
 * password and tenant id are not needed here.
 */
const DEFAULT_OUTPUT = fileURLToPath(new URL('../dist/teams/pep-bot-teams.zip', import.meta.url));

async function main(): Promise<void> {
  const appId = loadTeamsAppId();
  if (!appId) {
    throw new ConfigError(['MICROSOFT_APP_ID must be set: the Teams package names the bot by its app id (the Playground needs no package)']);
  }
  const output = resolve(process.argv[2] ?? DEFAULT_OUTPUT);
  const { publicBaseUrl, caseloadSignIn } = loadConfig();
  const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  const zip = await packageTeamsApp({ botId: appId, publicBaseUrl, version });
  mkdirSync(dirname(output), { recursive: true });
  writeFileSync(output, zip);
  process.stdout.write(`Wrote ${output} (bot ${appId}, domain ${new URL(publicBaseUrl).host}, personal tab Caseload at ${publicBaseUrl}/caseload).\n`);
  if (!caseloadSignIn) process.stderr.write('Note: CASELOAD_OIDC_* are not set, so the Caseload tab will say sign-in is not set up (docs/council-settings.md).\n');
  if (!publicBaseUrl.startsWith('https://')) process.stderr.write('Warning: PUBLIC_BASE_URL is not https://, which Teams needs outside local testing.\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
