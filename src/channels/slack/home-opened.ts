import type { App } from '@slack/bolt';
import type { HandlerDeps } from './handler-deps.js';
import { homeView } from './home-tab.js';
import { claimOnce } from './once.js';
import { AppHomeOpenedSchema, readPayload } from './payloads.js';

export const HOME_OPENED_EVENT = 'app_home_opened';

/**
 * Opening the app's Home tab publishes it afresh from the store. Bolt acknowledges events before
 * listeners run; a retry of the same event (X-Slack-Retry-Num) is recognised by its event id.
 */
export function registerHomeTab(app: App, deps: HandlerDeps): void {
  app.event(HOME_OPENED_EVENT, async ({ body }) => {
    const opened = readPayload(AppHomeOpenedSchema, body, deps.logger, HOME_OPENED_EVENT);
    if (!opened || opened.event.tab === 'messages') return;
    const { event_id: eventId, event } = opened;
    deps.background.run('home tab', { userId: event.user, eventId }, async () => {
      if (!(await claimOnce(deps.app.store, `event:${eventId}:${event.user}`, deps.app.clock.now()))) return;
      const meetings = await deps.app.store.meetingsOfParticipant({ kind: 'slack', slackUserId: event.user });
      await deps.client.views.publish({ user_id: event.user, view: homeView(meetings, event.user, deps.app.clock.now()) });
    });
  });
}
