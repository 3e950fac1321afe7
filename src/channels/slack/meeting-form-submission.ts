import type { App } from '@slack/bolt';
import { submitMeetingForm } from '../../app/create-meeting-from-form.js';
import { describeError } from '../../app/error-messages.js';
import { meetingFormCard } from '../../app/views/preparation-cards.js';
import { slackStateToInputs } from '../../cards/index.js';
import type { HandlerDeps } from './handler-deps.js';
import { MEETING_FORM_CALLBACK, meetingFormModal, outcomeModal, workingModal } from './meeting-modal.js';
import { claimOnce } from './once.js';
import type { ViewSubmission } from './payloads.js';
import { readPayload, ViewSubmissionSchema } from './payloads.js';
import { answerSaved } from './replies.js';

/**
 * The new-meeting modal's Create button. Saving the meeting and looking people up takes longer
 * than Slack's three seconds, so the ack swaps the form for a "creating…" view, and views.update
 * then shows the outcome: the confirmation, or the same form with every problem listed and
 * everything typed still in it. A replayed submission (same trigger, same person) creates nothing.
 */
export function registerMeetingForm(app: App, deps: HandlerDeps): void {
  app.view({ callback_id: MEETING_FORM_CALLBACK, type: 'view_submission' }, async ({ ack, body }) => {
    const submission = readPayload(ViewSubmissionSchema, body, deps.logger, 'view_submission');
    if (!submission) return ack();
    await ack({ response_action: 'update', view: workingModal() });
    deps.background.run('meeting form', { userId: submission.user.id, viewId: submission.view.id }, () => createMeeting(deps, submission));
  });
}

async function createMeeting(deps: HandlerDeps, submission: ViewSubmission): Promise<void> {
  const { user, view } = submission;
  let typed: Record<string, string> = {};
  let result: Awaited<ReturnType<typeof submitMeetingForm>>;
  try {
    if (!(await claimOnce(deps.app.store, `view:${submission.trigger_id}:${user.id}`, deps.app.clock.now()))) {
      deps.logger.info({ userId: user.id, viewId: view.id }, 'meeting form submitted again: already handled');
      return;
    }
    typed = slackStateToInputs(view.state.values);
    const organiser = await deps.directory.organiser(user.id, user.name ?? user.username ?? user.id);
    result = await submitMeetingForm(deps.app, { payload: typed, organiser, channel: 'slack', identify: deps.directory.identify });
  } catch (error) {
    await showNotCreated(deps, view.id, typed, error);
    throw error;
  }
  const next = result.card.name === 'meeting-form' ? meetingFormModal(result.card) : outcomeModal(result.card);
  if (result.change) deps.logger.info({ userId: user.id, meetingId: result.change.meeting.id }, 'meeting created from the Slack form');
  await answerSaved(deps, () => deps.client.views.update({ view_id: view.id, view: next }), result.change?.meeting.id);
}

/** Nothing was saved: the form comes back with everything typed still in it, and why. */
async function showNotCreated(deps: HandlerDeps, viewId: string, typed: Record<string, string>, error: unknown): Promise<void> {
  const { message, fix } = describeError(error);
  try {
    await deps.client.views.update({ view_id: viewId, view: meetingFormModal(meetingFormCard({ values: typed, errors: [`${message} ${fix}`] })) });
  } catch (updateError) {
    deps.logger.warn({ err: updateError, viewId }, 'could not tell the organiser their meeting was not created');
  }
}
