import { describe, expect, it } from 'vitest';
import { missingSmartParts } from '../../src/domain/goals.js';
import { Scenario, expectRefusal } from './scenario.js';

const smart = {
  type: 'addGoal',
  title: 'Reading',
  specific: 'Read a chapter book of their choice each week',
  measurable: 'Reading age from 9.0 to 10.0 on the spring test',
  achievable: 'Daily 20-minute sessions with the carer; tutor twice a week',
  relevant: 'Reading is the barrier in every subject',
  timeBound: '2027-03-31',
};

describe('SMART goals', () => {
  it('accepts a goal with all five parts, during the meeting', () => {
    const s = new Scenario().inProgress();
    s.run(s.id('designated_teacher'), smart);
    expect(s.meeting.goals[0]).toMatchObject({ title: 'Reading', timeBound: '2027-03-31', createdBy: s.id('designated_teacher') });
  });

  it.each([
    ['specific', 'SMART.MISSING_SPECIFIC', /Specific/],
    ['measurable', 'SMART.MISSING_MEASURE', /Measurable/],
    ['achievable', 'SMART.MISSING_ACHIEVABLE', /Achievable/],
    ['relevant', 'SMART.MISSING_RELEVANT', /Relevant/],
    ['timeBound', 'SMART.MISSING_TIME', /Time-bound/],
  ])('refuses a goal without %s, naming it', (field, code, words) => {
    const s = new Scenario().inProgress();
    const refusal = expectRefusal(s, s.organiser, { ...smart, [field]: field === 'timeBound' ? undefined : '   ' });
    expect(refusal.code).toBe(code);
    expect(refusal.message).toMatch(words);
    expect(refusal.details.missing).toEqual([field]);
  });

  it('names every missing part at once', () => {
    const s = new Scenario().inProgress();
    const refusal = expectRefusal(s, s.organiser, { type: 'addGoal', title: 'Maths', specific: 'Times tables' });
    expect(refusal.code).toBe('SMART.MISSING_MEASURE');
    expect(refusal.details.missing).toEqual(['measurable', 'achievable', 'relevant', 'timeBound']);
    expect(refusal.message).toMatch(/Measurable.*Achievable.*Relevant.*Time-bound/);
    expect(missingSmartParts({ specific: 'x', measurable: 'y' })).toEqual(['achievable', 'relevant', 'timeBound']);
  });

  it('refuses a "by when" date that is not in the future', () => {
    const s = new Scenario().inProgress();
    expect(expectRefusal(s, s.organiser, { ...smart, timeBound: '2026-11-25' }).code).toBe('SMART.MISSING_TIME');
  });

  it('goals are set during the meeting only', () => {
    const s = new Scenario().agreed();
    expect(expectRefusal(s, s.organiser, smart).code).toBe('MEETING.WRONG_STATUS');
  });

  it('links support and resources to a goal', () => {
    const s = new Scenario().inProgress();
    s.run(s.organiser, smart);
    const goalId = s.meeting.goals[0]!.id;
    s.run(s.id('virtual_school_officer'), { type: 'linkResource', goalId, kind: 'pupil_premium_plus', description: 'Reading tutor, 10 sessions', costPence: 45000 });
    expect(s.meeting.resources[0]).toMatchObject({ goalId, kind: 'pupil_premium_plus', costPence: 45000 });
    expect(expectRefusal(s, s.organiser, { type: 'linkResource', goalId: 'nope', kind: 'tutoring', description: 'x' }).code).toBe('GOAL.NOT_FOUND');
  });
});
