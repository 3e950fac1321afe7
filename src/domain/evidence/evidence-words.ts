import type { AttainmentLevel, CoreSubject } from './evidence.js';
import type { EvidenceFlag } from './evidence-flags.js';

/** The words for the evidence, shared by the cards, the plan and the import's report. */
export const SUBJECT_LABELS: Record<CoreSubject, string> = { english: 'English', maths: 'Maths', science: 'Science' };

export const LEVEL_LABELS: Record<AttainmentLevel, string> = {
  well_below: 'Well below expected',
  below: 'Below expected',
  expected: 'At expected',
  above: 'Above expected',
};

const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;

/** One flag in a sentence with no personal data, safe for the audit and any card. */
export function flagInWords(flag: EvidenceFlag): string {
  switch (flag.kind) {
    case 'attendance_below':
      return `Attendance ${flag.percent}% is below ${flag.threshold}%`;
    case 'suspension':
      return `Suspended for ${days(flag.days)} this term`;
    case 'permanent_exclusion':
      return 'Permanently excluded';
    case 'attainment_slip':
      return `${SUBJECT_LABELS[flag.subject]} slipped from ${LEVEL_LABELS[flag.from].toLowerCase()} to ${LEVEL_LABELS[flag.to].toLowerCase()}`;
  }
}
