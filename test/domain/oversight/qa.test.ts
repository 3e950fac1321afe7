import { describe, expect, it } from 'vitest';
import type { Officer } from '../../../src/domain/actor.js';
import type { Evidence } from '../../../src/domain/evidence/evidence.js';
import { missingSections } from '../../../src/domain/qa/mandatory-sections.js';
import { createInput } from '../scenario.js';
import { OFFICER, QaScenario, readyToSubmit } from './qa-scenario.js';

function refusal(run: () => unknown): { code: string; message: string; details: Record<string, unknown> } {
  try {
    run();
  } catch (error) {
    return error as { code: string; message: string; details: Record<string, unknown> };
  }
  throw new Error('expected a refusal');
}

const TRANSITION = { type: 'recordTransition', pathway: 'GCSEs then A levels', careersGuidance: 'Careers adviser met in January', post16Options: 'Sixth form or college' };

describe('submitting the plan for quality review', () => {
  it('is refused before the meeting is closed', () => {
    const s = new QaScenario().inProgress();
    expect(refusal(() => s.asOrganiser({ type: 'submitPlan' })).code).toBe('QA.NOT_CONCLUDED');
  });

  it('is for the organiser only', () => {
    const s = readyToSubmit();
    expect(refusal(() => s.oversee({ participantId: s.id('designated_teacher') }, { type: 'submitPlan' })).code).toBe('PERMISSION.NOT_ORGANISER');
  });

  it('names every missing mandatory section', () => {
    const s = readyToSubmit(7, { childViews: false, schoolFigures: false, action: false });
    const refused = refusal(() => s.asOrganiser({ type: 'submitPlan' }));
    expect(refused.code).toBe('QA.MISSING_SECTIONS');
    expect(refused.details.missing).toEqual(['child_views', 'smart_targets', 'attendance_attainment']);
    expect(refused.message).toContain("The child's views");
    expect(refused.message).toContain('give "Read every day" an action with an owner and a due date');
    expect(refused.message).toContain('Attendance and attainment');
  });

  it('accepts the evidence card’s figures in place of a school contribution', () => {
    const s = readyToSubmit(7, { schoolFigures: false });
    expect(missingSections(s.meeting).map((m) => m.section)).toEqual(['attendance_attainment']);
    const evidence: Evidence = { term: '2026-27 autumn', attendancePercent: 91, suspensionDays: 0, permanentlyExcluded: false, attainment: [{ subject: 'maths', level: 'expected' }], recordedBy: s.id('designated_teacher'), at: s.at, source: 'card' };
    expect(missingSections({ ...s.meeting, evidence })).toEqual([]);
  });

  it('asks for the transition section from Year 9, and accepts the plan once it is recorded', () => {
    const s = readyToSubmit(9);
    expect(refusal(() => s.asOrganiser({ type: 'submitPlan' })).details.missing).toEqual(['transition']);
    s.asOrganiser(TRANSITION);
    expect(s.meeting.transition).toMatchObject({ pathway: 'GCSEs then A levels', recordedBy: s.organiser });
    const change = s.asOrganiser({ type: 'submitPlan' });
    expect(change.meeting.qa?.status).toBe('submitted');
    expect(change.alerts).toContainEqual({ kind: 'qa_review_due', reason: 'submitted' });
    expect(change.events.map((e) => e.type)).toEqual(['submitPlan']);
  });

  it('a Year 7 plan needs no transition section', () => {
    expect(missingSections(readyToSubmit(7).meeting)).toEqual([]);
  });
});

describe('the officer’s review', () => {
  it('submit, return with a reason, resubmit, approve: locked, and a change reopens it saying what changed', () => {
    const s = readyToSubmit();
    s.asOrganiser({ type: 'submitPlan' });
    expect(refusal(() => s.asOfficer({ type: 'returnPlan', reason: '  ', feedback: 'Targets vague' })).code).toBe('QA.RETURN_REASON_REQUIRED');
    const returned = s.asOfficer({ type: 'returnPlan', reason: 'The tutor action needs a named provider', rag: 'amber', feedback: 'Otherwise good' });
    expect(returned.meeting.qa).toMatchObject({ status: 'returned', rag: 'amber', returnReason: 'The tutor action needs a named provider', feedback: 'Otherwise good' });
    expect(returned.alerts).toEqual([{ kind: 'qa_decided', outcome: 'returned' }]);
    expect(returned.events[0]).toMatchObject({ type: 'returnPlan', actorId: 'officer:vs-amy' });
    expect(refusal(() => s.asOfficer({ type: 'approvePlan', rag: 'green' })).code).toBe('QA.NOT_SUBMITTED');

    expect(s.asOrganiser({ type: 'submitPlan' }).events[0]!.summary).toBe('Plan submitted again to the Virtual School for review');
    const approved = s.asOfficer({ type: 'approvePlan', rag: 'green', feedback: 'Clear targets' });
    expect(approved.meeting.qa).toMatchObject({ status: 'approved', rag: 'green', approvedPlanVersion: s.meeting.plan!.version });
    expect(refusal(() => s.asOrganiser({ type: 'submitPlan' })).code).toBe('QA.ALREADY_APPROVED');

    const action = s.meeting.actions[0]!;
    const changed = s.run(s.organiser, { type: 'rescheduleAction', actionId: action.id, dueDate: '2026-12-18' });
    expect(changed.meeting.qa?.status).toBe('reopened');
    expect(changed.meeting.qa?.changesSinceApproval).toEqual(['Action "Book the tutor": due date changed from Friday 11 December 2026 to Friday 18 December 2026.']);
    expect(changed.alerts).toContainEqual({ kind: 'qa_review_due', reason: 'reopened' });
    expect(changed.events.map((e) => e.type)).toEqual(['rescheduleAction', 'planIssued', 'qaReopened']);
    // A second change joins the list without telling the officer twice.
    const again = s.asOrganiser(TRANSITION);
    expect(again.meeting.qa?.changesSinceApproval).toHaveLength(2);
    expect(again.alerts.filter((a) => a.kind === 'qa_review_due')).toEqual([]);
    expect(s.meeting.qa?.steps?.map((step) => step.kind)).toEqual(['submitted', 'returned', 'submitted', 'approved', 'reopened', 'reopened']);
  });

  it('a change that does not alter the plan leaves the approval alone', () => {
    const s = readyToSubmit();
    s.asOrganiser({ type: 'submitPlan' });
    s.asOfficer({ type: 'approvePlan', rag: 'green' });
    s.run(s.id('designated_teacher'), { type: 'acknowledgeAction', actionId: s.meeting.actions[0]!.id });
    expect(s.meeting.qa?.status).toBe('approved');
  });

  it('rating records the RAG and feedback without deciding', () => {
    const s = readyToSubmit();
    s.asOrganiser({ type: 'submitPlan' });
    const rated = s.asOfficer({ type: 'ratePlan', rag: 'red', feedback: 'No careers input' });
    expect(rated.meeting.qa).toMatchObject({ status: 'submitted', rag: 'red', feedback: 'No careers input' });
  });

  it('only Virtual School officers and the head review; a participant with the officer role does not', () => {
    const s = readyToSubmit();
    s.asOrganiser({ type: 'submitPlan' });
    expect(refusal(() => s.oversee({ participantId: s.id('virtual_school_officer') }, { type: 'approvePlan', rag: 'green' })).code).toBe('PERMISSION.NOT_OFFICER');
    const dpo: Officer = { id: 'dpo', name: 'Dee Protection', roles: ['data_protection_officer'] };
    expect(refusal(() => s.oversee({ officer: dpo }, { type: 'approvePlan', rag: 'green' })).code).toBe('PERMISSION.NOT_OFFICER');
    const head: Officer = { ...OFFICER, id: 'vs-head', roles: ['virtual_school_head'] };
    expect(s.oversee({ officer: head }, { type: 'approvePlan', rag: 'green' }).meeting.qa?.status).toBe('approved');
  });

  it('an officer cannot submit the plan', () => {
    const s = readyToSubmit();
    expect(refusal(() => s.asOfficer({ type: 'submitPlan' })).code).toBe('PERMISSION.NOT_PARTICIPANT');
  });

  it('old meetings without QA still parse and have no review', () => {
    expect(new QaScenario(createInput).meeting.qa).toBeUndefined();
  });
});
