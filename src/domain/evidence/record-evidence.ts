import type { CommandOf } from '../commands.js';
import type { CommandContext, Outcome } from '../context.js';
import { SYSTEM_ACTOR } from '../context.js';
import { ENGLAND_DEFAULT_TERMS } from '../child/calendar-settings.js';
import { localDate } from '../dates.js';
import { refuse } from '../errors.js';
import { requireStatus } from '../lifecycle.js';
import type { Meeting, MeetingStatus } from '../model.js';
import { actingParticipant, isOrganiser, requireOrganiser } from '../permissions.js';
import { findParticipant } from '../participants.js';
import { schoolTermOf } from '../school-term.js';
import type { Evidence } from './evidence.js';
import type { EvidenceFlag } from './evidence-flags.js';
import { evidenceFlags } from './evidence-flags.js';
import { DEFAULT_EVIDENCE_SETTINGS } from './evidence-settings.js';

/** Until the meeting closes: the figures are what it decides on, and a later PEP has its own. */
export const EVIDENCE_OPEN: readonly MeetingStatus[] = ['draft', 'invited', 'agenda_agreed', 'in_progress'];

/**
 * The designated teacher (or the organiser on their behalf) enters the figures while the meeting
 * is open; an import acts as the system. Exported so a channel can refuse the form before it is filled.
 */
export function requireEvidenceRecorder(meeting: Meeting, ctx: CommandContext): void {
  if (ctx.actorId !== SYSTEM_ACTOR) {
    const person = actingParticipant(meeting, ctx);
    if (person.role !== 'designated_teacher' && !isOrganiser(meeting, person.id)) {
      refuse('PERMISSION.NOT_ADDRESSEE', "Only the designated teacher or the organiser can enter the school's figures.");
    }
  }
  requireStatus(meeting, EVIDENCE_OPEN, 'enter the evidence');
}

/**
 * Seed step 2: the term's attendance, exclusions and attainment, kept on the meeting (the latest
 * entry counts). Measured against the previous PEP's figures and the council's thresholds from the
 * context, it flags the child to the organiser and the Virtual School.
 */
export function recordEvidence(meeting: Meeting, command: CommandOf<'recordEvidence'>, ctx: CommandContext): Outcome {
  requireEvidenceRecorder(meeting, ctx);
  if (new Set(command.attainment.map((a) => a.subject)).size !== command.attainment.length) {
    refuse('VALIDATION.INVALID_INPUT', 'Give each subject once.', { problems: ['Give each subject once.'] });
  }
  // The term the PEP is held in, by the council's term dates: as the caseload's term filter and PP+ name it.
  const term = schoolTermOf(localDate(meeting.startsAt, meeting.timeZone), ctx.schoolTerms ?? ENGLAND_DEFAULT_TERMS);
  if (command.term !== undefined && command.term !== term.key) {
    const problem = `These figures are for ${command.term}, but this PEP is in the ${term.label} (${term.key}).`;
    refuse('VALIDATION.INVALID_INPUT', problem, { problems: [problem] });
  }
  const { type: _type, source, term: _named, ...figures } = command;
  const baseline = ctx.evidenceBaseline;
  const flagsOf = (evidence: Evidence | undefined) => (evidence ? evidenceFlags(baseline?.previous, evidence, baseline?.settings ?? DEFAULT_EVIDENCE_SETTINGS) : []);
  const before = flagsOf(meeting.evidence).map(flagKey);
  meeting.evidence = { term: term.key, ...figures, recordedBy: ctx.actorId, at: ctx.at, source };
  const flags = flagsOf(meeting.evidence);
  // A correction that raises nothing new (the science level fixed, 80% made 81%) tells nobody twice.
  const raisesNew = flags.some((flag) => !before.includes(flagKey(flag)));
  return {
    summary: `Evidence for the ${term.label} recorded from ${source === 'csv' ? 'a CSV import' : 'a card'}${flags.length > 0 ? ` (${flags.length} flagged)` : ''}`,
    alerts: raisesNew ? [{ kind: 'evidence_flagged', flags, previous: baseline?.previous }] : [],
  };
}

/** What a flag is about, whatever its figures: attendance, a suspension, an exclusion, a slip in one subject. */
const flagKey = (flag: EvidenceFlag): string => (flag.kind === 'attainment_slip' ? `${flag.kind}:${flag.subject}` : flag.kind);

/** The organiser asks the designated teacher for the figures: the evidence card goes to them, by chat or secure link. */
export function requestEvidence(meeting: Meeting, command: CommandOf<'requestEvidence'>, ctx: CommandContext): Outcome {
  requireOrganiser(meeting, ctx, 'ask for the evidence');
  requireStatus(meeting, EVIDENCE_OPEN, 'ask for the evidence');
  const person = findParticipant(meeting, command.participantId);
  if (person.role !== 'designated_teacher') refuse('PERMISSION.NOT_ADDRESSEE', 'The evidence card goes to the designated teacher.');
  return { summary: 'Evidence requested from the designated teacher', alerts: [{ kind: 'evidence_requested', participantId: person.id }] };
}
