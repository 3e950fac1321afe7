import { describe, expect, it } from 'vitest';
import { parseChatCommand } from '../../src/app/chat/parse-chat-command.js';

// Wednesday 25 November 2026, 10:00 in London.
const now = new Date('2026-11-25T10:00:00Z');
const parse = (text: string) => parseChatCommand(text, now, 'Europe/London');

describe('the child command', () => {
  it('on its own asks where the clock stands', () => {
    expect(parse('child pep-2026-0042')).toEqual({ ok: true, command: { kind: 'child', childRef: 'PEP-2026-0042' } });
  });

  it.each([
    ['child PEP-2026-0042 entered care 2026-11-02', '2026-11-02'],
    ['child PEP-2026-0042 entered care on 2 November', '2026-11-02'],
    ['Child: PEP-2026-0042 entered care today', '2026-11-25'],
  ])('reads entering care: "%s"', (text, on) => {
    expect(parse(text)).toEqual({ ok: true, command: { kind: 'child', childRef: 'PEP-2026-0042', record: { type: 'recordEnteredCare', on } } });
  });

  it('reads a school move with the school, the date and the new designated teacher, in either order', () => {
    const record = { type: 'recordSchoolChange', school: 'St Mary’s C of E Academy', on: '2026-11-09', designatedTeacherEmail: 'dt@stmarys.sch.uk' };
    expect(parse('child PEP-2026-0042 moved school St Mary’s C of E Academy on 9 November teacher DT@StMarys.sch.uk')).toEqual({ ok: true, command: { kind: 'child', childRef: 'PEP-2026-0042', record } });
    expect(parse('child PEP-2026-0042 changed school St Mary’s C of E Academy teacher dt@stmarys.sch.uk on 2026-11-09')).toEqual({ ok: true, command: { kind: 'child', childRef: 'PEP-2026-0042', record } });
  });

  it('reads a placement move', () => {
    expect(parse('child PEP-2026-0042 moved placement on 2026-11-20')).toEqual({ ok: true, command: { kind: 'child', childRef: 'PEP-2026-0042', record: { type: 'recordPlacementChange', on: '2026-11-20' } } });
  });

  it('says what is missing from a school move, keeping the text', () => {
    expect(parse('child PEP-2026-0042 moved school Southfield Academy teacher not-an-email')).toEqual({
      ok: false,
      problem: {
        text: 'child PEP-2026-0042 moved school Southfield Academy teacher not-an-email',
        understood: ['the child PEP-2026-0042', 'a change of school', 'the new school'],
        missing: ['the date it happened (for example "on 2 November" or "on 2026-11-02")', 'the new designated teacher\'s email (for example "teacher dt@southfield.sch.uk")'],
      },
    });
  });

  it('asks for the reference, and for what happened', () => {
    expect(parse('child entered care today')).toMatchObject({ ok: false, problem: { missing: ['what happened: "entered care", "moved school" or "moved placement"'] } });
    expect(parse('child')).toMatchObject({ ok: false, problem: { missing: ['the PEP reference, for example PEP-2026-0042'] } });
    expect(parse('child PEP-2026-0042 got a dog')).toMatchObject({ ok: false, problem: { understood: ['the child PEP-2026-0042'] } });
  });
});
