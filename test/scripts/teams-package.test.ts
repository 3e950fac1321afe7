import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { runInRepo } from './run-script.js';

const APP_ID = '11111111-1111-4111-8111-111111111111';
const dir = mkdtempSync(join(tmpdir(), 'pep-teams-package-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run package:teams', () => {
  it('builds the package with only MICROSOFT_APP_ID set: no password or tenant id, which a package does not hold', async () => {
    const out = join(dir, 'pep-bot-teams.zip');
    const run = await runInRepo('npm', ['run', '--silent', 'package:teams', '--', out], { MICROSOFT_APP_ID: APP_ID });
    expect(run.stderr).not.toContain('MICROSOFT_APP_PASSWORD');
    expect(run.stderr).not.toContain('MICROSOFT_APP_TENANT_ID');
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('CASELOAD_OIDC_* are not set, so the Caseload tab will say sign-in is not set up');
    const zip = await JSZip.loadAsync(readFileSync(out));
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as { bots: { botId: string }[]; staticTabs: { entityId: string }[] };
    expect(manifest.bots.map((bot) => bot.botId)).toEqual([APP_ID]);
    expect(manifest.staticTabs.map((tab) => tab.entityId)).toEqual(['conversations', 'caseload']);
  }, 60_000);

  it('still names the one variable it needs when the app id is missing', async () => {
    const run = await runInRepo('npm', ['run', '--silent', 'package:teams', '--', join(dir, 'none.zip')], {});
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('MICROSOFT_APP_ID must be set');
  }, 60_000);
});
