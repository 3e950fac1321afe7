import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { subjectAccessExport } from '../../../src/app/data-protection/subject-access.js';
import { subjectAccessJsonSchema } from '../../../src/app/data-protection/subject-access-schema.js';
import { subjectAccessHtml } from '../../../src/channels/web/data-protection/subject-access-html.js';
import { parsePersonQuery } from '../../../src/domain/data-protection/person-query.js';
import type { StoreWithChildren } from '../../../src/ports/child-store.js';
import { settableClock } from '../../contract/settable-clock.js';
import { tempSqliteStore } from '../../support/sqlite-temp-store.js';
import { CARER, CARER_WORDS, NEXT_TEACHER, OTHERS, TEACHER, carerInThreeMeetings, schoolMoves } from './carer-in-three-meetings.js';

const SCHEMA_FILE = join(import.meta.dirname, '..', '..', '..', 'schemas', 'subject-access.schema.json');
const clock = settableClock('2026-04-01T09:00:00Z');

describe('subject access export', () => {
  let store: StoreWithChildren;
  let remove: () => Promise<void>;
  beforeEach(async () => ({ store, remove } = await tempSqliteStore(clock)));
  afterEach(async () => remove());

  it('publishes its schema (regenerate with: npx tsx scripts/data-protection/write-subject-access-schema.ts)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(subjectAccessJsonSchema());
  });

  it('reads --person as an email, a chat id or a PEP reference, and refuses anything else', () => {
    expect(parsePersonQuery('Chris.Jones@Example.org')).toEqual({ kind: 'person', identity: { kind: 'email', email: 'chris.jones@example.org' } });
    expect(parsePersonQuery('UCHRIS001')).toEqual({ kind: 'person', identity: { kind: 'slack', slackUserId: 'UCHRIS001' } });
    expect(parsePersonQuery('29:1a2b3c-sam')).toEqual({ kind: 'person', identity: { kind: 'teams', teamsUserId: '29:1a2b3c-sam' } });
    expect(parsePersonQuery('PEP-2026-0042')).toEqual({ kind: 'child', ref: 'PEP-2026-0042' });
    expect(() => parsePersonQuery('who?')).toThrow(/Name the person/);
  });

  it('gives a carer in three meetings everything held about them and nothing about anyone else, valid against the schema, as JSON and HTML', async () => {
    const { theirs, other } = await carerInThreeMeetings(store);
    await schoolMoves(store, clock);
    for (const asked of [CARER.email, CARER.slackUserId]) {
      const data = await subjectAccessExport({ store, children: store, clock }, parsePersonQuery(asked), asked);
      expect(data.meetings.map((meeting) => meeting.meetingId)).toEqual(theirs.map((meeting) => meeting.id));
      const json = JSON.stringify(data);
      for (const held of [CARER.name, CARER.email, CARER.slackUserId, ...CARER_WORDS]) expect(json).toContain(held);
      for (const foreign of [...OTHERS, other.id]) expect(json).not.toContain(foreign);
      expect(data.meetings[0]?.audit.map((entry) => entry.type)).toEqual(['answerPrompt', 'addParticipant']);
      expect(data.keyValues.map((entry) => `${entry.namespace} ${entry.key}`)).toEqual([`card-ref ${theirs[0]?.id}/invitation/p-carer`, `teams-person email:${CARER.email}`]);

      const ajv = new Ajv2020.default({ allErrors: true, strict: false });
      addFormats.default(ajv);
      const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')));
      expect(validate(JSON.parse(json)), ajv.errorsText(validate.errors)).toBe(true);

      const html = subjectAccessHtml(data);
      for (const held of [CARER.name, 'Sleeping badly since the move']) expect(html).toContain(held);
      for (const foreign of OTHERS) expect(html).not.toContain(foreign);
    }
  });

  it("gives a designated teacher the children's records and audit entries that name them, and not the teacher who followed them", async () => {
    await carerInThreeMeetings(store);
    await schoolMoves(store, clock);
    const data = await subjectAccessExport({ store, children: store, clock }, parsePersonQuery(TEACHER.email), TEACHER.email);
    expect(data.childRoles).toEqual([{ childRef: 'PEP-2026-0077', role: 'designated_teacher', held: TEACHER.email }]);
    expect(data.childAudit.map(({ meetingId, type, data: held }) => ({ meetingId, type, held }))).toEqual([
      { meetingId: 'child:PEP-2026-0042', type: 'recordSchoolChange', held: { on: '2026-03-01', school: 'Northfield Academy', designatedTeacherEmail: TEACHER.email } },
      { meetingId: 'child:PEP-2026-0077', type: 'recordSchoolChange', held: { on: '2026-03-01', school: 'Northfield Academy', designatedTeacherEmail: TEACHER.email } },
    ]);
    const json = JSON.stringify(data);
    for (const foreign of [NEXT_TEACHER, CARER.email, CARER.name, 'sam.patel@example.gov.uk']) expect(json).not.toContain(foreign);
    const ajv = new Ajv2020.default({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')));
    expect(validate(JSON.parse(json)), ajv.errorsText(validate.errors)).toBe(true);
    expect(subjectAccessHtml(data)).toContain('Child audit');
  });

  it("gives the child, by PEP reference, their details, their plans and others' words without their names", async () => {
    await carerInThreeMeetings(store);
    await schoolMoves(store, clock);
    const data = await subjectAccessExport({ store, children: store, clock }, parsePersonQuery('PEP-2026-0042'), 'PEP-2026-0042');
    expect(data.child?.details?.fullName).toBe('Jordan Doe');
    expect(data.child?.meetings).toHaveLength(2);
    expect(data.childAudit).toEqual([]);
    expect(JSON.stringify(data)).not.toMatch(/Sam Patel|Alex Morgan|Chris Jones|@/);
  });
});
