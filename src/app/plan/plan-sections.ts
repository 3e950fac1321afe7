import { formatDay, formatHeldTime } from '../../cards/format.js';
import { FEELING_LABELS, MOOD_LABELS, scaleLabel } from '../../cards/data/prompt-labels.js';
import type { PlanContent, PlanPerson } from '../../domain/plan/content.js';
import { ABSENCE, CONTRIBUTION_KINDS, formatInstant, money, personLabel, RESOURCE_KINDS, REVIEW_OUTCOMES } from './plan-format.js';
import type { PlanFact, PlanSection } from './plan-view-types.js';

/** The sections of the written plan that say what was agreed, in the order of the seed's steps. */

export interface SectionContext {
  content: PlanContent;
  child: { initials: string; showDetails: boolean };
}

/** Facts with nothing to say are left out: an unanswered question is not an answer. */
const facts = (pairs: [string, string | undefined][]): PlanFact[] =>
  pairs.flatMap(([label, value]) => (value?.trim() ? [{ label, value }] : []));

export function meetingSection({ content }: SectionContext): PlanSection {
  return {
    heading: 'The meeting',
    entries: [{ facts: facts([['Held', formatHeldTime(content.meeting)], ['Purpose', content.meeting.purpose]]) }],
    empty: '',
  };
}

export function attendanceSection({ content, child }: SectionContext): PlanSection {
  const who = (p: PlanPerson) => personLabel(p, child);
  return {
    heading: 'Who took part',
    entries: [
      { title: 'Attended', facts: [], items: content.attendees.map(who) },
      ...(content.absent.length > 0 ? [{ title: 'Apologies', facts: [], items: content.absent.map((p) => `${who(p)}: ${ABSENCE[p.answer ?? 'none']}`) }] : []),
    ],
    empty: '',
  };
}

export function contributionsSection({ content, child }: SectionContext): PlanSection {
  return {
    heading: 'Contributions received',
    entries: content.contributions.map((c) => ({
      title: `${CONTRIBUTION_KINDS[c.kind]} contribution from ${personLabel(c.from, child)}`,
      facts: facts([
        ['Attendance', c.content.attendancePercent === undefined ? undefined : `${c.content.attendancePercent}%`],
        ['Attainment', c.content.attainment],
        ['Exclusions', c.content.exclusions === undefined ? undefined : String(c.content.exclusions)],
        ['Observations', c.content.observations],
        ['Health', c.content.health],
        ['Other', c.content.text],
        ['Received', c.submittedAt && formatInstant(c.submittedAt, content.meeting.timeZone)],
      ]),
    })),
    empty: 'No written contributions were received.',
  };
}

export function voicesSection({ content, child }: SectionContext): PlanSection {
  return {
    heading: "The child's voice and the carer's view",
    entries: content.voices.map(({ from, answer }) =>
      answer.kind === 'child_voice'
        ? {
            title: `In their own words: ${personLabel(from, child)}`,
            facts: facts([['How things feel', scaleLabel(FEELING_LABELS, answer.feeling)], ['Going well', answer.goingWell], ['Hard', answer.hard], ['What they want', answer.want]]),
          }
        : {
            title: `From ${personLabel(from, child)}`,
            facts: facts([['How things have been', scaleLabel(MOOD_LABELS, answer.mood)], ['To raise', answer.toRaise], ['Anything else', answer.freeText]]),
          },
    ),
    empty: 'No answers were given before the meeting.',
  };
}

export function previousActionsSection({ content }: SectionContext): PlanSection {
  return {
    heading: 'Review of previous actions',
    entries: content.previousActions.map((a) => ({
      title: a.description,
      facts: facts([
        ['Owner', a.ownerName],
        ['Was due', a.dueDate && formatDay(a.dueDate)],
        ['Outcome', a.review ? REVIEW_OUTCOMES[a.review.outcome] : 'Not reviewed'],
        ['Evidence', a.review?.evidence],
      ]),
    })),
    empty: 'There were no actions from a previous PEP.',
  };
}

export function needsSection({ content, child }: SectionContext): PlanSection {
  return {
    heading: 'Current needs',
    entries: content.needs.map((need) => ({
      title: need.title,
      facts: need.notes.map((n) => ({ label: personLabel(n.by, child), value: n.text })),
    })),
    empty: 'No notes were taken.',
  };
}

export function goalsSection({ content }: SectionContext): PlanSection {
  return {
    heading: 'SMART goals and support',
    entries: content.goals.map((g) => ({
      title: g.title,
      facts: [
        ...facts([['Specific', g.specific], ['Measurable', g.measurable], ['Achievable', g.achievable], ['Relevant', g.relevant], ['By', formatDay(g.timeBound)]]),
        ...content.resources
          .filter((r) => r.goalId === g.id)
          .map((r) => ({ label: `Support: ${RESOURCE_KINDS[r.kind]}`, value: r.costPence === undefined ? r.description : `${r.description} (${money(r.costPence)})` })),
      ],
    })),
    empty: 'No goals were set.',
  };
}

export function nextReviewSection({ content }: SectionContext): PlanSection {
  return {
    heading: 'Next review',
    entries: content.nextReviewDate ? [{ facts: [{ label: 'Date', value: formatDay(content.nextReviewDate) }] }] : [],
    empty: 'No date has been set.',
  };
}

/** From Year 9 (shown only once recorded): where the young person is heading. */
export function transitionSection({ content }: SectionContext): PlanSection[] {
  const t = content.transition;
  if (!t) return [];
  return [{ heading: 'Transition', entries: [{ facts: facts([['Pathway', t.pathway], ['Careers guidance', t.careersGuidance], ['Post-16 options', t.post16Options]]) }], empty: '' }];
}
