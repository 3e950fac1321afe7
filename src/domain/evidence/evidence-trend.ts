import type { Meeting } from '../model.js';
import type { AttainmentLevel, CoreSubject, Evidence } from './evidence.js';
import { ATTAINMENT_LEVELS, CORE_SUBJECTS } from './evidence.js';
import { LEVEL_LABELS, SUBJECT_LABELS } from './evidence-words.js';

/**
 * Each figure across the child's PEPs, oldest first, as plain text with an arrow for the latest
 * move: "95% → 91% → 88% ▼". Cards, the plan and its PDF all show text, so no chart is needed.
 */
export type Direction = 'up' | 'down' | 'same' | 'first';

export interface TrendLine {
  label: string;
  /** One value per PEP with evidence, oldest first; "–" where that PEP did not record it. */
  values: string[];
  /** The latest move: ▲ up, ▼ down, = unchanged, nothing for a single PEP. */
  direction: Direction;
  text: string;
}

export interface EvidenceTrend {
  /** The terms of the PEPs with evidence, oldest first. */
  terms: string[];
  lines: TrendLine[];
}

const ARROWS: Record<Direction, string> = { up: ' ▲', down: ' ▼', same: ' =', first: '' };
const MISSING = '–';

function line(label: string, points: (number | undefined)[], show: (n: number) => string): TrendLine {
  const known = points.filter((p): p is number => p !== undefined);
  const [before, last] = known.slice(-2);
  const direction: Direction = known.length < 2 || before === undefined || last === undefined ? 'first' : last > before ? 'up' : last < before ? 'down' : 'same';
  const values = points.map((p) => (p === undefined ? MISSING : show(p)));
  return { label, values, direction, text: `${values.join(' → ')}${ARROWS[direction]}` };
}

const levelOf = (evidence: Evidence, subject: CoreSubject): AttainmentLevel | undefined => evidence.attainment.find((a) => a.subject === subject)?.level;

/** The PEPs that recorded evidence, in the order they were held. */
const withEvidence = (meetings: readonly Meeting[]): (Meeting & { evidence: Evidence })[] =>
  meetings
    .filter((m): m is Meeting & { evidence: Evidence } => m.evidence !== undefined && m.status !== 'cancelled')
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));

/** The trend of attendance, suspensions, exclusion and attainment per core subject over these PEPs. Pure. */
export const evidenceTrend = (meetings: readonly Meeting[]): EvidenceTrend => trendOf(withEvidence(meetings).map((m) => m.evidence));

/** The trend over figures already in the order they were recorded. */
export function trendOf(all: readonly Evidence[]): EvidenceTrend {
  const levelName = (n: number) => LEVEL_LABELS[ATTAINMENT_LEVELS[n] ?? 'expected'];
  return {
    terms: all.map((e) => e.term),
    lines: all.length === 0 ? [] : [
      line('Attendance', all.map((e) => e.attendancePercent), (n) => `${n}%`),
      line('Suspension days', all.map((e) => e.suspensionDays), String),
      line('Permanently excluded', all.map((e) => (e.permanentlyExcluded ? 1 : 0)), (n) => (n ? 'Yes' : 'No')),
      ...CORE_SUBJECTS.map((subject) =>
        line(SUBJECT_LABELS[subject], all.map((e) => {
          const level = levelOf(e, subject);
          return level === undefined ? undefined : ATTAINMENT_LEVELS.indexOf(level);
        }), levelName),
      ),
    ],
  };
}

/** The PEP before this one that recorded evidence: what a slip is measured against. */
export function previousEvidence(meetings: readonly Meeting[], current: Pick<Meeting, 'id' | 'startsAt'>): Evidence | undefined {
  return withEvidence(meetings).filter((m) => m.id !== current.id && m.startsAt < current.startsAt).at(-1)?.evidence;
}
