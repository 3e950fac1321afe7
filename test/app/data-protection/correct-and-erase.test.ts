import { readFileSync, existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { correctPerson, erasePerson } from '../../../src/app/data-protection/correct-and-erase.js';
import { verifyChainOf, verifyEveryChain } from '../../../src/app/data-protection/verify-audit-chains.js';
import { childAuditKey } from '../../../src/domain/child/child-record.js';
import type { StoreWithChildren } from '../../../src/ports/child-store.js';
import { settableClock } from '../../contract/settable-clock.js';
import { tempSqliteStore } from '../../support/sqlite-temp-store.js';
import { CARER, CARER_WORDS, NEXT_TEACHER, TEACHER, carerInThreeMeetings, schoolMoves } from './carer-in-three-meetings.js';

const clock = settableClock('2026-04-01T09:00:00Z');
let ids = 0;
const actor = () => ({ actorId: 'dpo-jane', at: clock.now().toISOString(), newId: () => `rights-${(ids += 1)}` });
const byEmail = { kind: 'email', email: CARER.email } as const;

/** The SQLite file and its write-ahead log, as bytes read from disk: what someone with the disk could read. */
const rawFile = (filename: string): string =>
  [filename, `${filename}-wal`].filter((file) => existsSync(file)).map((file) => readFileSync(file).toString('latin1')).join('');

describe('correction and erasure, on a real SQLite store', () => {
  let store: StoreWithChildren;
  let filename: string;
  let remove: () => Promise<void>;
  beforeEach(async () => ({ store, filename, remove } = await tempSqliteStore(clock)));
  afterEach(async () => remove());

  it('corrects a name and address in every meeting, one audited save each, and a repeat changes nothing', async () => {
    const { theirs, other } = await carerInThreeMeetings(store);
    const done = await correctPerson({ store, children: store }, byEmail, { name: 'Christine Jones', email: 'christine.jones@example.org' }, actor());
    expect(done.meetingIds).toEqual(theirs.map((meeting) => meeting.id));
    for (const meeting of theirs) {
      const saved = await store.getMeeting(meeting.id);
      expect(saved?.participants.find((person) => person.id === CARER.id)).toMatchObject({ name: 'Christine Jones', initials: 'CJ', email: 'christine.jones@example.org' });
      const trail = await store.auditTrail(meeting.id);
      expect(trail.at(-1)).toMatchObject({ type: 'dataProtection.correct', actorId: 'dpo-jane', data: { participantId: CARER.id, fields: ['name', 'email'] } });
      expect(JSON.stringify(trail.at(-1))).not.toContain('Christine');
    }
    expect((await store.getMeeting(other.id))?.version).toBe(1);
    // Cards already posted are redrawn with the corrected name, the carer's own copy included.
    expect((await store.outboxOf(theirs[0]?.id ?? '')).map((row) => row.message)).toEqual([
      { kind: 'direct', participantId: 'p-carer', show: { card: 'invitation', participantId: 'p-carer' }, mode: 'refresh' },
      { kind: 'direct', participantId: 'p-teacher', show: { card: 'invitation', participantId: 'p-teacher' }, mode: 'refresh' },
    ]);
    const again = await correctPerson({ store, children: store }, { kind: 'email', email: 'christine.jones@example.org' }, { name: 'Christine Jones' }, actor());
    expect(again.meetingIds).toEqual([]);
  });

  it('erases a person: tombstone, words gone, links revoked, no trace in the SQLite file, the audit trail whole', async () => {
    const { theirs } = await carerInThreeMeetings(store);
    const before = await Promise.all(theirs.map((meeting) => store.auditTrail(meeting.id)));
    expect(rawFile(filename)).toContain(CARER.email);

    const done = await erasePerson({ store, children: store }, byEmail, actor());
    expect(done.meetingIds).toEqual(theirs.map((meeting) => meeting.id));

    for (const [index, meeting] of theirs.entries()) {
      const saved = await store.getMeeting(meeting.id);
      expect(saved?.participants.find((person) => person.id === CARER.id)).toEqual({ id: CARER.id, name: 'Former participant', initials: 'FP', role: 'carer', rsvp: { answer: 'written_contribution', at: '2026-03-03T18:40:00Z' } });
      expect(saved?.notes.find((note) => note.by === CARER.id)?.text).toBe('[removed]');
      expect(saved?.notes.find((note) => note.by === 'p-teacher')?.text).toBe('Teacher note: reading age 9');
      const trail = await store.auditTrail(meeting.id);
      // Every entry still there, in order, with its id, time, actor and type; one more for the erasure.
      expect(trail.map(({ id, at, actorId, type, summary }) => ({ id, at, actorId, type, summary }))).toEqual([
        ...(before[index] ?? []).map(({ id, at, actorId, type, summary }) => ({ id, at, actorId, type, summary })),
        expect.objectContaining({ type: 'dataProtection.erase', actorId: 'dpo-jane' }),
      ]);
      expect(trail.filter((entry) => entry.data.redacted === 'erasure').map((entry) => entry.type)).toEqual(['answerPrompt', 'addParticipant']);
      // The hash chain still verifies, each emptied entry reported as redacted for erasure.
      expect(await verifyChainOf(store, meeting.id)).toEqual({
        key: meeting.id,
        entries: trail.length,
        redacted: trail.flatMap((entry, place) => (entry.data.redacted === 'erasure' ? [{ entryId: entry.id, seq: place + 1, reason: 'erasure' }] : [])),
      });
    }
    for await (const report of verifyEveryChain(store)) expect(report.break, report.key).toBeUndefined();
    expect(await store.getValue('teams-person', `email:${CARER.email}`)).toBeUndefined();
    expect(await store.getValue('card-ref', `${theirs[0]?.id}/invitation/p-teacher`)).toBeDefined();
    // The teacher's copy of their invitation (which lists who is coming) is refreshed; the carer's own is not.
    expect((await store.outboxOf(theirs[0]?.id ?? '')).map((row) => row.message)).toEqual([{ kind: 'direct', participantId: 'p-teacher', show: { card: 'invitation', participantId: 'p-teacher' }, mode: 'refresh' }]);

    const raw = rawFile(filename);
    for (const trace of [CARER.name, CARER.email, CARER.slackUserId, ...CARER_WORDS]) expect(raw, trace).not.toContain(trace);
    expect(raw).toContain('Sam Patel');

    expect((await erasePerson({ store, children: store }, byEmail, actor())).meetingIds).toEqual([]);
  });

  it("erases a designated teacher a school move recorded: gone from the child's record and from the child's audit data, the child's chain whole", async () => {
    await carerInThreeMeetings(store);
    await schoolMoves(store, clock);
    const moves = (await store.childAuditTrail('PEP-2026-0042')).filter((entry) => entry.type === 'recordSchoolChange');
    expect(moves.map((entry) => entry.data.designatedTeacherEmail)).toEqual([TEACHER.email, NEXT_TEACHER]);
    expect(rawFile(filename)).toContain(TEACHER.email);

    const done = await erasePerson({ store, children: store }, { kind: 'email', email: TEACHER.email }, actor());
    expect(done.childRefs).toEqual(['PEP-2026-0042', 'PEP-2026-0077']);

    expect((await store.getChild('PEP-2026-0042'))?.designatedTeacherEmail).toBe(NEXT_TEACHER);
    expect((await store.getChild('PEP-2026-0077'))?.designatedTeacherEmail).toBeUndefined();
    for (const ref of ['PEP-2026-0042', 'PEP-2026-0077']) {
      const trail = await store.childAuditTrail(ref);
      // Read back decrypted: no entry's data names the teacher; the entry that did is still there, emptied.
      for (const entry of trail) expect(JSON.stringify(entry.data), entry.type).not.toContain(TEACHER.email);
      const emptied = trail.filter((entry) => entry.data.redacted === 'erasure');
      expect(emptied.map(({ type, actorId, summary }) => ({ type, actorId, summary }))).toEqual([{ type: 'recordSchoolChange', actorId: 'vso-kim', summary: 'Change of school recorded: a new PEP is due.' }]);
      expect(await verifyChainOf(store, childAuditKey(ref))).toEqual({
        key: childAuditKey(ref),
        entries: trail.length,
        redacted: trail.flatMap((entry, place) => (entry.data.redacted === 'erasure' ? [{ entryId: entry.id, seq: place + 1, reason: 'erasure' }] : [])),
      });
    }
    // The next teacher's move is theirs, not the erased teacher's: kept as written.
    expect((await store.childAuditTrail('PEP-2026-0042')).find((entry) => entry.id === moves[1]?.id)).toStrictEqual(moves[1]);
    for await (const report of verifyEveryChain(store)) expect(report.break, report.key).toBeUndefined();

    const raw = rawFile(filename);
    for (const trace of [TEACHER.email, TEACHER.name]) expect(raw, trace).not.toContain(trace);
    expect(raw).toContain(NEXT_TEACHER);

    expect((await erasePerson({ store, children: store }, { kind: 'email', email: TEACHER.email }, actor())).childRefs).toEqual([]);
  });
});
