import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteBackend } from '../../src/scheduler/sqlite-backend/sqlite-backend.js';
import { openStore } from '../../src/stores/open-store.js';
import { carerInThreeMeetings, CARER } from '../app/data-protection/carer-in-three-meetings.js';
import { aChild } from '../support/child-fixture.js';
import { aMeeting } from '../support/meeting-fixture.js';
import { runInRepo } from './run-script.js';

const dataDir = mkdtempSync(join(tmpdir(), 'pep-rights-scripts-'));
const outDir = join(dataDir, 'export');
const LONG_AGO = '2015-03-01T10:00:00Z';
let carersMeeting = '';
let failedJobId: string;

beforeAll(async () => {
  // Written by a clock years back, so the real clock the scripts use finds them expired.
  const store = await openStore({ dataDir, clock: { now: () => new Date(LONG_AGO) } });
  await store.init();
  carersMeeting = (await carerInThreeMeetings(store)).theirs[0]?.id ?? '';
  await store.createMeeting(aMeeting({ id: 'meeting-long-closed', status: 'cancelled', updatedAt: LONG_AGO }), { events: [] });
  await store.createChild(aChild({ ref: 'PEP-2015-0001', updatedAt: LONG_AGO }), { events: [] });
  await store.close();
  // A nudge that gave up long ago, in the scheduler's job store beside the store, as the bot keeps it.
  const jobs = new SqliteBackend({ filename: join(dataDir, 'pep-bot.sqlite') });
  await jobs.connect();
  const failedAt = new Date(LONG_AGO);
  failedJobId = String((await jobs.repository.saveJob({ name: 'pep-nudge', priority: 0, type: 'normal', nextRunAt: null, data: {}, failedAt, lastFinishedAt: failedAt, failCount: 6 }, undefined))._id);
  await jobs.disconnect();
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const npm = (script: string, ...args: string[]) => runInRepo('npm', ['run', '-s', script, '--', ...args], { DATA_DIR: dataDir });

describe('the data protection scripts, on a DATA_DIR', () => {
  it('data:retention --dry-run lists what the real run then does, and changes nothing; a meeting is anonymised before it is removed', async () => {
    const dry = await npm('data:retention', '--dry-run');
    expect(dry.code, dry.stderr).toBe(0);
    const listed = dry.stdout.split('\n').filter((line) => line.includes('\t'));
    expect(listed).toContain(`anonymise\tclosed-meeting\tmeeting-long-closed\t${LONG_AGO}`);
    expect(listed.filter((line) => line.startsWith('remove\tkey-value:card-ref'))).toHaveLength(2);
    expect(listed).toContain(`remove\tchild\tPEP-2015-0001\t${LONG_AGO}`);
    expect(listed).toContain(`remove\tfailed-job\t${failedJobId}\t${new Date(LONG_AGO).toISOString()}`);
    const again = await npm('data:retention', '--dry-run');
    expect(again.stdout.split('\n').filter((line) => line.includes('\t'))).toEqual(listed);

    const real = await npm('data:retention');
    expect(real.code, real.stderr).toBe(0);
    expect(real.stdout.split('\n').filter((line) => line.includes('\t'))).toEqual(listed);
    // Closed eleven years ago: now anonymised, its audit period has passed too, and the next run removes what is left.
    const next = await npm('data:retention', '--dry-run');
    expect(next.stdout.split('\n').filter((line) => line.includes('\t'))).toEqual([`remove\tanonymised-meeting\tmeeting-long-closed\t${LONG_AGO}`]);
  }, 120_000);

  it('data:export writes the JSON and the page; data:erase then leaves nothing for the export to find', async () => {
    const exported = await npm('data:export', '--person', CARER.email, '--by', 'Jane DPO', '--out', outDir);
    expect(exported.code, exported.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(outDir, 'subject-access.json'), 'utf8')).meetings).toHaveLength(3);
    expect(readFileSync(join(outDir, 'subject-access.html'), 'utf8')).toContain(CARER.name);

    const erased = await npm('data:erase', '--person', CARER.email, '--by', 'Jane DPO');
    expect(erased.code, erased.stderr).toBe(0);
    expect(erased.stdout).toContain('erased from 3 meeting(s)');
    await npm('data:export', '--person', CARER.email, '--by', 'Jane DPO', '--out', outDir);
    expect(JSON.parse(readFileSync(join(outDir, 'subject-access.json'), 'utf8')).meetings).toEqual([]);
  }, 120_000);

  it('audit:verify finds every chain whole after the retention run and the erasure, names a chain cut short and an entry changed in the file', async () => {
    const whole = await npm('audit:verify');
    expect(whole.code, whole.stderr).toBe(0);
    expect(whole.stdout).toMatch(/redacted, 0 broken\n$/);

    let db = new Database(join(dataDir, 'pep-bot.sqlite'));
    let entryId: string;
    try {
      db.exec('DROP TRIGGER audit_events_no_delete');
      db.prepare('DELETE FROM audit_events WHERE seq = (SELECT max(seq) FROM audit_events WHERE meeting_id = ?)').run(carersMeeting);
    } finally {
      db.close();
    }
    const truncated = await npm('audit:verify');
    expect(truncated.code).toBe(1);
    expect(truncated.stdout).toMatch(new RegExp(`BROKEN\t${carersMeeting}\ttruncated\t[^\t]+\t.*entries missing after seq \\d+`));
    expect(truncated.stdout).toMatch(/, 1 broken\n$/);

    db = new Database(join(dataDir, 'pep-bot.sqlite'));
    try {
      db.exec('DROP TRIGGER audit_events_no_update');
      entryId = db.prepare<[string], string>(`SELECT json_extract(event, '$.id') FROM audit_events WHERE meeting_id = ? AND chain_seq = 2`).pluck().get(carersMeeting) ?? '';
      db.prepare(`UPDATE audit_events SET event = json_set(event, '$.summary', 'Nothing happened') WHERE meeting_id = ? AND chain_seq = 2`).run(carersMeeting);
    } finally {
      db.close();
    }
    const broken = await npm('audit:verify', '--key', carersMeeting);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain(`BROKEN\t${carersMeeting}\tedited\t${entryId}\t`);
  }, 120_000);
});
