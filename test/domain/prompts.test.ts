import { describe, expect, it } from 'vitest';
import { Scenario, expectRefusal } from './scenario.js';

describe('carer and child prompts', () => {
  it('the carer answers their own prompt; the latest answer counts', () => {
    const s = new Scenario().invited();
    s.run(s.organiser, { type: 'sendPrompt', participantId: s.id('carer'), kind: 'carer' });
    const promptId = s.meeting.prompts[0]!.id;
    s.run(s.id('carer'), { type: 'answerPrompt', promptId, answer: { kind: 'carer', mood: 2 } }, 'web');
    const change = s.run(s.id('carer'), { type: 'answerPrompt', promptId, answer: { kind: 'carer', mood: 4, toRaise: 'Homework at weekends' } }, 'web');
    expect(s.meeting.prompts[0]).toMatchObject({ answer: { kind: 'carer', mood: 4, toRaise: 'Homework at weekends' }, answeredAt: s.at });
    expect(change.events[0]).toMatchObject({ channel: 'web', summary: 'Prompt re-answered (carer)' });
  });

  it('nobody else can answer for them', () => {
    const s = new Scenario().invited();
    s.run(s.organiser, { type: 'sendPrompt', participantId: s.id('child'), kind: 'child_voice' });
    const promptId = s.meeting.prompts[0]!.id;
    expect(expectRefusal(s, s.organiser, { type: 'answerPrompt', promptId, answer: { kind: 'child_voice', feeling: 5 } }).code).toBe('PERMISSION.NOT_ADDRESSEE');
  });

  it('each prompt goes to its own role, and answers must match the prompt', () => {
    const s = new Scenario().invited();
    expect(expectRefusal(s, s.organiser, { type: 'sendPrompt', participantId: s.id('designated_teacher'), kind: 'carer' }).code).toBe('PROMPT.WRONG_ROLE');
    s.run(s.organiser, { type: 'sendPrompt', participantId: s.id('child'), kind: 'child_voice' });
    const promptId = s.meeting.prompts[0]!.id;
    expect(expectRefusal(s, s.id('child'), { type: 'answerPrompt', promptId, answer: { kind: 'carer', mood: 3 } }).code).toBe('VALIDATION.INVALID_INPUT');
    s.run(s.id('child'), { type: 'answerPrompt', promptId, answer: { kind: 'child_voice', feeling: 4, goingWell: 'Art', hard: 'Maths', want: 'Join the football club' } });
    expect(s.meeting.prompts[0]!.answer).toMatchObject({ want: 'Join the football club' });
  });

  it('refuses an emoji scale outside 1 to 5', () => {
    const s = new Scenario().invited();
    s.run(s.organiser, { type: 'sendPrompt', participantId: s.id('carer'), kind: 'carer' });
    expect(() => s.run(s.id('carer'), { type: 'answerPrompt', promptId: s.meeting.prompts[0]!.id, answer: { kind: 'carer', mood: 9 } })).toThrow();
  });
});
