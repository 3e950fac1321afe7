import { z } from 'zod';
import { localDate } from '../domain/dates.js';
import { EVIDENCE_OPEN } from '../domain/evidence/record-evidence.js';
import { BEFORE_MEETING } from '../domain/lifecycle.js';
import type { LinkPurpose, Meeting, MeetingStatus, SecureLink } from '../domain/model.js';
import type { OutboundCard } from '../ports/messenger.js';
import type { NudgeStage } from './views/meeting-cards.js';
import { actionNudgeCard, planSummaryCard } from './views/meeting-cards.js';
import { evidenceFormCard } from './views/evidence-cards.js';
import { contributionRequestCard, invitationCard, promptCard } from './views/preparation-cards.js';

/** What a secure link opens: one purpose and, for most, the item it is about. */
export interface LinkTarget {
  purpose: LinkPurpose;
  itemId?: string;
}

const ItemOf = {
  prompt: z.object({ promptId: z.string().min(1) }),
  action: z.object({ actionId: z.string().min(1) }),
  contribution: z.object({ contributionId: z.string().min(1) }),
};

/**
 * The cards a person with no chat account can be sent as a link, read back from the card's own
 * data. Group cards and the organiser's cards are not among them: a link is for one person.
 */
export function linkTargetOf(card: OutboundCard): LinkTarget | undefined {
  switch (card.name) {
    case 'invitation':
      return { purpose: 'invitation' };
    case 'carer-prompt':
      return { purpose: 'carer-prompt', itemId: ItemOf.prompt.parse(card.data).promptId };
    case 'child-voice-prompt':
      return { purpose: 'child-voice-prompt', itemId: ItemOf.prompt.parse(card.data).promptId };
    case 'action-nudge':
      return { purpose: 'action-nudge', itemId: ItemOf.action.parse(card.data).actionId };
    case 'contribution-request':
      return { purpose: 'contribution-request', itemId: ItemOf.contribution.parse(card.data).contributionId };
    case 'plan-summary':
      return { purpose: 'plan' };
    case 'evidence-form':
      return { purpose: 'evidence' };
    default:
      return undefined;
  }
}

/**
 * The stages in which a link's card can still be answered, as the domain's own rules have them
 * (invitations, prompts and contributions before the call). A reminder and the plan are about
 * what exists once the meeting has begun, so they have no such limit.
 */
const ANSWERABLE_WHILE: Partial<Record<LinkPurpose, readonly MeetingStatus[]>> = {
  invitation: BEFORE_MEETING,
  'carer-prompt': BEFORE_MEETING,
  'child-voice-prompt': BEFORE_MEETING,
  'contribution-request': BEFORE_MEETING,
  evidence: EVIDENCE_OPEN,
};

/** Whether the meeting has moved past what the link asks for: then no form is shown at all. */
export function linkIsAnswerable(meeting: Meeting, link: SecureLink): boolean {
  return ANSWERABLE_WHILE[link.purpose]?.includes(meeting.status) ?? true;
}

/** A reminder opened later says what it says on that day: before, on or after the due date. */
function stageOn(dueDate: string, today: string): NudgeStage {
  if (today < dueDate) return 'before_due';
  return today === dueDate ? 'due_today' : 'overdue';
}

const itemOf = (link: SecureLink): string => {
  if (!link.itemId) throw new Error(`link ${link.id} (${link.purpose}) has no item`);
  return link.itemId;
};

/** The card a link opens, drawn afresh from the meeting each time the page is opened or answered. */
export function cardForLink(meeting: Meeting, link: SecureLink, now: Date): OutboundCard {
  switch (link.purpose) {
    case 'invitation':
      return invitationCard(meeting, link.participantId);
    case 'carer-prompt':
    case 'child-voice-prompt':
      return promptCard(meeting, itemOf(link));
    case 'contribution-request':
      return contributionRequestCard(meeting, itemOf(link));
    case 'action-nudge': {
      const action = meeting.actions.find((a) => a.id === link.itemId);
      const today = localDate(now.toISOString(), meeting.timeZone);
      return actionNudgeCard(meeting, itemOf(link), action ? stageOn(action.dueDate, today) : 'due_today');
    }
    case 'plan':
      return planSummaryCard(meeting, link.participantId);
    case 'evidence':
      return evidenceFormCard(meeting, link.participantId);
  }
}
