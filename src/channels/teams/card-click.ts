import type { TurnContext } from 'botbuilder';
import { handleCardAction } from '../../app/card-actions.js';
import type { IdentifyParticipant } from '../../app/create-meeting-from-form.js';
import { submitMeetingForm } from '../../app/create-meeting-from-form.js';
import { describeError } from '../../app/error-messages.js';
import type { UserError } from '../../app/error-messages.js';
import { confirmationCard, errorCard } from '../../app/views/message-cards.js';
import type { OutboundCard } from '../../ports/messenger.js';
import { connectorFailure } from './connector-errors.js';
import type { ConversationDirectory, TeamsPerson } from './conversation-directory.js';
import { chooseIdentity, identitiesOf } from './identity-choice.js';
import type { TeamsDeps } from './teams-turn.js';
import { idempotencyKey } from './teams-turn.js';

const FORM_SUBMISSIONS = 'teams-form-submission';

const NO_SENDER: UserError = {
  code: 'INTERNAL',
  title: 'We could not tell who you are',
  message: 'Teams did not say which account this came from, so nothing was changed.',
  fix: 'Try again from Teams itself. If it keeps happening, tell the meeting organiser.',
};
export const UNKNOWN_SENDER = errorCard(NO_SENDER);

/** What a click comes to: the card for the person who clicked, and whether it was refused or changed the meeting. */
export interface CardClickAnswer {
  card: OutboundCard;
  /** The click was refused: `card` is the error card, for the person who clicked alone. */
  refusal?: UserError;
  /** The meeting changed, so the card clicked is redrawn for everyone by the fan-out too. */
  changed: boolean;
}

const refused = (refusal: UserError): CardClickAnswer => ({ card: errorCard(refusal), refusal, changed: false });

/**
 * A click on any card, as Action.Execute or its Action.Submit fallback: who clicked comes from the
 * activity Teams signed (`from.aadObjectId`), never from the card's data. Returns the card to show
 * in place; the fan-out to everyone else is started, not awaited.
 */
export async function cardClick(deps: TeamsDeps, context: TurnContext, verb: string, payload: Record<string, unknown>): Promise<CardClickAnswer> {
  try {
    const person = await deps.people.sender(context);
    if (!person) return refused(NO_SENDER);
    if (verb === 'meeting.create') return { card: await createMeeting(deps, context, person, payload), changed: false };
    const meetingId = typeof payload.meetingId === 'string' ? payload.meetingId : undefined;
    const meeting = meetingId ? await deps.app.store.getMeeting(meetingId) : undefined;
    const actor = await chooseIdentity(identitiesOf(person), { meeting, store: deps.app.store });
    const result = await handleCardAction(deps.app, { verb, payload, actor, channel: 'teams', idempotencyKey: idempotencyKey(context, person), loaded: meeting });
    return { card: result.card, refusal: result.refusal, changed: result.change !== undefined };
  } catch (error) {
    deps.logger.error({ verb, activityId: context.activity.id, failure: connectorFailure(error) }, 'teams card action failed');
    // The card clicked is replaced by this one: what was typed into it is handed back on it.
    return refused({ ...describeError(error), kept: payload });
  }
}

/**
 * The organiser's form. Creating a meeting has no meeting to record a retry against, so the
 * activity is claimed first: a redelivered click is told it already went through.
 */
async function createMeeting(deps: TeamsDeps, context: TurnContext, person: TeamsPerson, payload: Record<string, unknown>): Promise<OutboundCard> {
  const key = idempotencyKey(context, person);
  const store = deps.app.store;
  if (!(await store.claimValue(FORM_SUBMISSIONS, key, { at: deps.app.clock.now().toISOString() }))) {
    return confirmationCard('Already received', 'This form was already sent: the meeting is created and the invitations have gone out.');
  }
  const organiser = {
    name: context.activity.from.name?.trim() || 'Organiser',
    teamsAadObjectId: person.aadObjectId,
    teamsUserId: person.userId,
    email: person.emails[0],
    preferredChannel: 'teams' as const,
  };
  try {
    const result = await submitMeetingForm(deps.app, { payload, organiser, channel: 'teams', identify: identifyFrom(deps.directory) });
    if (!result.change) await store.deleteValue(FORM_SUBMISSIONS, key);
    return result.card;
  } catch (error) {
    await store.deleteValue(FORM_SUBMISSIONS, key);
    throw error;
  }
}

/** People typed on the form who already use PEP Bot in Teams get their Teams ids in the meeting. */
function identifyFrom(directory: ConversationDirectory): IdentifyParticipant {
  return async (participant) => {
    const known = participant.email ? await directory.personByEmail(participant.email) : undefined;
    return known ? { ...participant, teamsAadObjectId: known.aadObjectId, teamsUserId: known.userId } : participant;
  };
}
