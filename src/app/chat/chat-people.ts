import { refuse } from '../../domain/errors.js';
import type { IdentityQuery } from '../../domain/identity.js';
import { identityKey, matchesIdentity } from '../../domain/identity.js';
import type { Meeting, Participant } from '../../domain/model.js';

/** A person @mentioned in a chat: who the platform says they are, and the name it showed. */
export type ChatMention = IdentityQuery & { name?: string };

const comparable = (name: string) => name.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();

/** What was typed, as the person wrote it: each @{n} the channel put in becomes the name they picked. */
export function asTyped(text: string, mentions: readonly { name?: string }[]): string {
  return text.replace(/@\{(\d+)\}/g, (_whole, index: string) => `@${mentions[Number(index)]?.name ?? 'someone'}`);
}

/**
 * The participant behind a mention. A carer invited by name only has no Teams or Slack id in the
 * meeting, so when the platform's id matches nobody, the name the platform showed decides: it must
 * fit exactly one participant who has no other id on that platform (else it is someone else who
 * happens to share the name).
 */
function mentionedParticipant(meeting: Meeting, mention: ChatMention): Participant | undefined {
  const byIdentity = meeting.participants.find((p) => matchesIdentity(p, mention));
  if (byIdentity || !mention.name) return byIdentity;
  const { field } = identityKey(mention);
  const wanted = comparable(mention.name);
  const named = meeting.participants.filter((p) => comparable(p.name) === wanted && p[field] === undefined);
  return named.length === 1 ? named[0] : undefined;
}

export function participantMentioned(meeting: Meeting, mention: ChatMention | undefined): Participant {
  const found = mention && mentionedParticipant(meeting, mention);
  if (!found) {
    const who = mention?.name ? `${mention.name} is` : 'The person you mentioned is';
    refuse('PARTICIPANT.NOT_FOUND', `${who} not a participant of this meeting.`);
  }
  return found;
}

/** The ways a participant may be typed after @, longest first: full name, first name, initials. */
function typedForms(p: Participant): string[] {
  const full = comparable(p.name);
  return [...new Set([full, full.split(' ')[0] ?? full, p.initials.toLowerCase()])];
}

/**
 * "@Adele Vance support with reading": the participant whose name the words start with, and the
 * words after it. The longest name that fits wins, so "Adele Vance" beats a first name "Adele";
 * names are matched whole words at a time, so "@Dana Reading report" is Dana, not "Dana Reading".
 */
export function participantTyped(meeting: Meeting, words: string, typedName: string): { participant: Participant; rest: string } {
  const typed = comparable(words);
  let best = { form: '', people: new Set<Participant>() };
  for (const participant of meeting.participants) {
    for (const form of typedForms(participant)) {
      if (typed !== form && !typed.startsWith(`${form} `)) continue;
      if (form.length > best.form.length) best = { form, people: new Set([participant]) };
      else if (form === best.form) best.people.add(participant);
    }
  }
  const typedWords = words.trim().split(/\s+/);
  const nameLength = best.form.split(' ').length;
  const name = typedWords.slice(0, nameLength).join(' ');
  const [participant, ...others] = best.people;
  if (!participant) refuse('PARTICIPANT.NOT_FOUND', `Nobody called "${typedName}" is in this meeting.`);
  if (others.length > 0) refuse('PARTICIPANT.NOT_FOUND', `More than one participant is called "${name}": use their full name or @mention them.`);
  return { participant, rest: typedWords.slice(nameLength).join(' ') };
}
