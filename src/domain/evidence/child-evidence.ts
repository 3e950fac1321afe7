import type { Meeting } from '../model.js';
import type { Evidence } from './evidence.js';
import type { EvidenceFlag } from './evidence-flags.js';
import { evidenceFlags } from './evidence-flags.js';
import type { EvidenceSettings } from './evidence-settings.js';
import type { EvidenceTrend } from './evidence-trend.js';
import { evidenceTrend, withEvidence } from './evidence-trend.js';

export interface ChildEvidence {
  /** The PEP whose figures are the latest, and those figures. */
  meetingId: string;
  latest: Evidence;
  /** What the latest figures flag, against the PEP before them and the council's thresholds. */
  flags: EvidenceFlag[];
  trend: EvidenceTrend;
}

/**
 * A child's evidence across their PEPs, for a read side such as the caseload: the latest figures,
 * their flags and the trend; undefined when no PEP recorded any. Pure.
 */
export function childEvidence(meetings: readonly Meeting[], settings: EvidenceSettings): ChildEvidence | undefined {
  const recorded = withEvidence(meetings);
  const last = recorded.at(-1);
  if (!last) return undefined;
  return { meetingId: last.id, latest: last.evidence, flags: evidenceFlags(recorded.at(-2)?.evidence, last.evidence, settings), trend: evidenceTrend(recorded) };
}
