import { webApi } from '@slack/bolt';
import type { Delivery } from '../../ports/messenger.js';

type Failure = Extract<Delivery, { delivered: false }>;

/**
 * Slack's error codes in words for the organiser (the reason is shown on their attendance
 * summary), with the code kept for support. Codes not listed are permanent unless they are
 * Slack's own trouble: sending the same message again would fail the same way.
 */
const PERMANENT: Record<string, string> = {
  user_not_found: 'Slack could not find this person\'s account',
  users_not_found: 'Slack could not find this person\'s account',
  channel_not_found: 'Slack could not find that conversation, or PEP Bot is not in it',
  account_inactive: 'This person\'s Slack account is deactivated',
  user_disabled: 'This person\'s Slack account is deactivated',
  not_in_channel: 'PEP Bot is not a member of that Slack channel: invite it with /invite',
  is_archived: 'That Slack channel is archived',
  messages_tab_disabled: 'This person cannot receive direct messages from apps in Slack',
  cannot_dm_bot: 'This Slack account is a bot and cannot be messaged',
  message_not_found: 'The Slack message to update no longer exists',
  cant_update_message: 'The Slack message cannot be updated any more',
};
const RETRYABLE: ReadonlySet<string> = new Set(['ratelimited', 'internal_error', 'fatal_error', 'service_unavailable', 'request_timeout']);

/** Whatever the WebClient threw while sending, as a Delivery the core can record and report. */
export function deliveryFailure(error: unknown): Failure {
  if (error instanceof webApi.WebAPIPlatformError) {
    const code = error.data.error;
    const words = PERMANENT[code];
    if (words) return { delivered: false, reason: `${words} (${code}).`, retryable: false };
    return { delivered: false, reason: `Slack refused the message (${code}).`, retryable: RETRYABLE.has(code) };
  }
  if (error instanceof webApi.WebAPIHTTPError) {
    return { delivered: false, reason: `Slack answered HTTP ${error.statusCode}.`, retryable: error.statusCode >= 500 };
  }
  // Network failures, timeouts, and 429s still refused after every retry: worth trying later.
  const detail = error instanceof Error ? error.message : String(error);
  return { delivered: false, reason: `Slack could not be reached (${detail.slice(0, 200)}).`, retryable: true };
}
