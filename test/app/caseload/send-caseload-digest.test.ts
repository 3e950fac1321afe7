import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { caseloadRow } from '../../../src/app/caseload/caseload-row.js';
import { sendCaseloadDigest } from '../../../src/app/caseload/send-caseload-digest.js';
import { CardDelivery } from '../../../src/app/delivery.js';
import type { Officer } from '../../../src/domain/actor.js';
import type { MeetingStore } from '../../../src/ports/store.js';
import { openStore } from '../../../src/stores/open-store.js';
import { settableClock } from '../../contract/settable-clock.js';
import { captureLog } from '../../server/harness.js';
import { aChild } from '../../support/child-fixture.js';
import { RecordingMessenger } from '../../support/recording-messenger.js';

/** The weekly digest's run: one card, through the officers' delivery, to each Virtual School officer and head. */
const amy: Officer = { id: 'vs-amy', name: 'Amy Officer', slackUserId: 'U0AMY', roles: ['virtual_school_officer'] };
const hana: Officer = { id: 'vs-hana', name: 'Hana Head', teamsAadObjectId: 'aad-hana', roles: ['virtual_school_head'] };
const carol: Officer = { id: 'vs-carol', name: 'Carol Officer', roles: ['virtual_school_officer'] };
const dpo: Officer = { id: 'dpo', name: 'Dee Protection', slackUserId: 'U0DPO', roles: ['data_protection_officer'] };
const NOW = '2026-03-23T08:00:00Z';

describe('sending the weekly caseload digest', () => {
  let dir: string;
  let store: MeetingStore;
  let teams: RecordingMessenger;
  let slack: RecordingMessenger;
  let delivery: CardDelivery;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pep-digest-'));
    store = await openStore({ dataDir: dir });
    await store.init();
    teams = new RecordingMessenger('teams');
    slack = new RecordingMessenger('slack');
    delivery = new CardDelivery({ store, messengers: [teams, slack], report: () => undefined, clock: settableClock(NOW) });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends each Virtual School officer and head the digest in their own chat, warns about one who cannot be reached, and names no child in full', async () => {
    const log = captureLog();
    const rows = [
      caseloadRow({ child: aChild({ fullName: 'Jordan Doe' }), meetings: [], statutory: { nextDue: '2026-03-20', kind: 'Termly review', breached: true } }, new Date(NOW), '2026-03-23'),
    ];
    const sent = await sendCaseloadDigest({
      loadRows: async () => rows,
      officers: [amy, hana, carol, dpo],
      delivery,
      clock: settableClock(NOW),
      timeZone: 'Europe/London',
      caseloadUrl: 'https://pep.example.org/caseload',
      logger: log.logger,
    });
    expect([...sent.keys()]).toEqual(['vs-amy', 'vs-hana', 'vs-carol']);
    expect(slack.sent.map((s) => [s.kind, s.card.name])).toEqual([['direct', 'caseload-digest']]);
    expect(teams.sent.map((s) => [s.kind, s.card.name])).toEqual([['direct', 'caseload-digest']]);
    expect(sent.get('vs-carol')).toMatchObject({ delivered: false });
    expect(log.records().some((line) => line.msg === 'virtual school officer not reachable' && line.officerId === 'vs-carol')).toBe(true);
    const card = JSON.stringify(slack.sent[0]!.card);
    expect(card).toContain('"initials":"JD"');
    expect(card).not.toContain('Jordan');
    expect(JSON.stringify(log.records())).not.toContain('Jordan');
  });

  it('sends nothing when the settings list no Virtual School officer', async () => {
    const sent = await sendCaseloadDigest({ loadRows: async () => [], officers: [dpo], delivery, clock: settableClock(NOW), timeZone: 'Europe/London', caseloadUrl: 'https://pep.example.org/caseload', logger: captureLog().logger });
    expect(sent.size).toBe(0);
    expect([...slack.sent, ...teams.sent]).toEqual([]);
  });
});
