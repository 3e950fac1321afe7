import { z } from 'zod';
import { ChannelSchema } from '../model.js';
import type { Meeting } from '../model.js';
import type { Officer } from '../actor.js';

/**
 * Who looked at a child's plan or records: one entry each time the written plan is opened (page or
 * PDF), a secure-link page is opened, or the records are exported. Kept beside the audit (which
 * records changes) so the organiser and the Virtual School can see who has read, not only who
 * has written. Ids and words chosen by the code only: never a name, never free text.
 */
export const ACCESS_WHAT = ['plan_page', 'plan_pdf', 'link_page', 'export'] as const;
export const AccessWhatSchema = z.enum(ACCESS_WHAT);
export type AccessWhat = z.infer<typeof AccessWhatSchema>;

const Id = z.string().min(1).max(64);

export const AccessEntrySchema = z.object({
  id: Id,
  meetingId: Id,
  at: z.iso.datetime({ offset: true }),
  /** A participant id, an officer actor id (`officer:<id>`), or "system". */
  who: Id,
  /** The secure link it was opened through; `who` is then the participant it was issued to. */
  linkId: Id.optional(),
  what: AccessWhatSchema,
  channel: ChannelSchema,
});
export type AccessEntry = z.infer<typeof AccessEntrySchema>;

const WHAT_WORDS: Record<AccessWhat, string> = {
  plan_page: 'opened the written plan',
  plan_pdf: 'downloaded the written plan (PDF)',
  link_page: 'opened a card through their secure link',
  export: 'exported the records',
};

export const accessWhatWords = (what: AccessWhat): string => WHAT_WORDS[what];

/** The reader in words for the organiser and the officer: the participant's name and role, or the officer's. */
export function accessWho(entry: AccessEntry, meeting: Pick<Meeting, 'participants'>, officers: readonly Officer[] = []): string {
  const participant = meeting.participants.find((p) => p.id === entry.who);
  if (participant) return participant.name;
  const officer = officers.find((o) => `officer:${o.id}` === entry.who);
  if (officer) return `${officer.name} (Virtual School)`;
  return entry.who.startsWith('officer:') ? 'A Virtual School officer' : 'PEP Bot';
}
