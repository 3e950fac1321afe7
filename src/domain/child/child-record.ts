import { z } from 'zod';
import { ChildSchema } from '../model.js';

/**
 * A child in care as the Virtual School sees them, across all their PEP meetings: the events that
 * start the statutory clock (entering care, a change of school or placement) and the people
 * responsible now. One document per child, keyed by the PEP reference, versioned like a meeting.
 */

const LocalDate = z.iso.date();
const Instant = z.iso.datetime({ offset: true });

export const CHILD_EVENT_KINDS = ['entered_care', 'changed_school', 'changed_placement', 'pep_held'] as const;
export const ChildEventKindSchema = z.enum(CHILD_EVENT_KINDS);
export type ChildEventKind = z.infer<typeof ChildEventKindSchema>;

export const ChildEventSchema = z.object({
  id: z.string().min(1).max(64),
  kind: ChildEventKindSchema,
  on: LocalDate,
  /** The new school or placement; the meeting id for a PEP held. */
  detail: z.string().max(300).optional(),
  recordedBy: z.string().min(1).max(64),
  at: Instant,
});
export type ChildEvent = z.infer<typeof ChildEventSchema>;

export const ChildRecordSchema = ChildSchema.extend({
  version: z.number().int().min(1),
  socialWorkerName: z.string().min(1).max(120).optional(),
  designatedTeacherEmail: z.email().optional(),
  /** The Virtual School officer who holds this child's case (an officer id from the council settings); unset: every virtual_school_officer. */
  officerId: z.string().min(1).max(64).optional(),
  /** Oldest first. */
  events: z.array(ChildEventSchema).max(500),
  createdAt: Instant,
  updatedAt: Instant,
});
export type ChildRecord = z.infer<typeof ChildRecordSchema>;

/**
 * A child's audit entries are AuditEvents whose meetingId is `child:<ref>`: the audit shape stays
 * one for meetings and children, and no meeting id can take this form (meeting ids have no colon).
 * They live beside the child, not in a meeting's trail (ChildStore.childAuditTrail).
 */
export const childAuditKey = (ref: string): string => `child:${ref}`;
