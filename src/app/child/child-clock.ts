import { statutoryStatus } from '../../domain/child/statutory-clock.js';
import type { StatutoryStatus } from '../../domain/child/statutory-clock.js';
import { SYSTEM_ACTOR } from '../../domain/context.js';
import { localDate, writtenDay } from '../../domain/dates.js';
import { isDomainError } from '../../domain/errors.js';
import type { Meeting } from '../../domain/model.js';
import type { DueKind } from '../../domain/child/statutory-clock.js';
import type { ChildStore } from '../../ports/child-store.js';
import type { Delivery } from '../../ports/messenger.js';
import type { CardDelivery } from '../delivery.js';
import { officersForChild } from '../officers.js';
import type { AppDeps } from '../deps.js';
import { confirmationCard } from '../views/message-cards.js';
import { participant } from '../views/people.js';
import { DEFAULT_CALENDAR, DUE_WORDS } from './clock-words.js';
import { ensureChildRecord, recordChildEvent } from './record-child-event.js';

const HELD: ReadonlySet<Meeting['status']> = new Set(['concluded', 'plan_distributed']);

const childrenOf = (deps: AppDeps): ChildStore => {
  if (!deps.children) throw new Error('the statutory clock needs deps.children (the composition sets it)');
  return deps.children;
};

/** Where the child's clock stands today (England's calendar day); undefined for a child with no record. */
export async function childStatus(deps: AppDeps, childRef: string): Promise<StatutoryStatus | undefined> {
  const child = await childrenOf(deps).getChild(childRef);
  if (!child) return undefined;
  const meetings = await deps.store.meetingsOfChild(childRef);
  return statutoryStatus(child, meetings, { calendar: deps.calendar ?? DEFAULT_CALENDAR }, localDate(deps.clock.now().toISOString(), 'Europe/London'));
}

/**
 * Run from the outbox's re-plan after every saved meeting change, off the request path: the
 * first meeting for a child makes their record, and a meeting that has concluded is recorded on
 * it as a PEP held (once: a later re-plan finds it there). Says whether the child's clock may have
 * moved (a new record, a new or cancelled meeting, a PEP held), so most changes re-plan nothing.
 */
export async function childAfterMeetingSaved(deps: AppDeps, meeting: Meeting): Promise<{ childRef: string; clockMoved: boolean }> {
  const children = { children: childrenOf(deps), clock: deps.clock, newId: deps.newId };
  const actor = { actorId: SYSTEM_ACTOR, channel: 'system' as const };
  const childRef = meeting.child.ref;
  const stored = await children.children.getChild(childRef);
  const record = stored ?? (await ensureChildRecord(children, meeting.child, actor));
  if (HELD.has(meeting.status) && !record.events.some((event) => event.kind === 'pep_held' && event.detail === meeting.id)) {
    const command = { type: 'recordPepHeld' as const, on: localDate(meeting.startsAt, meeting.timeZone), meetingId: meeting.id };
    await recordChildEvent(children, { ref: childRef, command, ...actor }).catch((error: unknown) => {
      // Recorded meanwhile by another process's re-plan of the same meeting.
      if (!(isDomainError(error) && error.code === 'CHILD.ALREADY_RECORDED')) throw error;
    });
    return { childRef, clockMoved: true };
  }
  return { childRef, clockMoved: !stored || meeting.version === 1 || meeting.status === 'cancelled' };
}

/** What the scheduler's clock job asks to be said: the nudge before a due date, or the breach after it. */
export interface ClockNotice {
  childRef: string;
  stage: 'nudge' | 'breach';
  kind: DueKind;
  due: string;
}

/** The child's latest meeting that was not cancelled: its organiser is the one to tell. */
const latestMeeting = (meetings: readonly Meeting[]): Meeting | undefined => meetings.filter((meeting) => meeting.status !== 'cancelled').at(-1);

/**
 * The nudge before a PEP falls due and the notice once it is overdue, as a direct card to the
 * organiser of the child's latest meeting and to the child's Virtual School officer (the one the
 * record names, else every virtual_school_officer), through qa's officer delivery. Only the PEP
 * reference names the child. The organiser's delivery decides a retry; an officer no chat reaches
 * is put on the organiser's could-not-reach card by that delivery and is not retried.
 */
export function clockNotifier(deps: AppDeps, delivery: CardDelivery) {
  return async (work: ClockNotice): Promise<Delivery> => {
    const meeting = latestMeeting(await deps.store.meetingsOfChild(work.childRef));
    if (!meeting) return { delivered: false, reason: `no meeting for ${work.childRef} to find an organiser from`, retryable: false };
    const what = DUE_WORDS[work.kind];
    const card =
      work.stage === 'nudge'
        ? confirmationCard(`PEP due soon for ${work.childRef}`, `${what[0]?.toUpperCase()}${what.slice(1)} is due by ${writtenDay(work.due)}.`)
        : confirmationCard(`PEP overdue for ${work.childRef}`, `OVERDUE: ${what} was due by ${writtenDay(work.due)}. The Virtual School has been told.`);
    const organiser = await delivery.sendDirect(meeting, participant(meeting, meeting.organiserId), card);
    if (!organiser.delivered) return organiser;
    const child = await childrenOf(deps).getChild(work.childRef);
    for (const officer of officersForChild(deps.officers ?? [], child?.officerId)) {
      const told = await delivery.toOfficer(meeting, officer, card, 'send');
      if (!told.delivered) await delivery.gaveUp(meeting, { kind: 'officer', officerId: officer.id }, card.name, told.reason);
    }
    return organiser;
  };
}
