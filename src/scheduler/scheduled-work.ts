import { z } from 'zod';
import { laterTurn } from '../app/later-turn.js';
import { NudgeKindSchema, planNextMeetingPreparation, planNudgesInSteps } from '../domain/nudges/index.js';
import type { NextMeetingPreparation, NudgePreferencesByParticipant, NudgeSettings, PlannedNudge } from '../domain/nudges/index.js';
import type { Meeting } from '../domain/model.js';

const Id = z.string().min(1).max(64);
const Instant = z.iso.datetime({ offset: true });

/**
 * What a job carries: ids and instants only, never a name or a word anyone typed, because job
 * rows are read by dashboards and support tooling. `key` identifies the work across re-plans,
 * jobs and the delivery ledger.
 */
export const NudgeWorkSchema = z.object({
  work: z.literal('nudge'),
  key: z.string().min(1),
  meetingId: Id,
  kind: NudgeKindSchema,
  itemId: Id,
  recipientParticipantId: Id,
  dueInstant: Instant,
});
export const NextMeetingWorkSchema = z.object({
  work: z.literal('next-meeting'),
  key: z.string().min(1),
  meetingId: Id,
  reviewDate: z.iso.date(),
  dueInstant: Instant,
});
export const ScheduledWorkSchema = z.discriminatedUnion('work', [NudgeWorkSchema, NextMeetingWorkSchema]);
export type NudgeWork = z.infer<typeof NudgeWorkSchema>;
export type ScheduledWork = z.infer<typeof ScheduledWorkSchema>;

/** One Agenda job name per kind of work, so dashboards and lock settings can tell them apart. */
export const JOB_NAMES = { nudge: 'pep-nudge', 'next-meeting': 'pep-next-meeting' } as const satisfies Record<ScheduledWork['work'], string>;

/** Key parts are percent-encoded, so '/' and '#' in them can never be mistaken for separators. */
const keyOf = (...parts: string[]): string => parts.map(encodeURIComponent).join('/');

/** Every key of a meeting starts with this, so one prefix lists the meeting's ledger entries. */
export const meetingKeyPrefix = (meetingId: string): string => `${encodeURIComponent(meetingId)}/`;

export const nudgeWork = (nudge: PlannedNudge): NudgeWork => ({
  work: 'nudge',
  key: keyOf(nudge.meetingId, nudge.kind, nudge.itemId, nudge.recipientParticipantId, nudge.dueInstant),
  ...nudge,
});

const nextMeetingWork = (preparation: NextMeetingPreparation): ScheduledWork => ({
  work: 'next-meeting',
  key: keyOf(preparation.meetingId, 'next-meeting', preparation.reviewDate),
  ...preparation,
});

export const plannedNudgeOf = ({ meetingId, kind, itemId, recipientParticipantId, dueInstant }: NudgeWork): PlannedNudge => ({
  meetingId,
  kind,
  itemId,
  recipientParticipantId,
  dueInstant,
});


/**
 * All the time-based work the policy wants for the meeting now: its nudges and, once closed, the
 * next PEP. Planned in steps, letting the event loop run between them, so that re-planning a
 * meeting of hundreds of actions never holds up the acks of requests arriving meanwhile.
 */
export async function plannedWork(meeting: Meeting, now: Date, preferences: NudgePreferencesByParticipant, settings: NudgeSettings): Promise<ScheduledWork[]> {
  const steps = planNudgesInSteps(meeting, now.toISOString(), preferences, settings);
  let step = steps.next();
  while (!step.done) {
    await laterTurn();
    step = steps.next();
  }
  const nudges = step.value.map(nudgeWork);
  const preparation = planNextMeetingPreparation(meeting, settings);
  return preparation ? [...nudges, nextMeetingWork(preparation)] : nudges;
}
