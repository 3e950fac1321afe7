import { describe, expect, it } from 'vitest';
import { planChanges } from '../../src/domain/plan/changes.js';
import type { PlanContent } from '../../src/domain/plan/content.js';
import { planContent } from '../../src/domain/plan/content.js';
import { actionOf, planned } from './plan-scenario.js';
import { expectRefusal } from './scenario.js';

describe('a change after the plan is issued', () => {
  it('a new due date makes version 2, reopens sign-off and says what changed', () => {
    const s = planned();
    const teacher = s.id('designated_teacher');
    s.run(teacher, { type: 'signPlan', planVersion: 1 });
    const actionId = actionOf(s, 'Send the reading report').id;

    const change = s.run(teacher, { type: 'rescheduleAction', actionId, dueDate: '2026-12-18' });

    const changes = ['Action "Send the reading report": due date changed from Friday 11 December 2026 to Friday 18 December 2026.'];
    expect(s.meeting.plan).toMatchObject({ version: 2, issuedAt: s.at, amendments: [{ version: 2, at: s.at, by: teacher, changes }] });
    expect(change.alerts).toEqual([{ kind: 'plan_issued', version: 2 }]);
    expect(change.events.map((e) => [e.type, e.summary])).toEqual([
      ['rescheduleAction', 'Action moved from 2026-12-11 to 2026-12-18'],
      ['planIssued', 'Written plan changed (1 change): version 2 issued and sign-off reopened'],
    ]);
    expect(change.events[1]!.data).toMatchObject({ version: 2, changes, content: planContent(s.meeting) });
    // The earlier sign-off stays on record, for the version it was given to.
    expect(s.meeting.plan!.signOffs).toEqual([{ participantId: teacher, version: 1, at: s.at }]);

    const stale = expectRefusal(s, teacher, { type: 'signPlan', planVersion: 1 });
    expect(stale).toMatchObject({ code: 'PLAN.VERSION_CHANGED' });
    expect(stale.message).toContain('due date changed from Friday 11 December 2026 to Friday 18 December 2026');
    s.run(teacher, { type: 'signPlan', planVersion: 2 });
    expect(s.meeting.plan!.signOffs.map((x) => x.version)).toEqual([1, 2]);
  });

  it('progress against the plan is not a change to it', () => {
    const s = planned();
    const teacher = s.id('designated_teacher');
    const actionId = actionOf(s, 'Send the reading report').id;
    const progress = [
      s.run(teacher, { type: 'acknowledgeAction', actionId }),
      s.run(teacher, { type: 'blockAction', actionId, reason: 'Waiting for the assessment' }),
      s.run(s.organiser, { type: 'completeAction', actionId }),
      s.run(teacher, { type: 'signPlan', planVersion: 1 }),
      s.run('system', { type: 'issueLink', participantId: teacher, purpose: 'plan', itemId: 'full', tokenHash: 'a'.repeat(64), expiresAt: '2027-04-07T10:00:00Z', singleUse: false }),
      s.run(s.organiser, { type: 'markPlanDistributed' }),
    ];
    expect(progress.flatMap((c) => c.alerts)).toEqual([]);
    expect(progress.flatMap((c) => c.events).map((e) => e.type)).not.toContain('planIssued');
    expect(s.meeting.plan!.version).toBe(1);
  });

  it('a plan link opens the full view or the initials-only view, nothing else', () => {
    const s = planned();
    const link = { type: 'issueLink', participantId: s.id('carer'), purpose: 'plan', tokenHash: 'b'.repeat(64), expiresAt: '2027-04-07T10:00:00Z', singleUse: false };
    expect(expectRefusal(s, 'system', { ...link, itemId: 'everything' }).code).toBe('LINK.WRONG_ITEM');
    s.run('system', { ...link, itemId: 'initials' });
    s.run('system', link);
    expect(s.meeting.links.map((l) => l.itemId)).toEqual(['initials', undefined]);
  });
});

describe('the words for what changed', () => {
  const base = (): PlanContent => planContent(planned().meeting);

  it('names an owner handed over, a goal edited, support added and an action dropped', () => {
    const before = base();
    const after = structuredClone(before);
    const [teacherAction, childAction] = after.actions as [PlanContent['actions'][number], PlanContent['actions'][number]];
    teacherAction.owner = { participantId: 'p-new', name: 'Vic Officer', role: 'virtual_school_officer' };
    after.actions = [teacherAction];
    after.goals[0]!.measurable = 'Reading age test in February';
    after.goals[0]!.timeBound = '2027-03-05';
    after.resources.push({ id: 'r-2', goalId: after.goals[0]!.id, kind: 'pupil_premium_plus', description: 'Books for home', costPence: 2500 });
    after.nextReviewDate = '2027-03-17';
    expect(planChanges(before, after)).toEqual([
      'Goal "Read every day": measurable part changed; target date changed from Friday 26 February 2027 to Friday 5 March 2027.',
      'Support "Books for home" added.',
      'Action "Send the reading report": owner changed from Dana Teacher to Vic Officer.',
      `Action "${childAction.description}" removed.`,
      'Next review date changed from Wednesday 10 March 2027 to Wednesday 17 March 2027.',
    ]);
  });

  it('says nothing when nothing the plan says has changed', () => {
    expect(planChanges(base(), base())).toEqual([]);
  });

  it('any other difference still counts, and a long list stays within what is stored', () => {
    const before = base();
    const after = structuredClone(before);
    after.attendees = after.attendees.slice(1);
    after.goals = Array.from({ length: 60 }, (_, i) => ({ ...before.goals[0]!, id: `g-${i}`, title: `${'Long title '.repeat(30)}${i}` }));
    const changes = planChanges(before, after);
    expect(changes[0]).toBe('The list of attendees changed.');
    expect(changes).toHaveLength(50);
    expect(changes.at(-1)).toMatch(/^And \d+ more changes\.$/);
    expect(Math.max(...changes.map((c) => c.length))).toBeLessThanOrEqual(300);
  });
});
