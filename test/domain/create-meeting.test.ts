import { describe, expect, it } from 'vitest';
import { parseInput } from '../../src/app/parse-input.js';
import { CreateMeetingSchema } from '../../src/domain/commands.js';
import { DEFAULT_AGENDA_TITLES } from '../../src/domain/agenda.js';
import { createMeeting } from '../../src/domain/create-meeting.js';
import { MeetingSchema } from '../../src/domain/model.js';
import { initialsOf } from '../../src/domain/participants.js';
import { NOW, Scenario, counterIds, createInput } from './scenario.js';

const create = (input: unknown) =>
  createMeeting(parseInput(CreateMeetingSchema, input), { channel: 'slack', at: NOW, newId: counterIds() });

describe('creating a PEP meeting', () => {
  it('starts as a valid draft with the organiser, participants and the default agenda', () => {
    const { meeting, events } = new Scenario().changes[0]!;
    expect(MeetingSchema.parse(meeting)).toEqual(meeting);
    expect(meeting.status).toBe('draft');
    expect(meeting.version).toBe(1);
    expect(meeting.timeZone).toBe('Europe/London');
    expect(meeting.participants.map((p) => p.role)).toEqual(['social_worker', 'designated_teacher', 'carer', 'child', 'virtual_school_officer']);
    expect(meeting.organiserId).toBe(meeting.participants[0]!.id);
    expect(meeting.agenda.items.map((i) => i.title)).toEqual([...DEFAULT_AGENDA_TITLES]);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'createMeeting', actorId: meeting.organiserId, channel: 'teams', at: NOW });
  });

  it('derives initials so group chats never need a full name', () => {
    expect(initialsOf('Jordan Doe')).toBe('JD');
    expect(initialsOf('Ana María de la Cruz')).toBe('AC');
    expect(initialsOf('Zoë')).toBe('Z');
    const meeting = new Scenario().meeting;
    expect(meeting.participants.find((p) => p.role === 'carer')!.initials).toBe('CC');
  });

  it('refuses an unknown role with a message that names it', () => {
    const input = { ...createInput, participants: [{ name: 'Pat', role: 'headteacher' }] };
    expect(() => create(input)).toThrow(/Unknown role "headteacher"/);
    try {
      create(input);
    } catch (error) {
      expect(error).toMatchObject({ code: 'VALIDATION.INVALID_INPUT' });
      expect((error as { details: { problems: { field: string }[]; input: unknown } }).details.problems[0]!.field).toBe('participants.0.role');
      expect((error as { details: { input: unknown } }).details.input).toEqual(input);
    }
  });

  it('refuses a child reference that is not pseudonymous-looking, and bad initials', () => {
    expect(() => create({ ...createInput, child: { ref: 'jordan doe', initials: 'JD' } })).toThrow(/PEP reference/);
    expect(() => create({ ...createInput, child: { ref: 'PEP-1', initials: 'Jordan' } })).toThrow(/Initials/);
  });

  it('refuses the same person twice', () => {
    const input = { ...createInput, participants: [...createInput.participants, { name: 'Dana Again', role: 'senco', email: 'DANA@school.example.org' }] };
    expect(() => create(input)).toThrow(expect.objectContaining({ code: 'PARTICIPANT.DUPLICATE' }));
  });

  it('refuses a start time in the past and an unknown time zone', () => {
    expect(() => create({ ...createInput, startsAt: '2026-11-01T10:00:00Z' })).toThrow(/must start in the future/);
    expect(() => create({ ...createInput, timeZone: 'Mars/Olympus' })).toThrow(/not a time zone/);
  });

  it('only accepts https links for online meetings', () => {
    expect(() => create({ ...createInput, location: { kind: 'online', url: 'javascript:alert(1)' } })).toThrow(
      expect.objectContaining({ code: 'VALIDATION.INVALID_INPUT' }),
    );
  });
});
