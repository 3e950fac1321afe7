import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runInRepo } from './run-script.js';

const dir = mkdtempSync(join(tmpdir(), 'pep-playground-script-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run playground', () => {
  it('starts the bot with anonymous Teams, which the bot refuses (and the script stops) behind a public address', async () => {
    const run = await runInRepo('npm', ['run', '--silent', 'playground'], {
      PORT: '0',
      PLAYGROUND_PORT: '0',
      DATA_DIR: dir,
      PUBLIC_BASE_URL: 'https://pep.example.org',
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('TEAMS_ANONYMOUS=1 (Teams without authentication) is for a local trial only, and PUBLIC_BASE_URL is https://pep.example.org');
  }, 60_000);
});
