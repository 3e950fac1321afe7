import { createHash, randomBytes } from 'node:crypto';
import { DateTime } from 'luxon';
import { isDomainError } from '../domain/errors.js';
import type { LinkState } from '../domain/links.js';
import { linkState } from '../domain/links.js';
import type { Channel, LinkPurpose, Meeting, Participant, SecureLink } from '../domain/model.js';
import type { AppDeps } from './deps.js';
import { executeCommand, loadMeeting } from './execute-command.js';

export const DEFAULT_LINK_DAYS = 14;

export const hashToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/** 256 random bits, so a token can be neither guessed nor enumerated; only its hash is kept on the meeting. */
export function newLinkToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashToken(token) };
}

export interface IssuedLink {
  /** The secret to put in the URL (/p/<token>). It is never stored: only its hash is. */
  token: string;
  link: SecureLink;
  meeting: Meeting;
}

/** A link to one card for one person; the organiser (or the scheduler, as "system") issues it and the audit trail says so. */
export async function issueSecureLink(
  deps: AppDeps,
  request: { meetingId: string; participantId: string; purpose: LinkPurpose; itemId?: string; actorId: string; days?: number; singleUse?: boolean },
): Promise<IssuedLink> {
  const { token, tokenHash } = newLinkToken();
  const expiresAt = DateTime.fromJSDate(deps.clock.now()).plus({ days: request.days ?? DEFAULT_LINK_DAYS }).toUTC().toISO({ suppressMilliseconds: true });
  const result = await executeCommand(deps, {
    meetingId: request.meetingId,
    actorId: request.actorId,
    channel: request.actorId === 'system' ? 'system' : 'web',
    command: {
      type: 'issueLink',
      participantId: request.participantId,
      purpose: request.purpose,
      itemId: request.itemId,
      tokenHash,
      expiresAt,
      singleUse: request.singleUse ?? request.purpose !== 'plan',
    },
  });
  const link = result.meeting.links.find((l) => l.tokenHash === tokenHash);
  if (!link) throw new Error('the issued link is missing from the saved meeting');
  return { token, link, meeting: result.meeting };
}

export type ResolvedLink =
  | { ok: true; meeting: Meeting; link: SecureLink; participant: Participant }
  /** Deliberately no meeting here: a page for a bad link must reveal nothing about the child. */
  | { ok: false; state: Exclude<LinkState, 'active'> | 'unknown' };

/** Finds what a token opens, and whether it still may. Malformed and unknown tokens look alike. */
export async function resolveSecureLink(deps: AppDeps, token: string): Promise<ResolvedLink> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return { ok: false, state: 'unknown' };
  const tokenHash = hashToken(token);
  const meetingId = await deps.store.meetingOfLinkToken(tokenHash);
  if (!meetingId) return { ok: false, state: 'unknown' };
  let meeting: Meeting;
  try {
    meeting = await loadMeeting(deps, meetingId);
  } catch (error) {
    if (isDomainError(error) && error.code === 'MEETING.NOT_FOUND') return { ok: false, state: 'unknown' };
    throw error;
  }
  const link = meeting.links.find((l) => l.tokenHash === tokenHash);
  const participant = link && meeting.participants.find((p) => p.id === link.participantId);
  if (!link || !participant) return { ok: false, state: 'unknown' };
  const state = linkState(link, deps.clock.now().toISOString());
  return state === 'active' ? { ok: true, meeting, link, participant } : { ok: false, state };
}

/** The organiser switches a link off, from any channel; the audit trail says who and where. */
export async function revokeSecureLink(deps: AppDeps, request: { meetingId: string; linkId: string; actorId: string; channel: Channel }): Promise<Meeting> {
  const result = await executeCommand(deps, { meetingId: request.meetingId, actorId: request.actorId, channel: request.channel, command: { type: 'revokeLink', linkId: request.linkId } });
  return result.meeting;
}
