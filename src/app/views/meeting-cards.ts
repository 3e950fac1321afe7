import { MAX_ACTIONS, MAX_PEOPLE } from '../../cards/data/common.js';
import { MAX_CHANGES_SHOWN } from '../../cards/data/plan-summary.js';
import { currentSignOffs, hasSigned, waitingFor } from '../../domain/plan/signatories.js';
import type { Meeting, PlanState } from '../../domain/model.js';
import type { OutboundCard } from '../../ports/messenger.js';
import { formatInstant } from '../plan/plan-format.js';
import { confirmationCard } from './message-cards.js';
import { childLabel, childTag, groupPerson, groupText, namedPerson, participant, timeFields } from './people.js';
import type { FormState } from './preparation-cards.js';

const attends = (answer: string | undefined) => answer === 'accept' || answer === 'tentative';

/** Step 5, in the meeting chat: who is here (everyone who said they would come) and why we meet. */
export function meetingStartCard(meeting: Meeting): OutboundCard {
  return {
    name: 'meeting-start',
    text: `The PEP meeting for ${childLabel(meeting)} is starting.`,
    data: {
      meetingId: meeting.id,
      child: childTag(meeting),
      purpose: meeting.purpose,
      ...timeFields(meeting),
      present: meeting.participants.filter((p) => attends(p.rsvp?.answer) || p.id === meeting.organiserId).map(groupPerson),
      apologies: meeting.participants.filter((p) => p.rsvp && !attends(p.rsvp.answer)).map(groupPerson),
    },
  };
}

export function previousActionsCard(meeting: Meeting, form: FormState = {}): OutboundCard {
  return {
    name: 'previous-actions',
    text: `Review of the last PEP's actions for ${childLabel(meeting)}.`,
    data: {
      meetingId: meeting.id,
      child: childTag(meeting),
      actions: meeting.previousActions.map((a) => {
        const review = meeting.reviews.find((r) => r.previousActionId === a.id);
        return {
          id: a.id,
          description: groupText(meeting, a.description),
          dueDate: a.dueDate,
          status: a.status,
          review: review ? { outcome: review.outcome, evidence: review.evidence } : undefined,
        };
      }),
      values: form.values ?? {},
      errors: form.errors ?? [],
    },
  };
}

/** The newest actions the card can hold: the written plan lists every action. */
export function liveActionsCard(meeting: Meeting): OutboundCard {
  return {
    name: 'live-actions',
    text: `${meeting.actions.length} actions captured for ${childLabel(meeting)}.`,
    data: {
      meetingId: meeting.id,
      child: childTag(meeting),
      actions: meeting.actions.slice(-MAX_ACTIONS).map((a) => ({
        id: a.id,
        description: groupText(meeting, a.description),
        owner: groupPerson(participant(meeting, a.ownerId)),
        dueDate: a.dueDate,
        status: a.status,
        acknowledged: a.acknowledgedAt !== undefined,
      })),
    },
  };
}

export function goalFormCard(meeting: Meeting, form: FormState = {}): OutboundCard {
  return {
    name: 'goal-form',
    text: `Add a SMART goal for ${childLabel(meeting)}.`,
    data: {
      meetingId: meeting.id,
      child: childTag(meeting),
      agendaItems: meeting.agenda.items.map((i) => ({ id: i.id, title: groupText(meeting, i.title) })),
      values: form.values ?? {},
      errors: form.errors ?? [],
    },
  };
}

export type NudgeStage = 'before_due' | 'due_today' | 'overdue';

export function actionNudgeCard(meeting: Meeting, actionId: string, stage: NudgeStage, form: FormState = {}): OutboundCard {
  const action = meeting.actions.find((a) => a.id === actionId);
  if (!action) throw new Error(`action ${actionId} is not in meeting ${meeting.id}`);
  return {
    name: 'action-nudge',
    text: stage === 'overdue' ? `An action for ${childLabel(meeting)} is overdue.` : `Reminder: an action for ${childLabel(meeting)} is due.`,
    data: {
      meetingId: meeting.id,
      actionId,
      child: childTag(meeting),
      recipientName: participant(meeting, action.ownerId).name,
      description: action.description,
      dueDate: action.dueDate,
      stage,
      values: form.values ?? {},
      errors: form.errors ?? [],
    },
  };
}

function issuedPlan(meeting: Meeting): PlanState & { nextReviewDate: string } {
  if (!meeting.plan || !meeting.nextReviewDate) throw new Error(`meeting ${meeting.id} has no written plan yet`);
  return { ...meeting.plan, nextReviewDate: meeting.nextReviewDate };
}

/**
 * Step 11: the plan as one participant receives it, with who has signed the version in force and
 * whether they still need to. A re-issued version says what changed. The card shows the start of
 * each list; the document behind documentUrl has everything.
 */
export function planSummaryCard(meeting: Meeting, recipientId: string, documentUrl?: string): OutboundCard {
  const plan = issuedPlan(meeting);
  const amendment = plan.amendments.find((a) => a.version === plan.version);
  const person = (id: string) => namedPerson(participant(meeting, id));
  return {
    name: 'plan-summary',
    text: amendment ? `The written plan for ${childLabel(meeting)} has changed.` : `The written plan for ${childLabel(meeting)} is ready.`,
    data: {
      meetingId: meeting.id,
      planVersion: plan.version,
      child: childTag(meeting),
      ...timeFields(meeting),
      startedAt: meeting.startedAt,
      concludedAt: meeting.concludedAt,
      decisions: meeting.notes.slice(-20).map((n) => n.text.slice(0, 2000)),
      goals: meeting.goals.slice(0, 10).map((g) => ({ title: g.title, timeBound: g.timeBound })),
      actions: meeting.actions.slice(0, MAX_ACTIONS).map((a) => ({ description: a.description, ownerName: participant(meeting, a.ownerId).name, dueDate: a.dueDate })),
      nextReviewDate: plan.nextReviewDate,
      signedOff: currentSignOffs(plan).slice(0, MAX_PEOPLE).map((s) => person(s.participantId)),
      waitingFor: waitingFor(plan).slice(0, MAX_PEOPLE).map(person),
      recipientHasSigned: hasSigned(plan, recipientId),
      recipientIsSignatory: plan.signatories.includes(recipientId),
      changes: amendment?.changes.slice(0, MAX_CHANGES_SHOWN) ?? [],
      documentUrl,
    },
  };
}

/** For the organiser, as a new message so they are notified: everyone asked has signed. */
export function planSignedOffCard(meeting: Meeting): OutboundCard {
  const plan = issuedPlan(meeting);
  return confirmationCard(
    'Written plan signed off',
    `Everyone asked has signed off version ${plan.version} of the written plan for ${childLabel(meeting)}.`,
    currentSignOffs(plan).slice(0, 20).map((s) => ({ label: participant(meeting, s.participantId).name, value: `Signed ${formatInstant(s.at, meeting.timeZone)}` })),
  );
}

