import { FOR_THE_CHILD } from '../../cards/data/prompts.js';
import { formatDay } from '../../cards/format.js';
import type { Meeting, PlanState } from '../../domain/model.js';
import { planContent } from '../../domain/plan/content.js';
import { currentSignOffs, hasSigned, isFullySigned } from '../../domain/plan/signatories.js';
import { participant } from '../views/people.js';
import { evidenceSection, recordedAttendanceSection, trendUpTo } from './evidence-sections.js';
import { formatInstant, personLabel } from './plan-format.js';
import type { SectionContext } from './plan-sections.js';
import {
  attendanceSection,
  contributionsSection,
  goalsSection,
  meetingSection,
  needsSection,
  nextReviewSection,
  transitionSection,
  previousActionsSection,
  voicesSection,
} from './plan-sections.js';
import type { PlanSection, PlanView } from './plan-view-types.js';

/**
 * The written plan of a meeting, as a document (step 11): what was agreed, how the actions stand
 * now, and who has signed the version in force. Pure; the HTML and PDF renderers draw it.
 */

export interface PlanViewOptions {
  /** The child's name, date of birth and school: only on a view for an authenticated person. */
  showChildDetails: boolean;
  /** Who the link is for: the child is spoken to, in their own words, before the plan itself. */
  readerId?: string;
  /** The child's PEPs (MeetingStore.meetingsOfChild), for the evidence trend; without them the plan shows this PEP's figures alone. */
  childMeetings?: readonly Meeting[];
}

/** What the plan is, said to the child who reads it (a reading age of about 9), and whom to ask. */
function childGreeting(meeting: Meeting, readerId: string | undefined): string | undefined {
  const reader = meeting.participants.find((p) => p.id === readerId);
  if (reader?.role !== 'child') return undefined;
  const organiser = participant(meeting, meeting.organiserId);
  const ask = organiser.role === 'child' ? 'the adults at your meeting' : `${organiser.name.split(' ')[0]} (${FOR_THE_CHILD[organiser.role]})`;
  return `Hi ${reader.name.split(' ')[0]}! This is your plan from your PEP meeting. It says what the adults agreed to do to help you at school, and by when. Your own words are in it too. If something is not right, or you want to ask about it, tell ${ask}.`;
}

interface ViewContext extends SectionContext {
  meeting: Meeting;
  plan: PlanState;
}

const yearGroup = (year: number | undefined) => (year === undefined ? undefined : year === 0 ? 'Reception' : `Year ${year}`);

function childSection({ meeting, child }: ViewContext): PlanSection {
  const { ref, initials, fullName, dateOfBirth, school, yearGroup: year } = meeting.child;
  const shown: [string, string | undefined][] = child.showDetails
    ? [['Name', fullName], ['Date of birth', dateOfBirth && formatDay(dateOfBirth)], ['Year group', yearGroup(year)], ['School', school], ['PEP reference', ref]]
    : [['Initials', initials], ['PEP reference', ref]];
  return {
    heading: 'About the child',
    entries: [
      {
        facts: shown.flatMap(([label, value]) => (value ? [{ label, value }] : [])),
        text: child.showDetails ? undefined : "This copy names the child by initials only. The full details are on the copies sent to each person's Teams or Slack.",
      },
    ],
    empty: '',
  };
}

/** Actions as agreed, with how each stands today. */
function actionsSection({ meeting, content, child }: ViewContext): PlanSection {
  const goalTitle = (goalId: string | undefined) => content.goals.find((g) => g.id === goalId)?.title;
  return {
    heading: 'Actions',
    entries: content.actions.map((a) => {
      const live = meeting.actions.find((candidate) => candidate.id === a.id);
      const status =
        live?.status === 'done' && live.completedAt
          ? `Done (${formatInstant(live.completedAt, meeting.timeZone)})`
          : live?.status === 'blocked'
            ? `Blocked${live.blockedReason ? `: ${live.blockedReason}` : ''}`
            : 'Open';
      const goal = goalTitle(a.goalId);
      return {
        title: a.description,
        facts: [
          { label: 'Owner', value: personLabel(a.owner, child) },
          { label: 'Due', value: formatDay(a.dueDate) },
          ...(goal ? [{ label: 'For the goal', value: goal }] : []),
          { label: 'Status', value: status },
        ],
      };
    }),
    empty: 'No actions were agreed.',
  };
}

function signOffSection({ meeting, plan, child }: ViewContext): PlanSection {
  const signedAt = new Map(currentSignOffs(plan).map((s) => [s.participantId, s.at]));
  return {
    heading: `Sign-off of version ${plan.version}`,
    entries: [
      {
        text: isFullySigned(plan) ? 'Everyone asked has signed off this version.' : 'Waiting for the people marked "Not signed yet".',
        facts: plan.signatories.map((id) => {
          const { name, role } = participant(meeting, id);
          const at = signedAt.get(id);
          return { label: personLabel({ participantId: id, name, role }, child), value: at ? `Signed ${formatInstant(at, meeting.timeZone)}` : 'Not signed yet' };
        }),
      },
    ],
    empty: '',
  };
}

function changesSection({ meeting, plan }: ViewContext): PlanSection {
  return {
    heading: 'Changes since the plan was first issued',
    entries: [...plan.amendments].reverse().map((a) => ({ title: `Version ${a.version}, ${formatInstant(a.at, meeting.timeZone)}`, facts: [], items: a.changes })),
    empty: 'None: this is the plan as first issued.',
  };
}

export function buildPlanView(meeting: Meeting, options: PlanViewOptions): PlanView {
  const plan = meeting.plan;
  if (!plan) throw new Error(`meeting ${meeting.id} has no written plan yet`);
  const content = planContent(meeting);
  const ctx: ViewContext = { meeting, plan, content, child: { initials: meeting.child.initials, showDetails: options.showChildDetails } };
  const signed = plan.signatories.filter((id) => hasSigned(plan, id)).length;
  const label = `${meeting.child.initials} (${meeting.child.ref})`;
  return {
    title: `Personal Education Plan for ${label}`,
    greeting: childGreeting(meeting, options.readerId),
    summary: [
      { label: 'Child', value: label },
      { label: 'Plan version', value: `${plan.version}, issued ${formatInstant(plan.issuedAt, meeting.timeZone)}` },
      { label: 'Sign-off', value: isFullySigned(plan) ? 'Signed off by everyone asked' : `${signed} of ${plan.signatories.length} have signed` },
      ...(content.nextReviewDate ? [{ label: 'Next review', value: formatDay(content.nextReviewDate) }] : []),
    ],
    sections: [
      childSection(ctx),
      meetingSection(ctx),
      content.attendanceRecord ? recordedAttendanceSection(ctx) : attendanceSection(ctx),
      evidenceSection(ctx, trendUpTo(meeting, options.childMeetings ?? [])),
      contributionsSection(ctx),
      voicesSection(ctx),
      previousActionsSection(ctx),
      needsSection(ctx),
      goalsSection(ctx),
      actionsSection(ctx),
      ...transitionSection(ctx),
      nextReviewSection(ctx),
      signOffSection(ctx),
      changesSection(ctx),
    ],
    issuedAt: plan.issuedAt,
    fileName: `${meeting.child.ref}-plan-v${plan.version}.pdf`,
  };
}
