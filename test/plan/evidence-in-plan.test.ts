import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMeeting } from '../../src/app/create-meeting.js';
import { buildPlanView } from '../../src/app/plan/plan-view.js';
import type { PlanView } from '../../src/app/plan/plan-view-types.js';
import { attendancePrefill } from '../../src/domain/attendance-record.js';
import type { Meeting } from '../../src/domain/model.js';
import { renderPlanHtml } from '../../src/channels/web/plan/plan-html.js';
import { renderPlanPdf } from '../../src/channels/web/plan/plan-pdf.js';
import { idOf, MEETING_INPUT, meetingReadyToClose, pdfTextOf, planWorld, type PlanWorld } from './support.js';

const FIGURES = { type: 'recordEvidence', attendancePercent: 96, suspensionDays: 0, permanentlyExcluded: false, attainment: [{ subject: 'maths', level: 'expected' }] };

let world: PlanWorld;
beforeEach(async () => {
  world = await planWorld();
});
afterEach(() => world.close());

const section = (view: PlanView, heading: string) => view.sections.find((s) => s.heading === heading);

/** A first PEP with the school's figures, then this one, held and closed with its own figures and attendance recorded. */
async function secondPep(): Promise<{ meeting: Meeting; childMeetings: Meeting[] }> {
  let first = await createMeeting(world.deps, { command: { ...MEETING_INPUT, startsAt: '2026-11-27T10:00:00Z' }, channel: 'teams' });
  first = await world.run(first, first.organiserId, { type: 'sendInvitations' });
  await world.run(first, idOf(first, 'designated_teacher'), FIGURES);
  let meeting = await meetingReadyToClose(world);
  meeting = await world.run(meeting, idOf(meeting, 'designated_teacher'), { ...FIGURES, attendancePercent: 88, attainment: [{ subject: 'maths', level: 'below' }, { subject: 'english', level: 'expected' }] });
  const record = attendancePrefill(meeting).map((e) => (e.participantId === idOf(meeting, 'carer') ? { ...e, status: 'apologies', reason: 'Car broke down' } : e));
  meeting = await world.run(meeting, meeting.organiserId, { type: 'recordAttendance', entries: record });
  meeting = await world.run(meeting, meeting.organiserId, { type: 'concludeMeeting' });
  return { meeting, childMeetings: await world.store.meetingsOfChild(meeting.child.ref) };
}

describe('the written plan', () => {
  it('shows the attendance as recorded, with reasons, and the figures as a trend over the PEPs, in HTML and PDF', async () => {
    const { meeting, childMeetings } = await secondPep();
    const view = buildPlanView(meeting, { showChildDetails: false, childMeetings });
    expect(section(view, 'Who took part')?.entries.map((e) => [e.title, e.items])).toEqual([
      ['Attended', ['Sam Social (social worker)', 'Dana Teacher (designated teacher)']],
      ['Sent apologies', ['Chris Carer (carer): Car broke down']],
      ['Absent', ['JD (child or young person)']],
      ['Sent a written contribution instead', ['Vic Officer (virtual school officer)']],
    ]);
    const evidence = section(view, 'Attendance, exclusions and attainment');
    // Both PEPs fall in the same council term (27 November and early December 2026), read from their dates.
    expect(evidence?.entries.map((e) => e.title)).toEqual(['This PEP: Autumn term 2026-27', 'Over 2 PEPs (Autumn term 2026-27, Autumn term 2026-27), ▲ up, ▼ down, = the same']);
    expect(evidence?.entries[0]?.facts).toEqual([
      { label: 'Attendance', value: '88%' },
      { label: 'Suspension days', value: '0' },
      { label: 'Permanently excluded', value: 'No' },
      { label: 'English', value: 'At expected' },
      { label: 'Maths', value: 'Below expected' },
      { label: 'Science', value: 'Not assessed' },
    ]);
    expect(evidence?.entries[1]?.facts).toContainEqual({ label: 'Attendance', value: '96% → 88% ▼' });
    expect(evidence?.entries[1]?.facts).toContainEqual({ label: 'Maths', value: 'At expected → Below expected ▼' });
    expect(renderPlanHtml(view, { pdfHref: '/plan.pdf' })).toContain('96% → 88% ▼');
    const { text } = await pdfTextOf(await renderPlanPdf(view));
    expect(text).toContain('96% → 88% ▼');
    expect(text).toContain('Chris Carer (carer): Car broke down');
  }, 60_000);

  it('re-issues the plan when the attendance is corrected after the meeting, saying what changed', async () => {
    const { meeting } = await secondPep();
    const after = await world.run(meeting, meeting.organiserId, { type: 'recordAttendance', entries: [{ participantId: idOf(meeting, 'child'), status: 'apologies', reason: 'Unwell' }] });
    expect(after.plan?.version).toBe(2);
    expect(after.plan?.amendments.at(-1)?.changes).toEqual(['The record of who attended changed.']);
    // A plan without figures or a record still reads as it did.
    expect(section(buildPlanView(after, { showChildDetails: false }), 'Attendance, exclusions and attainment')?.entries).toHaveLength(1);
  }, 60_000);
});
