import type { Meeting, Participant } from '../../domain/model.js';

/** The only things a group or meeting chat may know about the child. */
export const childTag = (meeting: Meeting) => ({ ref: meeting.child.ref, initials: meeting.child.initials });

/** A person as a group chat shows them: the child by initials only (the card adds them). */
export const groupPerson = (p: Participant) => (p.role === 'child' ? { role: 'child' as const } : { role: p.role, name: p.name });

const asPattern = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Text someone typed, as a group chat shows it: the child's names (whole or in part, any case)
 * become their initials. People type "read with Jordan" without thinking of who else is in the chat.
 */
export function groupText(meeting: Meeting, text: string): string {
  const names = [meeting.child.fullName, ...meeting.participants.filter((p) => p.role === 'child').map((p) => p.name)]
    .flatMap((name) => (name ? [name, ...name.split(/\s+/)] : []))
    .filter((name) => name.length > 1)
    .sort((a, b) => b.length - a.length);
  if (names.length === 0) return text;
  const whole = new RegExp(`(?<![\\p{L}\\p{N}])(?:${names.map(asPattern).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  return text.replace(whole, meeting.child.initials);
}

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
