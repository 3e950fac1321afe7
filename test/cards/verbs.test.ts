import { describe, expect, it } from 'vitest';
import { CARD_VERBS, mergeSubmission, parseCardAction } from '../../src/cards/verbs.js';

const meetingId = 'mtg-2026-0042';
const ok = (verb: string, data: unknown) => {
  const parsed = parseCardAction(verb, data);
  if (!parsed.ok) throw new Error(`${verb} refused: ${JSON.stringify(parsed.problems)}`);
  return parsed.submission.data;
};
const problems = (verb: string, data: unknown) => {
  const parsed = parseCardAction(verb, data);
  if (parsed.ok) throw new Error(`${verb} accepted ${JSON.stringify(data)}`);
  return parsed.problems;
};

/** The one verb that has no meeting yet: it creates it. */
const CREATES_A_MEETING = ['meeting.create'];

/** One payload per verb, as a chat client sends it: inputs as strings. */
const GOOD: Record<string, Record<string, unknown>> = {
  'meeting.create': {
    childRef: 'PEP-2026-0042',
    childInitials: 'JD',
    yearGroup: '7',
    date: '2026-12-04',
    time: '10:00',
    durationMinutes: '60',
    place: '',
    onlineUrl: 'https://teams.microsoft.com/l/meetup-join/abc',
    organiserRole: 'social_worker',
    participants: 'Dana Teacher, dana@school.example.org, designated_teacher',
  },
  rsvp: { meetingId, participantId: 'p1', answer: 'written_contribution', note: '' },
  'meeting.reschedule': { meetingId, newDate: '2026-12-11', newTime: '14:30' },
  'contribution.submit': { meetingId, contributionId: 'c1', attendancePercent: '91.5', attainment: 'Expected standard', exclusions: '0', text: '' },
  'agenda.signOff': { meetingId },
  'agenda.suggest': { meetingId, title: 'Transition to Year 7' },
  'agenda.lock': { meetingId, confirmed: true },
  'agenda.accept': { meetingId, itemId: 'a8' },
  'agenda.decline': { meetingId, itemId: 'a8' },
  'review.record': { meetingId, previousActionId: 'pa1', outcome: 'in_progress', evidence: 'Tutor booked.' },
  'action.acknowledge': { meetingId, actionId: 'act1' },
  'goal.add': { meetingId, title: 'Read at the expected standard', specific: 'Read aloud', measurable: '', timeBound: '2026-07-17', agendaItemId: '' },
  'nudge.done': { meetingId, actionId: 'act1' },
  'nudge.moreTime': { meetingId, actionId: 'act1', newDueDate: '2026-03-27' },
  'nudge.blocked': { meetingId, actionId: 'act1', blockedReason: 'Waiting for the report from school.' },
  'prompt.answer': { meetingId, promptId: 'pr1', kind: 'child_voice', feeling: '4', goingWell: 'Maths', hard: '', want: 'A quiet place to read' },
  'plan.signOff': { meetingId, planVersion: 7 },
  'card.refresh': { meetingId, card: 'live-actions' },
  'child.handover': { meetingId, school: 'Southfield Academy', teacherName: 'Pat Newton', teacherEmail: 'dt@southfield.sch.uk' },
  'attendance.record': { meetingId, roster: '3f2a9c0b7d1e', status1: 'attended', status2: 'apologies', reason2: 'Hospital appointment', status3: '' },
  'evidence.submit': { meetingId, attendancePercent: '88.5', suspensionDays: '0', permanentlyExcluded: 'no', english: 'expected', maths: '', science: 'below' },
  'qa.submit': { meetingId },
  'qa.approve': { meetingId, rag: 'green', feedback: '' },
  'qa.return': { meetingId, rag: '', feedback: 'Good targets', reason: 'Name the tutor' },
  'transition.save': { meetingId, pathway: 'GCSEs', careersGuidance: 'Adviser in January', post16Options: 'College' },
  'funding.approve': { meetingId, requestId: 'ppp1', note: '' },
  'funding.reject': { meetingId, requestId: 'ppp1', note: 'Use the school budget' },
  'funding.query': { meetingId, requestId: 'ppp1', note: 'Which provider?' },
  'funding.answer': { meetingId, requestId: 'ppp1', answer: 'Reading Matters Ltd' },
};

describe('parseCardAction', () => {
  it('has a good payload here for every verb', () => {
    expect(Object.keys(GOOD).sort()).toEqual([...CARD_VERBS].sort());
  });

  it.each(Object.entries(GOOD))('accepts a good %s payload', (verb, data) => {
    expect(ok(verb, data)).toMatchObject(CREATES_A_MEETING.includes(verb) ? {} : { meetingId });
  });

  it.each(CARD_VERBS.filter((verb) => !CREATES_A_MEETING.includes(verb)))('refuses %s without a meeting id', (verb) => {
    const rest: Record<string, unknown> = { ...GOOD[verb] };
    delete rest.meetingId;
    expect(problems(verb, rest)).toContainEqual(expect.objectContaining({ field: 'meetingId' }));
  });

  it('turns input strings into the domain’s types and blank answers into no answer', () => {
    expect(ok('contribution.submit', GOOD['contribution.submit'])).toEqual({
      meetingId,
      contributionId: 'c1',
      attendancePercent: 91.5,
      attainment: 'Expected standard',
      exclusions: 0,
    });
    expect(ok('prompt.answer', GOOD['prompt.answer'])).toEqual({
      meetingId,
      promptId: 'pr1',
      kind: 'child_voice',
      feeling: 4,
      goingWell: 'Maths',
      want: 'A quiet place to read',
    });
  });

  it('accepts numbers as the web page sends them', () => {
    expect(ok('prompt.answer', { meetingId, promptId: 'pr1', kind: 'carer', mood: 2 })).toMatchObject({ mood: 2 });
  });

  it('ignores keys it does not read, such as other inputs in a Slack message or Teams’ verb', () => {
    expect(ok('nudge.done', { meetingId, actionId: 'act1', newDueDate: '', blockedReason: '', verb: 'nudge.done' })).toEqual({ meetingId, actionId: 'act1' });
  });

  it('says what is wrong, field by field, in words a person can act on', () => {
    expect(problems('contribution.submit', { meetingId, contributionId: 'c1', attendancePercent: 'ninety', exclusions: '1.5' })).toEqual([
      { field: 'attendancePercent', message: 'Enter a number from 0 to 100.' },
      { field: 'exclusions', message: 'Enter a whole number from 0 to 365.' },
    ]);
    expect(problems('prompt.answer', { meetingId, promptId: 'pr1', kind: 'carer', mood: '' })).toEqual([
      { field: 'mood', message: 'Choose the answer closest to how things have been.' },
    ]);
    expect(problems('nudge.moreTime', { meetingId, actionId: 'act1', newDueDate: '' })).toEqual([{ field: 'newDueDate', message: 'Choose the new due date.' }]);
    expect(problems('nudge.blocked', { meetingId, actionId: 'act1', blockedReason: '   ' })).toEqual([
      { field: 'blockedReason', message: 'Say what is blocking the action, so the organiser can help.' },
    ]);
  });

  it('refuses a bad choice, a bad answer kind and an unknown card', () => {
    expect(problems('rsvp', { ...GOOD.rsvp, answer: 'maybe' })).toContainEqual(expect.objectContaining({ field: 'answer' }));
    expect(problems('review.record', { ...GOOD['review.record'], outcome: 'great' })).toContainEqual(expect.objectContaining({ field: 'outcome' }));
    expect(problems('prompt.answer', { ...GOOD['prompt.answer'], kind: 'teacher' })).toContainEqual(expect.objectContaining({ field: 'kind' }));
    expect(problems('prompt.answer', { ...GOOD['prompt.answer'], feeling: '6' })).toContainEqual(expect.objectContaining({ field: 'feeling' }));
    expect(problems('card.refresh', { meetingId, card: 'agenda' })).toContainEqual(expect.objectContaining({ field: 'card' }));
  });

  it('refuses an unknown verb and a payload that is not an object', () => {
    expect(problems('meeting.delete', { meetingId })).toEqual([{ field: '', message: 'Unknown card action "meeting.delete".' }]);
    expect(problems('rsvp', null)).toHaveLength(1);
  });

  it('keeps text within the domain’s limits', () => {
    expect(problems('agenda.suggest', { meetingId, title: 'x'.repeat(201) })).toEqual([{ field: 'title', message: 'Please keep this under 200 characters.' }]);
  });
});

describe('mergeSubmission', () => {
  it('lets the button’s own data win over anything typed', () => {
    expect(mergeSubmission({ meetingId, actionId: 'act1' }, { meetingId: 'someone-elses', blockedReason: 'x' })).toEqual({
      meetingId,
      actionId: 'act1',
      blockedReason: 'x',
    });
  });
});
