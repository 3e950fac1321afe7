import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IdentifyParticipant } from '../../src/app/create-meeting-from-form.js';
import { submitMeetingForm } from '../../src/app/create-meeting-from-form.js';
import type { AppDeps } from '../../src/app/deps.js';
import type { MeetingStore } from '../../src/ports/store.js';
import { openStore } from '../../src/stores/open-store.js';
import { NOW, counterIds } from '../domain/scenario.js';

/**
 * A channel's directory lookup (Slack: users.lookupByEmail) gives the people typed on the form an
 * account on that channel, so their invitations reach them there and their clicks find them.
 */
let dir: string;
let store: MeetingStore;
let deps: AppDeps;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pep-identify-'));
  store = await openStore({ dataDir: dir });
  await store.init();
  deps = { store, clock: { now: () => new Date(NOW) }, newId: counterIds('i'), defaultTimeZone: 'Europe/London' };
});

afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const organiser = { name: 'Sam Social', slackUserId: 'U0SAM', preferredChannel: 'slack' as const };
const form = {
  childRef: 'PEP-2026-0042',
  childInitials: 'JD',
  date: '2026-12-04',
  time: '10:00',
  durationMinutes: '60',
  place: 'Hillside Academy',
  organiserRole: 'social_worker',
  participants: 'Dana Teacher, dana@school.example.org, designated_teacher\nChris Carer, carer',
};

describe('identifying the people typed on the meeting form', () => {
  it('stores the account the channel found, and leaves the others as typed', async () => {
    const identify: IdentifyParticipant = async (p) => (p.email === 'dana@school.example.org' ? { ...p, slackUserId: 'U0DANA', preferredChannel: 'slack' } : p);
    const result = await submitMeetingForm(deps, { payload: form, organiser, channel: 'slack', identify });
    const stored = await store.getMeeting(result.change!.meeting.id);
    expect(stored!.participants.map((p) => [p.name, p.slackUserId, p.preferredChannel])).toEqual([
      ['Sam Social', 'U0SAM', 'slack'],
      ['Dana Teacher', 'U0DANA', 'slack'],
      ['Chris Carer', undefined, undefined],
    ]);
    expect(await store.meetingsOfParticipant({ kind: 'slack', slackUserId: 'U0DANA' })).toHaveLength(1);
  });

  it('asks the directory nothing when the form itself needs correcting', async () => {
    const identify = vi.fn<IdentifyParticipant>(async (p) => p);
    const result = await submitMeetingForm(deps, { payload: { ...form, place: '' }, organiser, channel: 'slack', identify });
    expect(result.card.name).toBe('meeting-form');
    expect(identify).not.toHaveBeenCalled();
  });
});
