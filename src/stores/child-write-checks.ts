import { refuse } from '../domain/errors.js';
import { ChildRecordSchema, childAuditKey } from '../domain/child/child-record.js';
import type { ChildRecord } from '../domain/child/child-record.js';
import { AuditEventSchema } from '../domain/model.js';
import type { AuditEvent } from '../domain/model.js';
import { parseOrRefuse } from './write-checks.js';

/** A child change that passed the checks every adapter makes before it touches its database. */
export interface CheckedChildWrite {
  child: ChildRecord;
  events: AuditEvent[];
}

export function checkChildCreate(child: ChildRecord, options: { events: AuditEvent[] }): CheckedChildWrite {
  if (child.version !== 1) {
    refuse('VALIDATION.INVALID_INPUT', `A new child record starts at version 1, not ${child.version}.`, { childRef: child.ref, version: child.version });
  }
  return checkChildWrite(child, options);
}

export function checkChildSave(child: ChildRecord, expectedVersion: number, options: { events: AuditEvent[] }): CheckedChildWrite {
  if (child.version !== expectedVersion + 1) {
    refuse('VALIDATION.INVALID_INPUT', `Saving over version ${expectedVersion} must write version ${expectedVersion + 1}, not ${child.version}.`, {
      childRef: child.ref,
      version: child.version,
      expectedVersion,
    });
  }
  return checkChildWrite(child, options);
}

/** As for meetings: what would be unreadable once written is refused, and every audit entry is this child's. */
function checkChildWrite(child: ChildRecord, options: { events: AuditEvent[] }): CheckedChildWrite {
  const checked = {
    child: parseOrRefuse(ChildRecordSchema, child, `Child ${child.ref}`),
    events: options.events.map((event) => parseOrRefuse(AuditEventSchema, event, `Audit event ${event.id}`)),
  };
  const key = childAuditKey(child.ref);
  const foreign = checked.events.find((event) => event.meetingId !== key);
  if (foreign) {
    refuse('VALIDATION.INVALID_INPUT', `Audit event ${foreign.id} is about ${foreign.meetingId}, not ${key}.`, { childRef: child.ref, eventId: foreign.id });
  }
  return checked;
}
