import type { Meeting, Participant } from '../../domain/model.js';

/** The only things a group or meeting chat may know about the child. */
export const childTag = (meeting: Meeting) => ({ ref: meeting.child.ref, initials: meeting.child.initials });

/** A person as a group chat shows them: the child by initials only (the card adds them). */
export const groupPerson = (p: Participant) => (p.role === 'child' ? { role: 'child' as const } : { role: p.role, name: p.name });

export const namedPerson = (p: Participant) => ({ name: p.name, role: p.role });

export const timeFields = (meeting: Meeting) => ({
  startsAt: meeting.startsAt,
  durationMinutes: meeting.durationMinutes,
  timeZone: meeting.timeZone,
});

export function participant(meeting: Meeting, id: string): Participant {
  const found = meeting.participants.find((p) => p.id === id);
  if (!found) throw new Error(`participant ${id} is not in meeting ${meeting.id}`);
  return found;
}

/** "JD (PEP-2026-0042)": how notifications name the child. */
export const childLabel = (meeting: Meeting): string => `${meeting.child.initials} (${meeting.child.ref})`;
