import { z } from 'zod';
import { refuse } from '../domain/errors.js';
import { AuditEventSchema, MeetingSchema } from '../domain/model.js';
import type { AuditEvent, Meeting } from '../domain/model.js';
import type { OutboxMessage } from '../ports/outbox.js';
import type { IdempotencyRecord, SaveOptions } from '../ports/store.js';
import { IdempotencyRecordSchema } from './stored-data.js';

/** A change that passed the checks every adapter makes before it touches its database. */
export interface CheckedWrite {
  meeting: Meeting;
  events: AuditEvent[];
  idempotency?: IdempotencyRecord;
  messages: OutboxMessage[];
}

export function checkCreate(meeting: Meeting, options: SaveOptions): CheckedWrite {
  if (meeting.version !== 1) {
    refuse('VALIDATION.INVALID_INPUT', `A new meeting starts at version 1, not ${meeting.version}.`, {
      meetingId: meeting.id,
      version: meeting.version,
    });
  }
  return checkWrite(meeting, options);
}

export function checkSave(meeting: Meeting, expectedVersion: number, options: SaveOptions): CheckedWrite {
  if (meeting.version !== expectedVersion + 1) {
    refuse('VALIDATION.INVALID_INPUT', `Saving over version ${expectedVersion} must write version ${expectedVersion + 1}, not ${meeting.version}.`, {
      meetingId: meeting.id,
      version: meeting.version,
      expectedVersion,
    });
  }
  return checkWrite(meeting, options);
}

/**
 * Stores parse what they read with MeetingSchema, so a meeting that fails it would be unreadable
 * once written: refuse it here, where the caller can still see what went wrong.
 */
function checkWrite(meeting: Meeting, options: SaveOptions): CheckedWrite {
  const checked = {
    meeting: parseOrRefuse(MeetingSchema, meeting, `Meeting ${meeting.id}`),
    events: options.events.map((event) => parseOrRefuse(AuditEventSchema, event, `Audit event ${event.id}`)),
    messages: options.outbox ?? [],
  };
  const foreign = checked.events.find((event) => event.meetingId !== meeting.id);
  if (foreign) {
    refuse('VALIDATION.INVALID_INPUT', `Audit event ${foreign.id} is about meeting ${foreign.meetingId}, not ${meeting.id}.`, {
      meetingId: meeting.id,
      eventId: foreign.id,
    });
  }
  const stray = checked.messages.find((message) => message.meetingId !== meeting.id);
  if (stray) {
    refuse('VALIDATION.INVALID_INPUT', `Outbox message ${stray.id} is about meeting ${stray.meetingId}, not ${meeting.id}.`, {
      meetingId: meeting.id,
      messageId: stray.id,
    });
  }
  return options.idempotency
    ? { ...checked, idempotency: parseOrRefuse(IdempotencyRecordSchema, options.idempotency, 'The idempotency record') }
    : checked;
}

export function parseOrRefuse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    refuse('VALIDATION.INVALID_INPUT', `${what} cannot be stored: ${z.prettifyError(parsed.error)}`, {
      issues: parsed.error.issues,
    });
  }
  return parsed.data;
}
