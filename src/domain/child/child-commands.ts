import { z } from 'zod';
import type { CommandContext } from '../context.js';
import { localDate } from '../dates.js';
import { refuse } from '../errors.js';
import type { AuditEvent, Child } from '../model.js';
import { ChildRecordSchema, childAuditKey } from './child-record.js';
import type { ChildEvent, ChildRecord } from './child-record.js';

/**
 * What can happen to a child between and around their PEP meetings, each starting or stopping the
 * statutory clock. Parsed at the edge with these schemas; decided here, purely, like a meeting.
 */
const LocalDate = z.iso.date();

export const ChildCommandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('recordEnteredCare'), on: LocalDate }),
  z.object({
    type: z.literal('recordSchoolChange'),
    on: LocalDate,
    school: z.string().trim().min(1).max(160),
    designatedTeacherEmail: z.email().transform((email) => email.toLowerCase()),
  }),
  z.object({ type: z.literal('recordPlacementChange'), on: LocalDate }),
  /** Recorded by the system when a meeting about the child concludes. */
  z.object({ type: z.literal('recordPepHeld'), on: LocalDate, meetingId: z.string().min(1).max(64) }),
]);
export type ChildCommand = z.infer<typeof ChildCommandSchema>;

export interface ChildChange {
  child: ChildRecord;
  events: AuditEvent[];
}

/** The time zone the statutory clock's days are counted in. */
const ENGLAND = 'Europe/London';

const childAudit = (ref: string, type: string, summary: string, data: Record<string, unknown>, ctx: CommandContext): AuditEvent => ({
  id: ctx.newId(),
  meetingId: childAuditKey(ref),
  at: ctx.at,
  actorId: ctx.actorId,
  channel: ctx.channel,
  type,
  summary,
  data,
});

/** A new record for a child first met in a meeting: their clock starts with the first event recorded. */
export function newChildRecord(child: Child, ctx: CommandContext): ChildChange {
  const record = ChildRecordSchema.parse({ ...child, version: 1, events: [], createdAt: ctx.at, updatedAt: ctx.at });
  return { child: record, events: [childAudit(child.ref, 'createChild', 'Child record created.', {}, ctx)] };
}

const SUMMARIES: Record<ChildCommand['type'], string> = {
  recordEnteredCare: 'Entered care recorded: the PEP clock starts.',
  recordSchoolChange: 'Change of school recorded: a new PEP is due.',
  recordPlacementChange: 'Change of placement recorded: a new PEP is due.',
  recordPepHeld: 'PEP meeting held.',
};

const KINDS: Record<ChildCommand['type'], ChildEvent['kind']> = {
  recordEnteredCare: 'entered_care',
  recordSchoolChange: 'changed_school',
  recordPlacementChange: 'changed_placement',
  recordPepHeld: 'pep_held',
};

/**
 * Applies one command to a child. Pure: the input record is not touched, a refusal throws a
 * DomainError, and the change comes with its audit entry. Events are kept in date order, so one
 * recorded late still falls where it happened; the history is only ever added to.
 */
export function decideChild(record: ChildRecord, command: ChildCommand, ctx: CommandContext): ChildChange {
  const today = localDate(ctx.at, ENGLAND);
  if (command.on > today) refuse('CHILD.EVENT_IN_FUTURE', `${command.on} is after today (${today}): record it once it has happened.`, { on: command.on, today });
  const draft = structuredClone(record);
  let detail: string | undefined;
  if (command.type === 'recordPepHeld') {
    if (draft.events.some((event) => event.kind === 'pep_held' && event.detail === command.meetingId)) {
      refuse('CHILD.ALREADY_RECORDED', `The PEP meeting ${command.meetingId} is already recorded as held.`, { meetingId: command.meetingId });
    }
    detail = command.meetingId;
  }
  if (command.type === 'recordSchoolChange') {
    detail = command.school;
    draft.school = command.school;
    draft.designatedTeacherEmail = command.designatedTeacherEmail;
  }
  const event: ChildEvent = { id: ctx.newId(), kind: KINDS[command.type], on: command.on, recordedBy: ctx.actorId, at: ctx.at, ...(detail === undefined ? {} : { detail }) };
  // Stable: events of the same day stay in the order they were recorded.
  draft.events = [...draft.events, event].sort((a, b) => a.on.localeCompare(b.on));
  draft.version = record.version + 1;
  draft.updatedAt = ctx.at;
  const { type, ...data } = command;
  return { child: draft, events: [childAudit(record.ref, type, SUMMARIES[type], data, ctx)] };
}
