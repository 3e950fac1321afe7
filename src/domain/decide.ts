import { acknowledgeAction, blockAction, captureAction, completeAction, rescheduleAction } from './actions.js';
import {
  acceptAgendaSuggestion,
  addAgendaItem,
  declineAgendaSuggestion,
  lockAgenda,
  removeAgendaItem,
  signOffAgenda,
  suggestAgendaItem,
} from './agenda.js';
import { auditEvent } from './audit.js';
import type { CommandOf, CommandType, MeetingCommand } from './commands.js';
import { addNote, linkChat, reviewPreviousAction } from './conduct.js';
import { recordEvidence, requestEvidence } from './evidence/record-evidence.js';
import type { Change, CommandContext, Outcome } from './context.js';
import { requestContribution, submitContribution } from './contributions.js';
import { addGoal, linkResource } from './goals.js';
import { recordRsvp, rescheduleMeeting, sendInvitations } from './invitations.js';
import { issueLink, revokeLink, revokeLinksOf, useLink } from './links.js';
import type { Meeting } from './model.js';
import { addParticipant, removeParticipant } from './participants.js';
import { signPlan } from './plan/sign-off.js';
import { followPlanChanges } from './plan/versions.js';
import { reopenOnPlanChange } from './qa/reopen.js';
import { answerPrompt, sendPrompt } from './prompts.js';
import { recordAttendance } from './record-attendance.js';
import { cancelMeeting, concludeMeeting, markPlanDistributed, setNextReviewDate, startMeeting } from './stages.js';

type Handler<T extends CommandType> = (draft: Meeting, command: CommandOf<T>, ctx: CommandContext) => Outcome;

/** One rule per command; the mapped type makes a forgotten command a compile error. */
const HANDLERS: { [T in CommandType]: Handler<T> } = {
  addParticipant: (m, c, ctx) => addParticipant(m, c.participant, ctx),
  removeParticipant: (m, c, ctx) => removeParticipant(m, c.participantId, ctx),
  sendInvitations: (m, _c, ctx) => sendInvitations(m, ctx),
  recordRsvp,
  rescheduleMeeting,
  requestContribution,
  submitContribution,
  addAgendaItem: (m, c, ctx) => addAgendaItem(m, c.title, ctx),
  suggestAgendaItem: (m, c, ctx) => suggestAgendaItem(m, c.title, ctx),
  acceptAgendaSuggestion: (m, c, ctx) => acceptAgendaSuggestion(m, c.itemId, ctx),
  declineAgendaSuggestion: (m, c, ctx) => declineAgendaSuggestion(m, c.itemId, ctx),
  removeAgendaItem: (m, c, ctx) => removeAgendaItem(m, c.itemId, ctx),
  linkChat,
  issueLink,
  revokeLink: (m, c, ctx) => revokeLink(m, c.linkId, ctx),
  revokeLinksOf: (m, c, ctx) => revokeLinksOf(m, c.participantId, ctx),
  useLink: (m, c, ctx) => useLink(m, c.linkId, ctx),
  signOffAgenda: (m, _c, ctx) => signOffAgenda(m, ctx),
  lockAgenda: (m, _c, ctx) => lockAgenda(m, ctx),
  startMeeting: (m, _c, ctx) => startMeeting(m, ctx),
  addNote,
  reviewPreviousAction,
  addGoal,
  linkResource,
  captureAction,
  acknowledgeAction: (m, c, ctx) => acknowledgeAction(m, c.actionId, ctx),
  completeAction: (m, c, ctx) => completeAction(m, c.actionId, ctx),
  blockAction,
  rescheduleAction,
  sendPrompt,
  answerPrompt,
  setNextReviewDate: (m, c, ctx) => setNextReviewDate(m, c.date, ctx),
  concludeMeeting,
  signPlan,
  markPlanDistributed: (m, _c, ctx) => markPlanDistributed(m, ctx),
  cancelMeeting: (m, c, ctx) => cancelMeeting(m, c.reason, ctx),
  recordAttendance,
  recordEvidence,
  requestEvidence,
};

/**
 * Applies one command to a meeting. Pure: the input meeting is never touched, a refusal throws a
 * DomainError and changes nothing, and every accepted change comes with its audit event.
 */
export function decide(meeting: Meeting, command: MeetingCommand, ctx: CommandContext): Change {
  const handler = HANDLERS[command.type] as Handler<typeof command.type>;
  return applyRule(meeting, command, ctx, (draft) => handler(draft, command, ctx));
}

/**
 * One rule applied to a copy of the meeting, for this module's commands and for the oversight
 * ones (src/domain/qa/, src/domain/funding/) alike: whatever the rule, a change to what the issued
 * plan says makes a new version to sign, and reopens an approved quality review.
 */
export function applyRule(meeting: Meeting, command: { type: string }, ctx: CommandContext, rule: (draft: Meeting) => Outcome): Change {
  const draft = structuredClone(meeting);
  const outcome = rule(draft);
  const plan = followPlanChanges(meeting, draft, ctx);
  const reopened = plan ? reopenOnPlanChange(draft, plan.changes, ctx) : undefined;
  draft.version = meeting.version + 1;
  draft.updatedAt = ctx.at;
  const { type, ...data } = command;
  return {
    meeting: draft,
    events: [auditEvent(meeting.id, type, outcome.summary, data, ctx), ...(plan ? [plan.event] : []), ...(reopened ? [reopened.event] : [])],
    alerts: [...(outcome.alerts ?? []), ...(plan ? [plan.alert] : []), ...(reopened?.alerts ?? [])],
  };
}

/**
 * Commands that complete a change in the same version: the links its messages carry, the plan
 * marked as sent. Each is decided on the changed meeting and audited like any other.
 */
export function decideFollowUps(change: Change, commands: readonly MeetingCommand[], ctx: CommandContext): Change {
  if (commands.length === 0) return change;
  const draft = structuredClone(change.meeting);
  const events = [...change.events];
  const alerts = [...change.alerts];
  for (const command of commands) {
    const handler = HANDLERS[command.type] as Handler<typeof command.type>;
    const outcome = handler(draft, command, ctx);
    const { type, ...data } = command;
    events.push(auditEvent(draft.id, type, outcome.summary, data, ctx));
    alerts.push(...(outcome.alerts ?? []));
  }
  return { meeting: draft, events, alerts };
}
