import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMeeting } from '../../src/app/create-meeting.js';
import { openStore } from '../../src/stores/open-store.js';
import { counterIds } from '../domain/scenario.js';
import { MEETING_INPUT } from '../plan/support.js';
import { REPO_ROOT, runInRepo } from './run-script.js';

const dataDir = mkdtempSync(join(tmpdir(), 'pep-export-'));

beforeAll(async () => {
  const store = await openStore({ dataDir });
  await store.init();
  await createMeeting({ store, clock: { now: () => new Date('2026-11-25T10:00:00Z') }, newId: counterIds('x'), defaultTimeZone: 'Europe/London' }, { command: MEETING_INPUT, channel: 'teams' });
  await store.close();
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** The export command exactly as the README shows it, up to the redirection into a file. */
function documentedCommand(): string[] {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const shown = /`(npm run [^`]*export:history[^`]*)`/.exec(readme);
  if (!shown) throw new Error('the README shows no export:history command');
  return shown[1]!.split('>')[0]!.trim().split(/\s+/);
}

describe('the README’s export:history command', () => {
  it('writes only the JSON history to stdout, so redirecting it gives a valid JSON file', async () => {
    const [command, ...args] = documentedCommand();
    const run = await runInRepo(command!, args, { DATA_DIR: dataDir });
    expect(run.code).toBe(0);
    const history = JSON.parse(run.stdout) as { format: string; child: { ref: string }; meetings: unknown[] };
    expect(history).toMatchObject({ format: 'pep-history/1', child: { ref: 'PEP-2026-0042' } });
    expect(history.meetings).toHaveLength(1);
  }, 60_000);
});
