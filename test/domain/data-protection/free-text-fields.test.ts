import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ChildRecordSchema } from '../../../src/domain/child/child-record.js';
import { FREE_TEXT_FIELDS, PLAIN_TEXT_FIELDS } from '../../../src/domain/data-protection/free-text-fields.js';
import type { StoredDocument } from '../../../src/domain/data-protection/free-text-fields.js';
import { stringPaths } from '../../../src/domain/data-protection/string-paths.js';
import { MeetingSchema } from '../../../src/domain/model.js';

const SCHEMAS: Record<StoredDocument, z.ZodType> = { meeting: MeetingSchema, child: ChildRecordSchema };

describe.each(Object.keys(SCHEMAS) as StoredDocument[])('the %s schema', (document) => {
  const all = stringPaths(SCHEMAS[document]);
  const prose = all.filter((p) => !p.structured).map((p) => p.path);
  const encrypted = FREE_TEXT_FIELDS[document].map((f) => f.path);
  const plain = PLAIN_TEXT_FIELDS[document].map((f) => f.path);

  it('classifies every unstructured string as encrypted or deliberately plain', () => {
    const unclassified = prose.filter((path) => !encrypted.includes(path) && !plain.includes(path));
    expect(unclassified, 'a new free-text field: add it to FREE_TEXT_FIELDS (or PLAIN_TEXT_FIELDS with why)').toEqual([]);
  });

  it('puts no field in both lists, and none twice', () => {
    expect(encrypted.filter((path) => plain.includes(path))).toEqual([]);
    expect(new Set([...encrypted, ...plain]).size).toBe(encrypted.length + plain.length);
  });

  it('names only fields the schema has (or that arrive with a named branch)', () => {
    const known = new Set(all.map((p) => p.path));
    const unknown = [...FREE_TEXT_FIELDS[document], ...PLAIN_TEXT_FIELDS[document]].filter((f) => !known.has(f.path) && !f.arrivesWith);
    expect(unknown.map((f) => f.path)).toEqual([]);
  });

  it('never encrypts a structured string, which the stores search and sort', () => {
    const structured = all.filter((p) => p.structured).map((p) => p.path);
    expect(encrypted.filter((path) => structured.includes(path))).toEqual([]);
  });
});

describe('the free text the issue names', () => {
  it("encrypts the child's views, the notes, the carers' answers and the contributions", () => {
    const meeting = FREE_TEXT_FIELDS.meeting.map((f) => f.path);
    for (const path of ['prompts[].answer.goingWell', 'prompts[].answer.hard', 'prompts[].answer.want', 'notes[].text', 'prompts[].answer.freeText', 'prompts[].answer.toRaise', 'contributions[].content.text']) {
      expect(meeting).toContain(path);
    }
  });

  it('sees a string added to a schema without a classification', async () => {
    const { z } = await import('zod');
    const grown = (MeetingSchema as unknown as z.ZodObject).extend({ secretDiary: z.string() });
    const prose = stringPaths(grown).filter((p) => !p.structured).map((p) => p.path);
    expect(prose).toContain('secretDiary');
    expect([...FREE_TEXT_FIELDS.meeting, ...PLAIN_TEXT_FIELDS.meeting].map((f) => f.path)).not.toContain('secretDiary');
  });
});
