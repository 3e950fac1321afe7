import { z } from 'zod';
import { ChildRecordSchema } from '../domain/child/child-record.js';
import type { ChildRecord } from '../domain/child/child-record.js';
import { ActionSchema, AuditEventSchema, MeetingSchema } from '../domain/model.js';
import type { Action, AuditEvent, Meeting } from '../domain/model.js';
import type { OutboxRecord } from '../ports/outbox.js';
import type { IdempotencyRecord } from '../ports/store.js';
import { StoredDataError } from './store-errors.js';

export const IdempotencyRecordSchema = z.object({
  key: z.string().min(1),
  result: z.record(z.string(), z.unknown()),
  at: z.iso.datetime({ offset: true }),
});

const MessageRefSchema = z.object({ channel: z.enum(['teams', 'slack']), conversationId: z.string(), messageId: z.string() });

const OutboxRecordSchema = z.object({
  id: z.string().min(1),
  meetingId: z.string().min(1),
  message: z.unknown(),
  createdAt: z.iso.datetime({ offset: true }),
  state: z.enum(['pending', 'sent', 'failed']),
  attempts: z.number().int().nonnegative(),
  reason: z.string().optional(),
  ref: MessageRefSchema.optional(),
});

/** Every document read back is parsed, so a bad one is caught here, named, not deep in a use case. */
function parseStored<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new StoredDataError(`Stored ${what} does not match its schema: ${z.prettifyError(parsed.error)}`, {
      cause: parsed.error,
    });
  }
  return parsed.data;
}

export const parseStoredMeeting = (value: unknown, meetingId: string): Meeting =>
  parseStored(MeetingSchema, value, `meeting ${meetingId}`);

export const parseStoredAction = (value: unknown, meetingId: string): Action =>
  parseStored(ActionSchema, value, `action of meeting ${meetingId}`);

export const parseStoredAuditEvent = (value: unknown, meetingId: string): AuditEvent =>
  parseStored(AuditEventSchema, value, `audit event of meeting ${meetingId}`);

export const parseStoredIdempotency = (value: unknown, key: string): IdempotencyRecord =>
  parseStored(IdempotencyRecordSchema, value, `idempotency record ${key}`);

export const parseStoredOutbox = (value: unknown, id: string): OutboxRecord => parseStored(OutboxRecordSchema, value, `outbox message ${id}`);

export const parseStoredChild = (value: unknown, ref: string): ChildRecord => parseStored(ChildRecordSchema, value, `child ${ref}`);
