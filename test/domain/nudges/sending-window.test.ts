import { afterEach, describe, expect, it } from 'vitest';
import { installBankHolidays } from '../../../src/bank-holidays.js';
import { useBankHolidays } from '../../../src/domain/nudges/calendar.js';
import { DEFAULT_NUDGE_SETTINGS, nextAllowedSendingTime, sendingWindow } from '../../../src/domain/nudges/index.js';
import type { NudgePreferences } from '../../../src/domain/nudges/index.js';
import { sendOnDay } from '../../../src/domain/nudges/sending-window.js';

const london = (preferences?: NudgePreferences) => sendingWindow('Europe/London', DEFAULT_NUDGE_SETTINGS, preferences);
const everyDay: NudgePreferences = { days: [1, 2, 3, 4, 5, 6, 7], bankHolidays: true };

describe('next allowed sending time', () => {
  it('keeps a time inside the window as it is', () => {
    expect(nextAllowedSendingTime('2026-03-17T10:15:00Z', london())).toBe('2026-03-17T10:15:00Z');
  });

  it('moves an evening instant to 08:00 the next working morning', () => {
    expect(nextAllowedSendingTime('2026-03-17T19:00:00Z', london())).toBe('2026-03-18T08:00:00Z');
    expect(nextAllowedSendingTime('2026-03-18T06:30:00Z', london())).toBe('2026-03-18T08:00:00Z');
  });

  it('skips weekends, and Christmas with its substitute Boxing Day', () => {
    expect(nextAllowedSendingTime('2026-03-20T18:30:00Z', london())).toBe('2026-03-23T08:00:00Z');
    expect(nextAllowedSendingTime('2026-12-24T19:00:00Z', london())).toBe('2026-12-29T08:00:00Z');
    expect(nextAllowedSendingTime('2027-05-01T10:00:00Z', london())).toBe('2027-05-04T07:00:00Z');
  });

  it('lands a 09:00 nudge on the Monday after the clocks change at 08:00Z in March and 09:00Z in October', () => {
    expect(sendOnDay('2026-03-30', london())).toBe('2026-03-30T08:00:00Z');
    expect(sendOnDay('2026-10-26', london())).toBe('2026-10-26T09:00:00Z');
    // Friday before each change, for contrast.
    expect(sendOnDay('2026-03-27', london())).toBe('2026-03-27T09:00:00Z');
    expect(sendOnDay('2026-10-23', london())).toBe('2026-10-23T08:00:00Z');
  });

  it('starts the quiet hours at 18:00 local time on the days the clocks change', () => {
    const window = london(everyDay);
    // 29 March 2026: BST from 01:00Z, so 18:00 local is 17:00Z.
    expect(nextAllowedSendingTime('2026-03-29T16:59:00Z', window)).toBe('2026-03-29T16:59:00Z');
    expect(nextAllowedSendingTime('2026-03-29T17:00:00Z', window)).toBe('2026-03-30T07:00:00Z');
    // 25 October 2026: GMT from 01:00Z, so 18:00 local is 18:00Z.
    expect(nextAllowedSendingTime('2026-10-25T17:59:00Z', window)).toBe('2026-10-25T17:59:00Z');
    expect(nextAllowedSendingTime('2026-10-25T18:00:00Z', window)).toBe('2026-10-26T08:00:00Z');
  });

  it('ends the quiet hours at 08:00 local time on the mornings the clocks change', () => {
    const window = london(everyDay);
    expect(nextAllowedSendingTime('2026-03-29T00:30:00Z', window)).toBe('2026-03-29T07:00:00Z');
    expect(nextAllowedSendingTime('2026-10-25T00:30:00Z', window)).toBe('2026-10-25T08:00:00Z');
  });

  it('honours a carer who chose 19:30, and one who takes nudges on Saturdays', () => {
    expect(sendOnDay('2026-03-17', london({ timeOfDay: '19:30' }))).toBe('2026-03-17T19:30:00Z');
    expect(sendOnDay('2026-07-14', london({ timeOfDay: '19:30' }))).toBe('2026-07-14T18:30:00Z');
    // Other instants in their evening stay quiet.
    expect(nextAllowedSendingTime('2026-03-17T19:45:00Z', london({ timeOfDay: '19:30' }))).toBe('2026-03-18T08:00:00Z');
    expect(sendOnDay('2026-03-21', london({ days: [1, 2, 3, 4, 5, 6] }))).toBe('2026-03-21T09:00:00Z');
    expect(sendOnDay('2026-03-22', london({ days: [1, 2, 3, 4, 5, 6] }))).toBe('2026-03-23T09:00:00Z');
  });

  it('applies the person’s own quiet hours and bank-holiday choice', () => {
    const nightOwl = london({ quietHours: { start: '23:00', end: '10:00' }, bankHolidays: true });
    expect(nextAllowedSendingTime('2026-12-25T20:00:00Z', nightOwl)).toBe('2026-12-25T20:00:00Z');
    expect(nextAllowedSendingTime('2026-12-25T08:00:00Z', nightOwl)).toBe('2026-12-25T10:00:00Z');
  });

  it('handles quiet hours that do not wrap past midnight', () => {
    const lunch = london({ quietHours: { start: '12:00', end: '13:30' } });
    expect(nextAllowedSendingTime('2026-03-17T12:10:00Z', lunch)).toBe('2026-03-17T13:30:00Z');
    expect(nextAllowedSendingTime('2026-03-17T20:00:00Z', lunch)).toBe('2026-03-17T20:00:00Z');
  });
});

describe('a day-based nudge, asked again', () => {
  afterEach(installBankHolidays);

  it('gives the same answer to two windows alike, and a different one to a window that differs', () => {
    expect(sendOnDay('2026-03-17', london())).toBe('2026-03-17T09:00:00Z');
    expect(sendOnDay('2026-03-17', london())).toBe('2026-03-17T09:00:00Z');
    expect(sendOnDay('2026-03-17', london({ timeOfDay: '19:30' }))).toBe('2026-03-17T19:30:00Z');
    expect(sendOnDay('2026-03-21', london())).toBe('2026-03-23T09:00:00Z');
    expect(sendOnDay('2026-03-21', london(everyDay))).toBe('2026-03-21T09:00:00Z');
  });

  it('follows the bank holidays in force, not those of an earlier answer', () => {
    expect(sendOnDay('2026-06-01', london())).toBe('2026-06-01T08:00:00Z');
    useBankHolidays((year) => new Set([`${year}-06-01`]));
    expect(sendOnDay('2026-06-01', london())).toBe('2026-06-02T08:00:00Z');
  });
});
