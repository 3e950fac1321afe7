import type { Meeting } from '../domain/model.js';
import type { SealedTexts } from './encryption/sealed-documents.js';
import { LastUsed } from '../domain/memo.js';

/** A copy as storing and reading back would give: JSON's rules for plain data (a property set to undefined is absent). */
function storedCopy<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => (item === undefined ? null : storedCopy(item))) as T;
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) if (item !== undefined) copy[key] = storedCopy(item);
  return copy as T;
}

/** A stored document turned into a Meeting, with the sealed texts it held (for the next save to reuse). */
export interface ParsedMeeting {
  meeting: Meeting;
  texts: SealedTexts;
}

/**
 * The meetings a store read or wrote last, keyed by id, each with the exact document text it came
 * from. Turning a stored document into a Meeting (JSON, decrypting every free-text field, parsing
 * with MeetingSchema) grows with the meeting and is done again and again for the same text: a
 * click reads the meeting, the re-plan after the answer reads it again, and the next click reads
 * what the last one wrote. A document is only trusted here when its text is byte for byte the text
 * that was parsed (or, on a write, checked against MeetingSchema before it was stored): the same
 * text always opens to the same meeting, and any change by any process changes the text (its
 * version at least). Callers get their own copy, as from a real read. The oldest entry goes when it is full.
 */
export class ParsedMeetings {
  private readonly meetings: LastUsed<{ doc: string } & ParsedMeeting>;

  constructor(capacity: number) {
    this.meetings = new LastUsed(capacity);
  }

  /** The meeting stored as `doc`: a copy of the one kept for that text, or `parse(doc)` (then kept). */
  read(id: string, doc: string, parse: (doc: string) => ParsedMeeting): Meeting {
    const kept = this.meetings.get(id);
    if (kept?.doc === doc) return storedCopy(kept.meeting);
    const { meeting, texts } = parse(doc);
    this.meetings.set(id, { doc, meeting: storedCopy(meeting), texts });
    return meeting;
  }

  /** `meeting` (already checked against MeetingSchema) was just stored as `doc`, holding `texts`. */
  written(meeting: Meeting, doc: string, texts: SealedTexts): void {
    this.meetings.set(meeting.id, { doc, meeting: storedCopy(meeting), texts });
  }

  /** The sealed texts of version `version` of the meeting, when that is the version kept. */
  textsOf(id: string, version: number): SealedTexts | undefined {
    const kept = this.meetings.get(id);
    return kept?.meeting.version === version ? kept.texts : undefined;
  }
}
