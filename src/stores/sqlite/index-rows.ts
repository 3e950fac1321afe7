import type { Meeting } from '../../domain/model.js';
import { instantMillis } from '../query-rules.js';

/** The denormalised rows that make identity, due-date and link-token lookups indexed queries. */

export interface ParticipantRow {
  meetingId: string;
  participantId: string;
  email: string | null;
  teamsUserId: string | null;
  teamsAadObjectId: string | null;
  slackUserId: string | null;
}

export interface ActionRow {
  meetingId: string;
  actionId: string;
  dueAtMs: number;
  status: string;
}

export const participantRows = (meeting: Meeting): ParticipantRow[] =>
  meeting.participants.map((participant) => ({
    meetingId: meeting.id,
    participantId: participant.id,
    email: participant.email?.toLowerCase() ?? null,
    teamsUserId: participant.teamsUserId ?? null,
    teamsAadObjectId: participant.teamsAadObjectId ?? null,
    slackUserId: participant.slackUserId ?? null,
  }));

export const actionRows = (meeting: Meeting): ActionRow[] =>
  meeting.actions.map((action) => ({
    meetingId: meeting.id,
    actionId: action.id,
    dueAtMs: instantMillis(action.dueAt),
    status: action.status,
  }));

export interface LinkRow {
  tokenHash: string;
  meetingId: string;
}

export const linkRows = (meeting: Meeting): LinkRow[] => meeting.links.map((link) => ({ tokenHash: link.tokenHash, meetingId: meeting.id }));
