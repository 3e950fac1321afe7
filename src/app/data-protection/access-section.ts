import { DateTime } from 'luxon';
import type { Officer } from '../../domain/actor.js';
import type { AccessEntry } from '../../domain/data-protection/access-entry.js';
import { accessWhatWords, accessWho } from '../../domain/data-protection/access-entry.js';
import type { Meeting } from '../../domain/model.js';
import type { PlanSection } from '../plan/plan-view-types.js';

const CHANNEL_WORDS: Record<AccessEntry['channel'], string> = { web: 'web link', teams: 'Teams', slack: 'Slack', email: 'email', system: 'PEP Bot' };

/** One line per access, newest first, in the meeting's time zone: "Chris Carer opened the written plan (web link)". */
export function accessLines(entries: readonly AccessEntry[], meeting: Pick<Meeting, 'participants' | 'timeZone'>, officers?: readonly Officer[]): Array<{ when: string; line: string }> {
  return [...entries].reverse().map((entry) => ({
    when: DateTime.fromISO(entry.at).setZone(meeting.timeZone).toFormat('d LLL yyyy, HH:mm'),
    line: `${accessWho(entry, meeting, officers)} ${accessWhatWords(entry.what)} (${CHANNEL_WORDS[entry.channel]})`,
  }));
}

/** The organiser's "who has looked" section under their own copy of the written plan. */
export function accessSection(entries: readonly AccessEntry[], meeting: Pick<Meeting, 'participants' | 'timeZone'>, officers?: readonly Officer[]): PlanSection {
  const lines = accessLines(entries, meeting, officers);
  return {
    heading: 'Who has looked at this plan',
    entries: lines.length === 0 ? [] : [{ text: 'Shown to you as the organiser. Every opening of the plan, its PDF, a secure-link card or an export is recorded.', facts: lines.map((l) => ({ label: l.when, value: l.line })) }],
    empty: 'Nobody has opened this plan yet.',
  };
}
