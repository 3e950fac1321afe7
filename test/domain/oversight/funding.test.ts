import { describe, expect, it } from 'vitest';
import type { FundingRequest } from '../../../src/domain/funding/funding-request.js';
import { FundingSettingsSchema } from '../../../src/domain/funding/funding-settings.js';
import { childSpend, overAllocationBy } from '../../../src/domain/funding/spend.js';
import { DEFAULT_COUNCIL_SETTINGS } from '../../../src/domain/oversight/council-settings.js';
import type { QaScenario } from './qa-scenario.js';
import { readyToSubmit } from './qa-scenario.js';

function refusal(run: () => unknown): { code: string; message: string } {
  try {
    run();
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error('expected a refusal');
}

function requested(): { s: QaScenario; requestId: string } {
  const s = readyToSubmit();
  const resourceId = s.meeting.resources[0]!.id;
  const change = s.asOrganiser({ type: 'requestPupilPremium', resourceId, interventionType: 'One-to-one tuition' });
  return { s, requestId: change.meeting.funding![0]!.id };
}

describe('Pupil Premium Plus requests', () => {
  it('a costed PP+ support item linked to a target becomes a request for the officer', () => {
    const { s, requestId } = requested();
    expect(s.meeting.funding![0]).toMatchObject({ id: requestId, amountPence: 45000, goalId: s.meeting.goals[0]!.id, interventionType: 'One-to-one tuition', status: 'requested', academicYear: '2026-27', term: 'autumn' });
    expect(s.changes.at(-1)!.alerts).toEqual([{ kind: 'funding_review_due', requestId }]);
    expect(refusal(() => s.asOrganiser({ type: 'requestPupilPremium', resourceId: s.meeting.resources[0]!.id, interventionType: 'Again' })).code).toBe('FUNDING.ALREADY_REQUESTED');
  });

  it('refuses support that is not PP+, or has no cost', () => {
    const s = readyToSubmit();
    const goalId = s.meeting.goals[0]!.id;
    // Support items are linked during the meeting; a closed one's are read as they were left.
    const tutoring = { ...s.meeting.resources[0]!, id: 'r-tutor', kind: 'tutoring' as const };
    const free = { ...s.meeting.resources[0]!, id: 'r-free', costPence: undefined, goalId };
    s.meeting = { ...s.meeting, resources: [...s.meeting.resources, tutoring, free] };
    expect(refusal(() => s.asOrganiser({ type: 'requestPupilPremium', resourceId: 'r-tutor', interventionType: 'Tuition' })).code).toBe('FUNDING.NOT_PUPIL_PREMIUM');
    expect(refusal(() => s.asOrganiser({ type: 'requestPupilPremium', resourceId: 'r-free', interventionType: 'Tuition' })).code).toBe('FUNDING.NO_COST');
    expect(refusal(() => s.asOrganiser({ type: 'requestPupilPremium', resourceId: 'r-none', interventionType: 'Tuition' })).code).toBe('FUNDING.RESOURCE_NOT_FOUND');
  });

  it('no PEP, no premium: approved on an unapproved plan waits, and is released when the plan is approved', () => {
    const { s, requestId } = requested();
    s.asOfficer({ type: 'decideFunding', requestId, decision: 'approve' });
    expect(s.meeting.funding![0]).toMatchObject({ status: 'approved', decidedBy: 'officer:vs-amy' });
    expect(s.meeting.funding![0]!.releasedAt).toBeUndefined();
    s.asOrganiser({ type: 'submitPlan' });
    const approved = s.asOfficer({ type: 'approvePlan', rag: 'green' });
    expect(approved.meeting.funding![0]).toMatchObject({ status: 'released', releasedAt: s.at });
    expect(approved.alerts).toContainEqual({ kind: 'funding_decided', requestId });
  });

  it('approved on an approved plan is released at once', () => {
    const s = readyToSubmit();
    s.asOrganiser({ type: 'submitPlan' });
    s.asOfficer({ type: 'approvePlan', rag: 'green' });
    s.asOrganiser({ type: 'requestPupilPremium', resourceId: s.meeting.resources[0]!.id, interventionType: 'Tuition' });
    s.asOfficer({ type: 'decideFunding', requestId: s.meeting.funding![0]!.id, decision: 'approve' });
    expect(s.meeting.funding![0]!.status).toBe('released');
  });

  it('a query needs a question, the organiser answers, and the officer decides again', () => {
    const { s, requestId } = requested();
    expect(refusal(() => s.asOfficer({ type: 'decideFunding', requestId, decision: 'query', note: '' })).code).toBe('FUNDING.QUESTION_REQUIRED');
    expect(refusal(() => s.asOrganiser({ type: 'answerFundingQuery', requestId, answer: 'Early' })).code).toBe('FUNDING.NOT_QUERIED');
    s.asOfficer({ type: 'decideFunding', requestId, decision: 'query', note: 'Which tutoring provider?' });
    expect(s.meeting.funding![0]).toMatchObject({ status: 'queried', question: 'Which tutoring provider?' });
    const answered = s.asOrganiser({ type: 'answerFundingQuery', requestId, answer: 'Reading Matters Ltd' });
    expect(answered.meeting.funding![0]).toMatchObject({ status: 'requested', answer: 'Reading Matters Ltd' });
    expect(answered.alerts).toEqual([{ kind: 'funding_review_due', requestId }]);
    s.asOfficer({ type: 'decideFunding', requestId, decision: 'reject', note: 'Use the school budget' });
    expect(s.meeting.funding![0]).toMatchObject({ status: 'rejected', decisionNote: 'Use the school budget' });
    expect(refusal(() => s.asOfficer({ type: 'decideFunding', requestId, decision: 'approve' })).code).toBe('FUNDING.ALREADY_DECIDED');
  });

  it('only an officer decides; only the organiser asks', () => {
    const { s, requestId } = requested();
    expect(refusal(() => s.oversee({ participantId: s.organiser }, { type: 'decideFunding', requestId, decision: 'approve' })).code).toBe('PERMISSION.NOT_OFFICER');
    expect(refusal(() => s.asOfficer({ type: 'requestPupilPremium', resourceId: s.meeting.resources[0]!.id, interventionType: 'X' })).code).toBe('PERMISSION.NOT_PARTICIPANT');
  });
});

describe('spend against the allocation', () => {
  const request = (amountPence: number, status: FundingRequest['status'], term: FundingRequest['term'] = 'autumn', academicYear = '2026-27'): FundingRequest => ({
    id: `r${amountPence}${status}`,
    resourceId: 'res',
    goalId: 'g',
    amountPence,
    interventionType: 'Tuition',
    academicYear,
    term,
    status,
    requestedBy: 'p',
    requestedAt: '2026-11-25T10:00:00Z',
  });

  it('defaults to £2,630 per child (2025-26)', () => {
    expect(DEFAULT_COUNCIL_SETTINGS.funding).toEqual({ pupilPremiumPlusPerChildPence: 263000, rateYear: '2025-26' });
  });

  it('counts approved and released money per term in the year, and says when a request would exceed what is left', () => {
    const settings = FundingSettingsSchema.parse({ pupilPremiumPlusPerChildPence: 100000 });
    const requests = [request(40000, 'released'), request(30000, 'approved', 'spring'), request(99999, 'rejected'), request(50000, 'released', 'summer', '2025-26')];
    const spend = childSpend(requests, '2026-27', settings);
    expect(spend).toEqual({ academicYear: '2026-27', allocationPence: 100000, committedPence: 70000, releasedPence: 40000, remainingPence: 30000, committedByTerm: { autumn: 40000, spring: 30000, summer: 0 } });
    expect(overAllocationBy(request(30001, 'requested'), spend)).toBe(1);
    expect(overAllocationBy(request(30000, 'requested'), spend)).toBe(0);
    // Already approved, it is in the spend: not counted twice.
    expect(overAllocationBy(request(40000, 'released'), spend)).toBe(0);
  });

  it('counts against the school term of the day it is asked for, by the council’s term dates: a holiday with the term after it', () => {
    const inHoliday = readyToSubmit();
    inHoliday.at = '2026-12-23T10:00:00Z';
    inHoliday.asOrganiser({ type: 'requestPupilPremium', resourceId: inHoliday.meeting.resources[0]!.id, interventionType: 'Tuition' });
    expect(inHoliday.meeting.funding![0]).toMatchObject({ academicYear: '2026-27', term: 'spring' });

    const ownDates = readyToSubmit();
    ownDates.at = '2027-08-27T10:00:00Z';
    ownDates.schoolTerms = [{ name: 'Term 1', start: '2027-08-26', halfTermStart: '2027-10-18', halfTermEnd: '2027-10-22', end: '2027-12-17' }];
    ownDates.asOrganiser({ type: 'requestPupilPremium', resourceId: ownDates.meeting.resources[0]!.id, interventionType: 'Tuition' });
    expect(ownDates.meeting.funding![0]).toMatchObject({ academicYear: '2027-28', term: 'autumn' });
  });
});
