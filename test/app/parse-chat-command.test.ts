import { describe, expect, it } from 'vitest';
import { parseChatCommand } from '../../src/app/chat/parse-chat-command.js';

// Wednesday 25 November 2026, 10:00 in London.
const now = new Date('2026-11-25T10:00:00Z');
const parse = (text: string, at = now) => parseChatCommand(text, at, 'Europe/London');

describe('typed commands', () => {
  it('reads an action with a mention, a description and "by Friday"', () => {
    expect(parse('action @{0} send the reading report by Friday')).toEqual({
      ok: true,
      command: { kind: 'action', owner: { kind: 'mention', index: 0 }, description: 'send the reading report', dueDate: '2026-11-27' },
    });
  });

  it.each([
    ['action @Sam book the tutor in two weeks', 'Sam', 'book the tutor', '2026-12-09'],
    ['Action: @Sam chase the EHCP review 15 Jan', 'Sam', 'chase the EHCP review', '2027-01-15'],
    ['action @Dana Teacher send attendance figures due next Tuesday', 'Dana Teacher', 'send attendance figures', '2026-12-01'],
    ['action @Chris take JD to the library on Saturday', 'Chris', 'take JD to the library', '2026-11-28'],
  ])('"%s"', (text, name, description, dueDate) => {
    expect(parse(text)).toEqual({ ok: true, command: { kind: 'action', owner: { kind: 'name', text: name }, description, dueDate } });
  });

  it('resolves dates in London across the clocks going forward', () => {
    // Saturday 27 March 2027 23:30 GMT; "tomorrow" is Sunday 28 March, the day BST starts.
    const result = parse('action @{0} phone the school tomorrow', new Date('2027-03-27T23:30:00Z'));
    expect(result).toMatchObject({ ok: true, command: { dueDate: '2027-03-28' } });
    // 00:30 BST on 29 March is still 28 March in UTC: the local day is what counts.
    expect(parse('next review in 2 weeks', new Date('2027-03-28T23:30:00Z'))).toEqual({ ok: true, command: { kind: 'nextReview', date: '2027-04-12' } });
  });

  it('says what it understood and what is missing, keeping the text', () => {
    expect(parse('action send the report')).toEqual({
      ok: false,
      problem: {
        text: 'action send the report',
        understood: ['an action', 'what to do'],
        missing: ['who it is for (start with @ and their name)', 'when it is due (for example "by Friday" or "by 15 Jan")'],
      },
    });
    expect(parse('action @{1} by Friday')).toMatchObject({ ok: false, problem: { understood: ['an action', 'who it is for', 'due Friday 27 November 2026'], missing: ['what needs doing'] } });
  });

  it('reads the other commands', () => {
    expect(parse('note Attendance is up to 94%')).toEqual({ ok: true, command: { kind: 'note', text: 'Attendance is up to 94%' } });
    expect(parse('goal Reading age')).toEqual({ ok: true, command: { kind: 'goal', title: 'Reading age' } });
    expect(parse('link pep-2026-0042')).toEqual({ ok: true, command: { kind: 'link', childRef: 'PEP-2026-0042' } });
    expect(parse('next review 10 March')).toEqual({ ok: true, command: { kind: 'nextReview', date: '2027-03-10' } });
    for (const kind of ['status', 'help', 'start', 'review', 'close', 'agenda']) expect(parse(` ${kind.toUpperCase()} `)).toEqual({ ok: true, command: { kind } });
  });

  it('an action about a review is still an action', () => {
    expect(parse('action @{0} review the report by Friday')).toMatchObject({ ok: true, command: { kind: 'action', description: 'review the report' } });
  });

  it('an unknown word lists the commands', () => {
    expect(parse('please do the thing')).toMatchObject({ ok: false, problem: { understood: [], missing: [expect.stringContaining('action, goal, note')] } });
  });
});

describe('plain-English dates across the October clock change', () => {
  it('"in two weeks" from just after midnight BST counts calendar days', () => {
    // 00:30 BST on Sunday 25 October 2026 is 23:30 UTC on the 24th; the clocks go back at 02:00.
    expect(parse('next review in two weeks', new Date('2026-10-24T23:30:00Z'))).toEqual({ ok: true, command: { kind: 'nextReview', date: '2026-11-08' } });
    expect(parse('next review on Monday', new Date('2026-10-24T23:30:00Z'))).toEqual({ ok: true, command: { kind: 'nextReview', date: '2026-10-26' } });
  });
});

describe('"by Friday" across both clock changes', () => {
  const byFriday = (at: string) => parse('action @{0} send the report by Friday', new Date(at));

  it('said on the Saturday before the clocks go forward, is the Friday after', () => {
    // 23:59 GMT on Saturday 28 March 2026; BST starts at 01:00 GMT on Sunday the 29th.
    expect(byFriday('2026-03-28T23:59:00Z')).toMatchObject({ ok: true, command: { dueDate: '2026-04-03' } });
    // 00:30 BST on Monday 30 March is still Sunday in UTC: the local day is what counts.
    expect(byFriday('2026-03-29T23:30:00Z')).toMatchObject({ ok: true, command: { dueDate: '2026-04-03' } });
  });

  it('said late on the Friday before the clocks go back, is the Friday after', () => {
    // 23:30 UTC on Friday 23 October 2026 is 00:30 BST on Saturday the 24th: Friday has gone.
    expect(byFriday('2026-10-23T23:30:00Z')).toMatchObject({ ok: true, command: { dueDate: '2026-10-30' } });
    // 00:30 BST on Sunday the 25th, before the clocks go back at 02:00.
    expect(byFriday('2026-10-24T23:30:00Z')).toMatchObject({ ok: true, command: { dueDate: '2026-10-30' } });
    // 23:30 GMT on Thursday the 29th, after the change: Friday is tomorrow.
    expect(byFriday('2026-10-29T23:30:00Z')).toMatchObject({ ok: true, command: { dueDate: '2026-10-30' } });
  });
});

describe('the organiser’s reminder commands', () => {
  it.each([
    ['reminders', { kind: 'reminders', preview: false }],
    ['Reminders preview', { kind: 'reminders', preview: true }],
    ['questions', { kind: 'questions', now: false }],
    ['questions NOW', { kind: 'questions', now: true }],
  ])('"%s"', (text, command) => {
    expect(parse(text)).toEqual({ ok: true, command });
  });

  it('says what it takes when more words follow', () => {
    expect(parse('questions tomorrow')).toEqual({ ok: false, problem: { text: 'questions tomorrow', understood: ['questions'], missing: ['"questions" on its own, or "questions now"'] } });
  });
});
