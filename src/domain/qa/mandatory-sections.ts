import type { Meeting } from '../model.js';
import { needsTransition } from './transition.js';

/**
 * The sections a plan must have before the Virtual School will look at it (issue 15, item 2 and
 * item 7's Year 9+ transition). Each missing one is named in the words the organiser reads.
 */
export type MandatorySection = 'child_views' | 'smart_targets' | 'attendance_attainment' | 'next_review' | 'transition';

export interface MissingSection {
  section: MandatorySection;
  /** What is missing, as a sentence the organiser can act on. */
  says: string;
}

const hasText = (text: string | undefined): boolean => text !== undefined && text.trim().length > 0;

/** An answered child's-voice prompt, or a contribution sent by the child themself. */
function childViews(meeting: Meeting): boolean {
  const childIds = new Set(meeting.participants.filter((p) => p.role === 'child').map((p) => p.id));
  return meeting.prompts.some((p) => p.kind === 'child_voice' && p.answer !== undefined) || meeting.contributions.some((c) => c.status === 'submitted' && childIds.has(c.participantId));
}

/** Goals without an action (each action has an owner and a due date by construction). */
function targetsWithoutAction(meeting: Meeting): string[] {
  return meeting.goals.filter((g) => !meeting.actions.some((a) => a.goalId === g.id && hasText(a.ownerId) && hasText(a.dueDate))).map((g) => g.title);
}

/**
 * The term's figures from the designated teacher's evidence card, or, for plans written before it
 * existed, a school contribution that gave both the attendance and the attainment.
 */
function attendanceAndAttainment(meeting: Meeting): boolean {
  const evidence = meeting.evidence;
  if (evidence && evidence.attendancePercent !== undefined && evidence.attainment.length > 0) return true;
  return meeting.contributions.some((c) => c.status === 'submitted' && c.kind === 'school' && c.content?.attendancePercent !== undefined && hasText(c.content.attainment));
}

function transitionFilled(meeting: Meeting): boolean {
  const t = meeting.transition;
  return t !== undefined && hasText(t.pathway) && hasText(t.careersGuidance) && hasText(t.post16Options);
}

const quoted = (titles: string[]) => titles.map((t) => `"${t.length > 60 ? `${t.slice(0, 59)}…` : t}"`).join(', ');

export function missingSections(meeting: Meeting): MissingSection[] {
  const missing: MissingSection[] = [];
  if (!childViews(meeting)) missing.push({ section: 'child_views', says: "The child's views: send the child's questions and record their answers, or add their own contribution." });
  const bare = targetsWithoutAction(meeting);
  if (meeting.goals.length === 0) missing.push({ section: 'smart_targets', says: 'SMART targets: add at least one, each with an action that has an owner and a due date.' });
  else if (bare.length > 0) missing.push({ section: 'smart_targets', says: `SMART targets: give ${quoted(bare)} an action with an owner and a due date.` });
  if (!attendanceAndAttainment(meeting)) missing.push({ section: 'attendance_attainment', says: "Attendance and attainment: the designated teacher's figures for the term (attendance % and attainment)." });
  if (!meeting.nextReviewDate) missing.push({ section: 'next_review', says: 'The next review date.' });
  if (needsTransition(meeting.child.yearGroup) && !transitionFilled(meeting)) {
    missing.push({ section: 'transition', says: 'The transition section (Year 9 and above): pathway, careers guidance and post-16 options.' });
  }
  return missing;
}
