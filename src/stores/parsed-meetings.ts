import type { Meeting } from '../domain/model.js';

/** A copy as storing and reading back would give: JSON's rules for plain data (a property set to undefined is absent). */
function storedCopy<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => (item === undefined ? null : storedCopy(item))) as T;
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) if (item !== undefined) copy[key] = storedCopy(item);
  return copy as T;
}

/**
 * The meetings a store read or wrote last, keyed by id, each with the exact document text it came
 * from. Turning a stored document into a Meeting (JSON, decrypting every free-text field, parsing
 * with MeetingSchema) grows with the meeting and is done again and again for the same text: a
 * click reads the meeting, the re-plan after the answer reads it again, and the next click reads
 * what the last one wrote. A document is only trusted here when its text is byte for byte the text
 * that was parsed (or, on a write, checked against MeetingSchema before it was stored): each save
 * seals with fresh IVs, so any change by any process gives new text and is parsed afresh. Callers
 * get their own copy, as from a real read. The oldest entry goes when it is full.
 */
export class ParsedMeetings {
  private readonly meetings = new Map<string, { doc: string; meeting: Meeting }>();

  constructor(private readonly capacity: number) {}

  /** The meeting stored as `doc`: a copy of the one kept for that text, or `parse(doc)` (then kept). */
  read(id: string, doc: string, parse: (doc: string) => Meeting): Meeting {
    const kept = this.meetings.get(id);
    if (kept?.doc === doc) {
      this.keep(id, kept);
      return storedCopy(kept.meeting);
    }
    const meeting = parse(doc);
    this.keep(id, { doc, meeting: storedCopy(meeting) });
    return meeting;
  }

  /** `meeting` (already checked against MeetingSchema) was just stored as `doc`. */
  written(meeting: Meeting, doc: string): void {
    this.keep(meeting.id, { doc, meeting: storedCopy(meeting) });
  }

  private keep(id: string, entry: { doc: string; meeting: Meeting }): void {
    // Most recently used last: the first entry is always the one to drop.
    this.meetings.delete(id);
    this.meetings.set(id, entry);
    if (this.meetings.size > this.capacity) this.meetings.delete(this.meetings.keys().next().value!);
  }
}
