// English alone: the package's root loads every locale it has, three times the time and memory.
import { GB } from 'chrono-node/en';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { ChildCommandSchema } from '../../domain/child/child-commands.js';
import type { ChildCommand } from '../../domain/child/child-commands.js';

/**
 * `child PEP-2026-0042 …`: what an organiser records about the child between meetings.
 *   child PEP-2026-0042                                              — the statutory clock now
 *   child PEP-2026-0042 entered care 2026-11-02
 *   child PEP-2026-0042 moved school Southfield Academy on 9 November teacher dt@southfield.sch.uk
 *   child PEP-2026-0042 moved placement on 2026-11-09
 * Dates are read day-first, in the past as well as the future ("2 November", "today", 2026-11-02).
 */
export interface ChildChatCommand {
  kind: 'child';
  childRef: string;
  /** None: show where the child's statutory clock stands. */
  record?: ChildCommand;
}

export type ParsedChildChatCommand = { ok: true; command: ChildChatCommand } | { ok: false; understood: string[]; missing: string[] };

export const CHILD_COMMAND_HELP =
  'child PEP-2026-0042 — when the child\'s next PEP is due; add "entered care 2 November", "moved school Southfield Academy on 9 November teacher dt@southfield.sch.uk" or "moved placement on 9 November" to record it (organiser)';

const REF = /^([A-Z0-9][A-Z0-9-]{2,31})\b\s*/i;
const MISSING_DATE = 'the date it happened (for example "on 2 November" or "on 2026-11-02")';

function dayOf(text: string, now: Date, timeZone: string): string | undefined {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text.trim())) return text.trim();
  const local = DateTime.fromJSDate(now).setZone(timeZone);
  const found = GB.parseDate(text, { instant: new Date(Date.UTC(local.year, local.month - 1, local.day, 12)), timezone: 0 });
  return found ? (DateTime.fromJSDate(found, { zone: 'utc' }).toISODate() ?? undefined) : undefined;
}

/** The words after the date keyword, up to the next keyword. */
const after = (text: string, keyword: string): string | undefined => new RegExp(`\\b${keyword}\\s+(.+?)(?=\\s+(?:on|teacher)\\s|$)`, 'i').exec(text)?.[1];

function schoolMove(rest: string, now: Date, timeZone: string): { raw: Record<string, unknown>; understood: string[]; missing: string[] } {
  const understood = ['a change of school'];
  const missing: string[] = [];
  const school = /^(.+?)(?=\s+(?:on|teacher)\s|$)/i.exec(rest)?.[1]?.trim();
  if (school) understood.push('the new school');
  else missing.push("the new school's name");
  const dateText = after(rest, 'on');
  const on = dateText === undefined ? undefined : dayOf(dateText, now, timeZone);
  if (on) understood.push('the date');
  else missing.push(MISSING_DATE);
  const email = after(rest, 'teacher');
  if (email && z.email().safeParse(email).success) understood.push("the designated teacher's email");
  else missing.push('the new designated teacher\'s email (for example "teacher dt@southfield.sch.uk")');
  return { raw: { type: 'recordSchoolChange', school, on, designatedTeacherEmail: email }, understood, missing };
}

function datedEvent(type: 'recordEnteredCare' | 'recordPlacementChange', rest: string, now: Date, timeZone: string) {
  const understood = [type === 'recordEnteredCare' ? 'entering care' : 'a change of placement'];
  const on = dayOf(rest.replace(/^on\s+/i, ''), now, timeZone);
  return { raw: { type, on }, understood: on ? [...understood, 'the date'] : understood, missing: on ? [] : [MISSING_DATE] };
}

export function parseChildChatCommand(rest: string, now: Date, timeZone: string): ParsedChildChatCommand {
  const ref = REF.exec(rest);
  if (!ref?.[1]) return { ok: false, understood: ["a child's record"], missing: ['the PEP reference, for example PEP-2026-0042'] };
  const childRef = ref[1].toUpperCase();
  const what = rest.slice(ref[0].length).trim();
  if (!what) return { ok: true, command: { kind: 'child', childRef } };
  const event = /^(entered\s+care|(?:moved|changed)\s+school|(?:moved|changed)\s+placement)\b\s*/i.exec(what);
  if (!event?.[1]) return { ok: false, understood: [`the child ${childRef}`], missing: ['what happened: "entered care", "moved school" or "moved placement"'] };
  const body = what.slice(event[0].length);
  const verb = event[1].toLowerCase();
  const read = verb.startsWith('entered') ? datedEvent('recordEnteredCare', body, now, timeZone) : verb.endsWith('school') ? schoolMove(body, now, timeZone) : datedEvent('recordPlacementChange', body, now, timeZone);
  const parsed = ChildCommandSchema.safeParse(read.raw);
  if (read.missing.length > 0 || !parsed.success) {
    return { ok: false, understood: [`the child ${childRef}`, ...read.understood], missing: read.missing.length > 0 ? read.missing : ['details that fit (see help)'] };
  }
  return { ok: true, command: { kind: 'child', childRef, record: parsed.data } };
}
