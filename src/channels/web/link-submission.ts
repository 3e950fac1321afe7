import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import { handleCardAction } from '../../app/card-actions.js';
import type { AppDeps } from '../../app/deps.js';
import { executeCommand } from '../../app/execute-command.js';
import { cardForLink, linkIsAnswerable } from '../../app/link-cards.js';
import { resolveSecureLink } from '../../app/secure-links.js';
import { mergeSubmission } from '../../cards/verbs.js';
import { isDomainError } from '../../domain/errors.js';
import type { Meeting, SecureLink } from '../../domain/model.js';
import type { OutboundCard } from '../../ports/messenger.js';
import { cardControls } from './card-buttons.js';
import { LINK_PROBLEMS } from './link-notice.js';
import { closedLinkWords } from './link-closed.js';
import { badPressCard, childConfirmation, closedLinkCard, linkProblemCard, webConfirmation, webRefusal } from './link-replies.js';
import { renderOutbound } from './outbound.js';

/** What the page posts (see card-page.ts): the button's verb and data, and every input as text. */
const PressSchema = z.strictObject({
  verb: z.string().min(1).max(64),
  data: z.record(z.string(), z.unknown()),
  inputs: z.record(z.string().max(64), z.string().max(20_000)),
});

export interface SubmissionOutcome {
  status: number;
  card: OutboundCard;
}

/**
 * A press on a link's page. The link decides who is answering and which card: the press must be
 * one of that card's buttons with exactly its data, and only its inputs are taken, so a crafted
 * post can neither act as someone else nor reach another item. A single-use link is spent only
 * once the answer is saved: a refusal leaves it working for the corrected answer.
 */
export async function submitThroughLink(app: AppDeps, token: string, body: unknown): Promise<SubmissionOutcome> {
  const press = PressSchema.safeParse(body);
  if (!press.success) return { status: 400, card: badPressCard() };
  const resolved = await resolveSecureLink(app, token);
  if (!resolved.ok) return { status: LINK_PROBLEMS[resolved.state].status, card: linkProblemCard(resolved.state) };
  const { meeting, link, participant } = resolved;
  // The page was opened in time, but the meeting moved on while the person typed.
  if (!linkIsAnswerable(meeting, link)) return { status: 409, card: closedLinkCard(closedLinkWords(meeting, link)) };
  const controls = cardControls(renderOutbound(cardForLink(meeting, link, app.clock.now())));
  const button = controls.buttons.find((b) => b.verb === press.data.verb && isDeepStrictEqual(b.data, press.data.data));
  if (!button) return { status: 403, card: badPressCard() };
  const inputs = Object.fromEntries(Object.entries(press.data.inputs).filter(([id]) => controls.inputIds.has(id)));
  const result = await handleCardAction(app, {
    verb: button.verb,
    payload: mergeSubmission(button.data, inputs),
    actor: { kind: 'participant', participantId: participant.id },
    channel: 'web',
    loaded: meeting,
  });
  if (!result.change) return { status: 422, card: webRefusal(result.card) };
  if (link.singleUse) await spend(app, result.change.meeting, link);
  const organiser = meeting.participants.find((p) => p.id === meeting.organiserId)?.name ?? 'the organiser';
  const card = participant.role === 'child' ? childConfirmation(organiser, link.singleUse) : webConfirmation(result.card, link.singleUse);
  return { status: 200, card };
}

/** Marks the link used, in the audit trail as the person's own act on the web. */
async function spend(app: AppDeps, answered: Meeting, link: SecureLink): Promise<void> {
  try {
    await executeCommand(app, { meetingId: answered.id, command: { type: 'useLink', linkId: link.id }, actorId: link.participantId, channel: 'web', loaded: answered });
  } catch (error) {
    // Two presses at once: the other one spent it first, which is the outcome wanted anyway.
    if (isDomainError(error) && error.code === 'LINK.INACTIVE') return;
    throw error;
  }
}
