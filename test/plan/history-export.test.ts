import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createNextMeeting } from '../../src/app/plan/create-next-meeting.js';
import { exportChildHistory } from '../../src/app/plan/export-history.js';
import { pepHistoryJsonSchema } from '../../src/app/plan/history-schema.js';
import { idOf, meetingReadyToClose, planWorld, type PlanWorld } from './support.js';

const SCHEMA_FILE = join(import.meta.dirname, '..', '..', 'schemas', 'pep-history.schema.json');

let world: PlanWorld;

beforeEach(async () => {
  world = await planWorld();
});

afterEach(async () => {
  await world.close();
});

describe('the published PEP history schema', () => {
  it('is the committed file (regenerate with: npx tsx scripts/write-history-schema.ts)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(pepHistoryJsonSchema());
  });
});

describe("exporting a child's PEP history", () => {
  it('lists every meeting with each version of its plan and its sign-offs, and validates against the schema', async () => {
    const ready = await meetingReadyToClose(world);
    const closed = await world.run(ready, ready.organiserId, { type: 'concludeMeeting' });
    const teacher = idOf(closed, 'designated_teacher');
    world.clock.set('2026-12-04T12:00:00Z');
    await world.run(closed, teacher, { type: 'signPlan', planVersion: 1 });
    const actionId = closed.actions.find((a) => a.ownerId === teacher)!.id;
    await world.run(closed, teacher, { type: 'rescheduleAction', actionId, dueDate: '2026-12-18' });
    const next = await createNextMeeting(world.deps, closed.id, { channel: 'teams' });

    const history = await exportChildHistory(world.deps, 'PEP-2026-0042');

    expect(history).toMatchObject({ format: 'pep-history/1', child: { ref: 'PEP-2026-0042', fullName: 'Jordan Doe' } });
    expect(history.meetings.map((m) => [m.meetingId, m.status, m.previousMeetingId])).toEqual([
      [closed.id, 'plan_distributed', undefined],
      [next.id, 'draft', closed.id],
    ]);
    const plan = history.meetings[0]!.plan!;
    expect(plan.versions.map((v) => [v.version, v.changes])).toEqual([
      [1, []],
      [2, ['Action "Send the reading report": due date changed from Friday 11 December 2026 to Friday 18 December 2026.']],
    ]);
    expect(plan.versions[0]!.content.actions.find((a) => a.id === actionId)!.dueDate).toBe('2026-12-11');
    expect(plan.versions[1]!.content.actions.find((a) => a.id === actionId)!.dueDate).toBe('2026-12-18');
    expect(plan.signOffs).toEqual([{ by: { participantId: teacher, name: 'Dana Teacher', role: 'designated_teacher' }, version: 1, at: '2026-12-04T12:00:00.000Z' }]);
    expect(history.meetings[1]!.plan).toBeUndefined();

    const ajv = new Ajv2020.default({ allErrors: true, strict: true });
    addFormats.default(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')));
    const exported = JSON.parse(JSON.stringify(history));
    expect(validate(exported), ajv.errorsText(validate.errors)).toBe(true);
    expect(validate({ ...exported, meetings: [{ ...exported.meetings[0], plan: { ...exported.meetings[0].plan, version: 0 } }] })).toBe(false);
  });

  it('says so when the child has no meetings', async () => {
    await expect(exportChildHistory(world.deps, 'PEP-0000-0000')).rejects.toMatchObject({ code: 'MEETING.NOT_FOUND' });
  });
});

describe('preparing the next meeting', () => {
  it('waits for the meeting to close, and takes a chosen start', async () => {
    const ready = await meetingReadyToClose(world);
    await expect(createNextMeeting(world.deps, ready.id, { channel: 'teams' })).rejects.toMatchObject({ code: 'MEETING.WRONG_STATUS' });
    await world.run(ready, ready.organiserId, { type: 'concludeMeeting' });
    const next = await createNextMeeting(world.deps, ready.id, { channel: 'slack', startsAt: '2027-03-12T14:30:00Z', location: { kind: 'in_person', place: 'Hillside Academy' } });
    expect(next).toMatchObject({ startsAt: '2027-03-12T14:30:00Z', location: { kind: 'in_person', place: 'Hillside Academy' }, participants: expect.arrayContaining([expect.objectContaining({ name: 'Vic Officer' })]) });
    const trail = await world.store.auditTrail(next.id);
    expect(trail.map((e) => [e.type, e.channel])).toEqual([['createMeeting', 'slack']]);
  });
});
