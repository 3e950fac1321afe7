import { describe, expect, it } from 'vitest';
import { planContent } from '../../src/domain/plan/content.js';
import { actionOf, planned } from './plan-scenario.js';
import { Scenario, expectRefusal } from './scenario.js';

const KEY_PEOPLE = ['social_worker', 'designated_teacher', 'carer', 'virtual_school_officer'];
const rolesOf = (s: Scenario, ids: string[]) => ids.map((id) => s.meeting.participants.find((p) => p.id === id)!.role);

describe('issuing the written plan when the meeting closes', () => {
  it('issues version 1 to the organiser, designated teacher, carer and Virtual School officer by default', () => {
    const s = planned();
    const closing = s.changes.at(-1)!;
    expect(s.meeting.plan).toMatchObject({ version: 1, issuedAt: s.at, signOffs: [], amendments: [] });
    expect(rolesOf(s, s.meeting.plan!.signatories)).toEqual(KEY_PEOPLE);
    expect(closing.alerts).toEqual([{ kind: 'plan_issued', version: 1 }]);
    expect(closing.events.map((e) => e.type)).toEqual(['concludeMeeting', 'planIssued']);
    expect(closing.events[0]!.data).toEqual({ planSignatoryRoles: ['organiser', 'designated_teacher', 'carer', 'virtual_school_officer'] });
  });

  it('keeps what the plan said in the audit trail, with no personal data in the summary', () => {
    const s = planned();
    const issued = s.changes.at(-1)!.events[1]!;
    expect(issued.summary).toBe('Written plan issued for sign-off by 4 people');
    expect(issued.data).toEqual({ version: 1, signatories: s.meeting.plan!.signatories, changes: [], content: planContent(s.meeting) });
  });

  it('the organiser may choose who signs, and is refused a choice nobody in the meeting fits', () => {
    const chosen = planned(['organiser', 'child']);
    expect(rolesOf(chosen, chosen.meeting.plan!.signatories)).toEqual(['social_worker', 'child']);
    const open = new Scenario().inProgress();
    open.run(open.organiser, { type: 'setNextReviewDate', date: '2027-03-10' });
    expect(expectRefusal(open, open.organiser, { type: 'concludeMeeting', planSignatoryRoles: ['iro'] }).code).toBe('PLAN.NO_SIGNATORIES');
    expect([open.meeting.status, open.meeting.plan]).toEqual(['in_progress', undefined]);
  });
});

describe('signing off the plan', () => {
  it('records each signatory with the version and the time; the last one completes it', () => {
    const s = planned();
    const [organiser, teacher, carer, officer] = s.meeting.plan!.signatories as [string, string, string, string];
    const first = s.run(teacher, { type: 'signPlan', planVersion: 1 });
    expect(s.meeting.plan!.signOffs).toEqual([{ participantId: teacher, version: 1, at: s.at }]);
    expect(first.events[0]!.summary).toBe('Written plan version 1 signed off by the designated_teacher');
    expect(first.alerts).toEqual([]);
    s.run(organiser, { type: 'signPlan', planVersion: 1 });
    s.run(carer, { type: 'signPlan', planVersion: 1 }, 'web');
    s.run(s.organiser, { type: 'markPlanDistributed' });
    const last = s.run(officer, { type: 'signPlan', planVersion: 1 });
    expect(last.alerts).toEqual([{ kind: 'plan_signed_off', version: 1 }]);
    expect(s.meeting.plan!.signOffs.map((x) => x.participantId)).toEqual([teacher, organiser, carer, officer]);
  });

  it('only a signatory, only the version in force, only once', () => {
    const s = planned();
    const teacher = s.id('designated_teacher');
    expect(expectRefusal(s, s.id('child'), { type: 'signPlan', planVersion: 1 }).code).toBe('PLAN.NOT_SIGNATORY');
    expect(expectRefusal(s, 'stranger', { type: 'signPlan', planVersion: 1 }).code).toBe('PERMISSION.NOT_PARTICIPANT');
    expect(expectRefusal(s, teacher, { type: 'signPlan', planVersion: 2 })).toMatchObject({ code: 'PLAN.VERSION_CHANGED', details: { signed: 2, current: 1 } });
    s.run(teacher, { type: 'signPlan', planVersion: 1 });
    expect(expectRefusal(s, teacher, { type: 'signPlan', planVersion: 1 }).code).toBe('PLAN.ALREADY_SIGNED');
    expect(actionOf(s, 'Send the reading report').status).toBe('open');
  });

  it('there is nothing to sign before the meeting closes', () => {
    const s = new Scenario().inProgress();
    expect(expectRefusal(s, s.organiser, { type: 'signPlan', planVersion: 1 }).code).toBe('MEETING.WRONG_STATUS');
  });
});
