import { SYSTEM_ACTOR } from '../../domain/context.js';
import type { Meeting, Participant } from '../../domain/model.js';
import type { PlanLinkScope } from '../../domain/plan/link-scope.js';
import type { CardDelivery } from '../delivery.js';
import type { AppDeps } from '../deps.js';
import { executeCommand } from '../execute-command.js';
import { issueSecureLink } from '../secure-links.js';
import { planSummaryCard } from '../views/meeting-cards.js';
import { planDocumentUrl, planLinkDays, requirePlanBaseUrl } from './plan-links.js';

/**
 * Step 11, "distribute the written plan to all participants promptly": each version of the plan
 * goes to every participant as their own card. Someone the bot reaches in Teams or Slack gets, in
 * that direct message, a link to the full plan with the child's details; anyone else is reached by
 * CardDelivery's secure web link, whose plan view shows initials only (domain/plan/link-scope.ts).
 */
export interface PlanDistributor {
  distribute(delivery: CardDelivery, meeting: Meeting): Promise<void>;
}

export interface PlanDistributorDeps {
  app: AppDeps;
  /** PUBLIC_BASE_URL without a trailing slash. */
  publicBaseUrl: string;
}

const FULL_DETAILS: PlanLinkScope = 'full';

/** The cards alone, with no link to the document: what fan-out sends when no distributor is set up. */
export async function sendPlanCards(delivery: CardDelivery, meeting: Meeting, linkFor?: (person: Participant) => Promise<string | undefined>): Promise<void> {
  for (const person of meeting.participants) {
    const url = linkFor ? await linkFor(person) : undefined;
    await delivery.sendDirect(meeting, person, planSummaryCard(meeting, person.id, url));
  }
}

export function createPlanDistributor(deps: PlanDistributorDeps): PlanDistributor {
  requirePlanBaseUrl(deps.publicBaseUrl);
  const { app } = deps;

  const fullPlanLink = async (delivery: CardDelivery, meeting: Meeting, person: Participant): Promise<string | undefined> => {
    if (!delivery.messengerFor(person)) return undefined;
    const issued = await issueSecureLink(app, {
      meetingId: meeting.id,
      participantId: person.id,
      purpose: 'plan',
      itemId: FULL_DETAILS,
      actorId: SYSTEM_ACTOR,
      days: planLinkDays(meeting, app.clock.now()),
    });
    return planDocumentUrl(deps.publicBaseUrl, issued.token);
  };

  return {
    async distribute(delivery, meeting) {
      await sendPlanCards(delivery, meeting, (person) => fullPlanLink(delivery, meeting, person));
      // The first version out moves the meeting on; later versions go to people already holding one.
      if (meeting.status === 'concluded') {
        await executeCommand(app, { meetingId: meeting.id, command: { type: 'markPlanDistributed' }, actorId: SYSTEM_ACTOR, channel: 'system' });
      }
    },
  };
}
