import type { CommandContext } from '../../domain/context.js';
import type { MeetingCommand } from '../../domain/commands.js';
import { DEFAULT_EVIDENCE_SETTINGS } from '../../domain/evidence/evidence-settings.js';
import { previousEvidence } from '../../domain/evidence/evidence-trend.js';
import type { Meeting } from '../../domain/model.js';
import type { AppDeps } from '../deps.js';

/**
 * What new evidence is measured against: the child's previous PEP with figures (another meeting,
 * so read here rather than by the pure rule) and the council's thresholds. Only evidence needs it.
 */
export async function evidenceBaselineFor(deps: Pick<AppDeps, 'store' | 'evidenceSettings'>, meeting: Meeting, command: MeetingCommand): Promise<CommandContext['evidenceBaseline']> {
  if (command.type !== 'recordEvidence') return undefined;
  const earlier = await deps.store.meetingsOfChild(meeting.child.ref);
  return { previous: previousEvidence(earlier, meeting), settings: deps.evidenceSettings ?? DEFAULT_EVIDENCE_SETTINGS };
}
