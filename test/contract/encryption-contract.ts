import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoreWithChildren } from '../../src/ports/child-store.js';
import type { StoredTextRotation } from '../../src/ports/stored-text-rotation.js';
import type { DataKey } from '../../src/stores/encryption/data-keys.js';
import { aChild, aChildAuditEvent } from '../support/child-fixture.js';
import { aMeeting, anAuditEvent, nextVersion } from '../support/meeting-fixture.js';

type EncryptedStore = StoreWithChildren & StoredTextRotation;

export interface EncryptionContractOptions {
  name: string;
  skip?: string;
  /** A new, empty place to keep data (a folder, a database name). */
  place: () => Promise<string>;
  /** A store on that place with those keys; the suite calls init(). */
  open: (place: string, keys: readonly DataKey[]) => EncryptedStore;
  /** Everything the database holds there, as text (the file's bytes, or every document): what a thief would read. */
  raw: (place: string) => Promise<string>;
  /** The meeting's document as the database holds it, free text sealed. */
  storedMeeting: (place: string, id: string) => Promise<unknown>;
  remove: (place: string) => Promise<void>;
}

const key = (id: string): DataKey => ({ id, key: randomBytes(32) });

/** Phrases a person wrote; none may be readable in the database. */
const CHILD_VIEW = 'I miss my little brother at weekends';
const CARER_WORDS = 'nightmares since the contact visit';
const NOTE = 'Agreed to refer to CAMHS for anxiety';
const CONTRIBUTION = 'Reading age two years behind';
const PLACEMENT = 'Moved to Oak House children home';

function meetingWithFreeText() {
  return aMeeting({
    notes: [{ id: 'n1', text: NOTE, by: 'p-organiser', at: '2026-03-10T10:20:00Z' }],
    contributions: [
      { id: 'c1', participantId: 'p-teacher', kind: 'school', requestedAt: '2026-03-01T09:00:00Z', status: 'submitted', content: { attainment: CONTRIBUTION } },
    ],
    prompts: [
      { id: 'pr1', kind: 'child_voice', participantId: 'p-carer', sentAt: '2026-03-02T09:00:00Z', answer: { kind: 'child_voice', feeling: 3, hard: CHILD_VIEW } },
      { id: 'pr2', kind: 'carer', participantId: 'p-carer', sentAt: '2026-03-02T09:00:00Z', answer: { kind: 'carer', mood: 2, freeText: CARER_WORDS } },
    ],
  });
}

const PHRASES = [CHILD_VIEW, CARER_WORDS, NOTE, CONTRIBUTION, PLACEMENT];

/** Every sealed string in a stored document, by where it is (`notes.0.text`). */
function sealedFields(value: unknown, place = ''): Map<string, string> {
  const found = new Map<string, string>();
  if (typeof value === 'string' && value.startsWith('enc:v1:')) found.set(place, value);
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) for (const [at, text] of sealedFields(item, place === '' ? key : `${place}.${key}`)) found.set(at, text);
  }
  return found;
}

/** Encryption at rest of free text, and key rotation, for any store adapter. */
export function encryptionContract({ name, skip, place, open, raw, storedMeeting, remove }: EncryptionContractOptions): void {
  const title = skip === undefined ? name : `${name} — SKIPPED: ${skip}`;

  describe.skipIf(skip !== undefined)(title, () => {
    let where = '';
    const opened: EncryptedStore[] = [];
    const start = async (keys: readonly DataKey[]): Promise<EncryptedStore> => {
      const store = open(where, keys);
      opened.push(store);
      await store.init();
      return store;
    };
    const first = key('k1');
    const meeting = meetingWithFreeText();
    const child = aChild({ events: [{ id: 'ev-move', kind: 'changed_placement', on: '2026-11-20', detail: PLACEMENT, recordedBy: 'p-organiser', at: '2026-11-20T10:00:00Z' }] });

    const writeAll = async (store: EncryptedStore): Promise<void> => {
      await store.createMeeting(meeting, { events: [anAuditEvent(meeting.id, { type: 'addNote', data: { text: NOTE } })] });
      await store.createChild(child, { events: [aChildAuditEvent(child.ref, { data: { detail: PLACEMENT } })] });
    };

    beforeEach(async () => {
      where = await place();
    });

    afterEach(async () => {
      for (const store of opened.splice(0)) await store.close();
      await remove(where);
    });

    it('stores free text as ciphertext and reads it back as written', async () => {
      const store = await start([first]);
      await writeAll(store);
      expect(await store.getMeeting(meeting.id)).toStrictEqual(meeting);
      expect(await store.getChild(child.ref)).toStrictEqual(child);
      expect((await store.auditTrail(meeting.id))[0]?.data).toStrictEqual({ text: NOTE });
      expect((await store.childAuditTrail(child.ref))[0]?.data).toStrictEqual({ detail: PLACEMENT });
      await store.close();
      const stored = await raw(where);
      for (const phrase of PHRASES) expect(stored, phrase).not.toContain(phrase);
      expect(stored).toContain('enc:v1:k1:');
      // What is searched stays readable: the reference, identities, due dates.
      expect(stored).toContain('PEP-2026-0042');
      expect(stored).toContain('a.morgan@northfield.sch.uk');
    });

    it('finds due actions, whose description is encrypted, and gives them back in plain words', async () => {
      const store = await start([first]);
      await writeAll(store);
      const due = await store.actionsDueBefore('2026-03-28T00:00:00Z');
      expect(due.map((d) => d.action.description)).toContain('Action act-reading');
    });

    it('after a rotation, rewrites every record under the new key, reads it back, and a second run has nothing to do', async () => {
      await writeAll(await start([first]));
      const second = key('k2');
      const rotated = await start([second, first]);
      expect(rotated.currentKeyId()).toBe('k2');
      expect(await rotated.reencryptPage({ records: 'meetings', limit: 10 })).toMatchObject({ scanned: 1, rewritten: 1, last: meeting.id });
      expect(await rotated.reencryptPage({ records: 'children', limit: 10 })).toMatchObject({ scanned: 1, rewritten: 1, last: child.ref });
      expect(await rotated.reencryptPage({ records: 'meetings', limit: 10 })).toMatchObject({ scanned: 1, rewritten: 0 });
      expect(await rotated.reencryptPage({ records: 'meetings', after: meeting.id, limit: 10 })).toMatchObject({ scanned: 0, rewritten: 0 });
      await rotated.close();

      const stored = await raw(where);
      for (const phrase of PHRASES) expect(stored, phrase).not.toContain(phrase);
      const afterRestart = await start([second, first]);
      expect(await afterRestart.getMeeting(meeting.id)).toStrictEqual(meeting);
      expect(await afterRestart.getChild(child.ref)).toStrictEqual(child);
      expect((await afterRestart.getMeeting(meeting.id))?.version).toBe(meeting.version);
    });

    it('keeps the sealed value of free text a save leaves unchanged, and seals changed or added text afresh', async () => {
      const store = await start([first]);
      await store.createMeeting(meeting, { events: [] });
      const before = sealedFields(await storedMeeting(where, meeting.id));
      const notes = [...meeting.notes, { id: 'n2', text: NOTE, by: 'p-organiser', at: '2026-03-10T10:25:00Z' }];
      const v2 = nextVersion(meeting, { purpose: 'Summer term PEP review', notes });
      await store.saveMeeting(v2, meeting.version, { events: [] });
      const after = sealedFields(await storedMeeting(where, meeting.id));

      expect(after.get('notes.0.text')).toBe(before.get('notes.0.text'));
      expect(after.get('prompts.0.answer.hard')).toBe(before.get('prompts.0.answer.hard'));
      expect(after.get('purpose')).not.toBe(before.get('purpose'));
      // The same words in another place are sealed on their own: equal text never shows as equal values.
      expect(after.get('notes.1.text')).not.toBe(after.get('notes.0.text'));
      expect(new Set(after.values()).size).toBe(after.size);
      expect(await store.getMeeting(meeting.id)).toStrictEqual(v2);

      // A store that only read the meeting (a restart, another process) keeps unchanged text sealed as it was too.
      await store.close();
      const reopened = await start([first]);
      const read = await reopened.getMeeting(meeting.id);
      const v3 = nextVersion(v2, { notes: v2.notes.map((n) => (n.id === 'n2' ? { ...n, text: 'Agreed a reading plan' } : n)) });
      await reopened.saveMeeting(v3, v2.version, { events: [] });
      const third = sealedFields(await storedMeeting(where, meeting.id));
      expect(read).toStrictEqual(v2);
      expect(third.get('notes.0.text')).toBe(before.get('notes.0.text'));
      expect(third.get('purpose')).toBe(after.get('purpose'));
      expect(third.get('notes.1.text')).not.toBe(after.get('notes.1.text'));
      expect(await reopened.getMeeting(meeting.id)).toStrictEqual(v3);
    });

    it('after a rotation, a save seals every field under the new key, unchanged text too', async () => {
      await writeAll(await start([first]));
      const sealedBefore = sealedFields(await storedMeeting(where, meeting.id));
      const rotated = await start([key('k2'), first]);
      const read = await rotated.getMeeting(meeting.id);
      const v2 = nextVersion(meeting, { purpose: 'Summer term PEP review' });
      await rotated.saveMeeting(v2, meeting.version, { events: [] });

      const sealedAfter = sealedFields(await storedMeeting(where, meeting.id));
      expect(read).toStrictEqual(meeting);
      expect([...sealedAfter.keys()]).toStrictEqual([...sealedBefore.keys()]);
      for (const [at, text] of sealedAfter) expect(text, at).toMatch(/^enc:v1:k2:/);
      expect(await rotated.getMeeting(meeting.id)).toStrictEqual(v2);
    });

    it('refuses to start without a key the data was written with, naming the key id and never the key', async () => {
      await writeAll(await start([first]));
      const error = await start([key('k2')]).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toContain('"k1"');
      expect((error as Error).message).toContain('DATA_ENCRYPTION_KEYS');
    });

    it('refuses to start with a wrong key under the right id, naming the id and never the key', async () => {
      await writeAll(await start([first]));
      const wrong = key('k1');
      const error = await start([wrong]).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect((error as Error).message).toMatch(/"k1".*cannot decrypt/);
      expect((error as Error).message).not.toContain(wrong.key.toString('base64'));
      expect((error as Error).message).not.toContain(first.key.toString('base64'));
    });
  });
}
