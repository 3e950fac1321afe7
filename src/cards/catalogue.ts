import type { z } from 'zod';
import { ActionNudgeDataSchema } from './data/action-nudge.js';
import { AgendaDataSchema } from './data/agenda.js';
import { AttendanceRecordDataSchema } from './data/attendance-record.js';
import { AttendanceSummaryDataSchema } from './data/attendance-summary.js';
import { CaseloadDigestDataSchema } from './data/caseload-digest.js';
import { ContributionRequestDataSchema } from './data/contribution-request.js';
import { EvidenceFlagsDataSchema } from './data/evidence-flags.js';
import { EvidenceFormDataSchema } from './data/evidence-form.js';
import { GoalFormDataSchema } from './data/goal-form.js';
import { HandoverDataSchema } from './data/handover.js';
import { InvitationDataSchema } from './data/invitation.js';
import { LiveActionsDataSchema } from './data/live-actions.js';
import { MeetingFormDataSchema } from './data/meeting-form.js';
import { MeetingStartDataSchema } from './data/meeting-start.js';
import { ConfirmationDataSchema, ErrorDataSchema, WelcomeDataSchema } from './data/messages.js';
import { PlanSummaryDataSchema } from './data/plan-summary.js';
import { PreviousActionsDataSchema } from './data/previous-actions.js';
import { ReachReportDataSchema } from './data/reach-report.js';
import { FundingOutcomeDataSchema } from './data/funding-outcome.js';
import { FundingRequestDataSchema } from './data/funding-request.js';
import { QaOutcomeDataSchema } from './data/qa-outcome.js';
import { QaReviewDataSchema } from './data/qa-review.js';
import { TransitionFormDataSchema } from './data/transition-form.js';
import { CarerPromptDataSchema, ChildVoicePromptDataSchema } from './data/prompts.js';

/**
 * Every card, once. `audience: 'group'` marks the cards posted to group and meeting chats: their
 * data knows the child only by initials and PEP reference. `refreshable` cards carry a Teams
 * refresh block so each person sees their own state.
 */
interface CardDefinition {
  schema: z.ZodType;
  audience: 'direct' | 'group' | 'any';
  refreshable: boolean;
}

export const CARDS = {
  'meeting-form': { schema: MeetingFormDataSchema, audience: 'direct', refreshable: false },
  invitation: { schema: InvitationDataSchema, audience: 'direct', refreshable: true },
  'attendance-summary': { schema: AttendanceSummaryDataSchema, audience: 'direct', refreshable: false },
  'contribution-request': { schema: ContributionRequestDataSchema, audience: 'direct', refreshable: false },
  agenda: { schema: AgendaDataSchema, audience: 'group', refreshable: false },
  'meeting-start': { schema: MeetingStartDataSchema, audience: 'group', refreshable: false },
  'previous-actions': { schema: PreviousActionsDataSchema, audience: 'group', refreshable: false },
  'live-actions': { schema: LiveActionsDataSchema, audience: 'group', refreshable: true },
  'goal-form': { schema: GoalFormDataSchema, audience: 'group', refreshable: false },
  'action-nudge': { schema: ActionNudgeDataSchema, audience: 'direct', refreshable: false },
  'carer-prompt': { schema: CarerPromptDataSchema, audience: 'direct', refreshable: false },
  'child-voice-prompt': { schema: ChildVoicePromptDataSchema, audience: 'direct', refreshable: false },
  'plan-summary': { schema: PlanSummaryDataSchema, audience: 'direct', refreshable: false },
  'reach-report': { schema: ReachReportDataSchema, audience: 'direct', refreshable: false },
  'caseload-digest': { schema: CaseloadDigestDataSchema, audience: 'direct', refreshable: false },
  handover: { schema: HandoverDataSchema, audience: 'direct', refreshable: false },
  'attendance-record': { schema: AttendanceRecordDataSchema, audience: 'group', refreshable: false },
  'evidence-form': { schema: EvidenceFormDataSchema, audience: 'direct', refreshable: false },
  'evidence-flags': { schema: EvidenceFlagsDataSchema, audience: 'direct', refreshable: false },
  'qa-review': { schema: QaReviewDataSchema, audience: 'direct', refreshable: false },
  'qa-outcome': { schema: QaOutcomeDataSchema, audience: 'direct', refreshable: false },
  'funding-request': { schema: FundingRequestDataSchema, audience: 'direct', refreshable: false },
  'funding-outcome': { schema: FundingOutcomeDataSchema, audience: 'direct', refreshable: false },
  'transition-form': { schema: TransitionFormDataSchema, audience: 'direct', refreshable: false },
  error: { schema: ErrorDataSchema, audience: 'any', refreshable: false },
  confirmation: { schema: ConfirmationDataSchema, audience: 'any', refreshable: false },
  welcome: { schema: WelcomeDataSchema, audience: 'any', refreshable: false },
} as const satisfies Record<string, CardDefinition>;

export type CardName = keyof typeof CARDS;
export const CARD_NAMES = Object.keys(CARDS) as CardName[];

/** What a caller passes to render a card (before defaults and formatting). */
export type CardData<N extends CardName> = z.input<(typeof CARDS)[N]['schema']>;

export const isCardName = (name: string): name is CardName => Object.hasOwn(CARDS, name);
export const GROUP_CARDS = CARD_NAMES.filter((name) => CARDS[name].audience === 'group');
export const REFRESHABLE_CARDS = CARD_NAMES.filter((name) => CARDS[name].refreshable);
