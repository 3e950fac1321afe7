import { DateTime } from 'luxon';
import type { PlanPerson } from '../../domain/plan/content.js';
import type { ContributionKind, ResourceKind, ReviewOutcome, RsvpAnswer } from '../../domain/model.js';
import { ROLE_LABELS } from '../../domain/roles.js';

/** Words and dates for the written plan: one place, so the HTML and the PDF read the same. */

/** "Friday 4 December 2026, 11:02", in the meeting's time zone. */
export const formatInstant = (instant: string, timeZone: string): string =>
  DateTime.fromISO(instant, { setZone: true }).setZone(timeZone).setLocale('en-GB').toFormat('cccc d LLLL yyyy, HH:mm');

/**
 * How the plan names a person. The child appears by initials unless this view may show who they
 * are: their name is as identifying as the child's details themselves.
 */
export function personLabel(person: PlanPerson, child: { initials: string; showDetails: boolean }): string {
  const name = person.role === 'child' && !child.showDetails ? child.initials : person.name;
  return `${name} (${ROLE_LABELS[person.role].toLowerCase()})`;
}

export const CONTRIBUTION_KINDS: Record<ContributionKind, string> = { school: 'School', carer: 'Carer', health: 'Health', other: 'Other' };

export const RESOURCE_KINDS: Record<ResourceKind, string> = {
  tutoring: 'Tutoring',
  mentoring: 'Mentoring',
  counselling: 'Counselling',
  pupil_premium_plus: 'Pupil Premium Plus',
  equipment: 'Equipment',
  other: 'Other support',
};

export const REVIEW_OUTCOMES: Record<ReviewOutcome, string> = { achieved: 'Achieved', in_progress: 'In progress', not_achieved: 'Not achieved' };

export const ABSENCE: Record<RsvpAnswer | 'none', string> = {
  decline: 'sent apologies',
  written_contribution: 'sent a written contribution instead',
  accept: 'accepted',
  tentative: 'might attend',
  none: 'did not reply',
};

export const money = (pence: number): string => `£${(pence / 100).toFixed(2)}`;
