import { ATTENDANCE_STATUS_LABELS } from '../../cards/data/labels.js';
import type { AttendanceStatus } from '../../domain/attendance-record.js';
import { ATTENDANCE_STATUSES } from '../../domain/attendance-record.js';
import type { CoreSubject } from '../../domain/evidence/evidence.js';
import { CORE_SUBJECTS } from '../../domain/evidence/evidence.js';
import type { EvidenceTrend } from '../../domain/evidence/evidence-trend.js';
import { evidenceTrend } from '../../domain/evidence/evidence-trend.js';
import { LEVEL_LABELS, SUBJECT_LABELS } from '../../domain/evidence/evidence-words.js';
import type { Meeting } from '../../domain/model.js';
import { schoolTermLabelOfKey } from '../../domain/school-term.js';
import { personLabel } from './plan-format.js';
import type { SectionContext } from './plan-sections.js';
import type { PlanEntry, PlanSection } from './plan-view-types.js';

/** Who took part, as the organiser recorded it at the meeting: one list per status, apologies with their reasons. */
export function recordedAttendanceSection({ content, child }: SectionContext): PlanSection {
  const record = content.attendanceRecord ?? [];
  const listOf = (status: AttendanceStatus): PlanEntry[] => {
    const people = record.filter((e) => e.status === status);
    if (people.length === 0) return [];
    return [{ title: ATTENDANCE_STATUS_LABELS[status], facts: [], items: people.map((e) => `${personLabel(e.person, child)}${e.reason ? `: ${e.reason}` : ''}`) }];
  };
  return { heading: 'Who took part', entries: ATTENDANCE_STATUSES.flatMap(listOf), empty: 'Nobody was recorded.' };
}

/**
 * The PEPs of the child up to this one, with this meeting as it is now: the trend an earlier plan
 * shows ends with that plan, however many PEPs followed.
 */
export function trendUpTo(meeting: Meeting, childMeetings: readonly Meeting[]): EvidenceTrend {
  const earlier = childMeetings.filter((m) => m.id !== meeting.id && m.startsAt < meeting.startsAt);
  return evidenceTrend([...earlier, meeting]);
}

/** Seed step 2: the term's figures the meeting decided on, and each as a trend over the child's PEPs. */
export function evidenceSection({ content }: SectionContext, trend: EvidenceTrend): PlanSection {
  const figures = content.evidence;
  if (!figures) return { heading: 'Attendance, exclusions and attainment', entries: [], empty: "The school's figures were not entered for this PEP." };
  const level = (subject: CoreSubject): string => {
    const found = figures.attainment.find((a) => a.subject === subject)?.level;
    return found ? LEVEL_LABELS[found] : 'Not assessed';
  };
  const thisTerm: PlanEntry = {
    title: `This PEP: ${schoolTermLabelOfKey(figures.term)}`,
    facts: [
      { label: 'Attendance', value: `${figures.attendancePercent}%` },
      { label: 'Suspension days', value: String(figures.suspensionDays) },
      { label: 'Permanently excluded', value: figures.permanentlyExcluded ? 'Yes' : 'No' },
      ...CORE_SUBJECTS.map((subject) => ({ label: SUBJECT_LABELS[subject], value: level(subject) })),
    ],
  };
  const across: PlanEntry[] =
    trend.terms.length < 2 ? [] : [{ title: `Over ${trend.terms.length} PEPs (${trend.terms.map(schoolTermLabelOfKey).join(', ')}), ▲ up, ▼ down, = the same`, facts: trend.lines.map((l) => ({ label: l.label, value: l.text })) }];
  return { heading: 'Attendance, exclusions and attainment', entries: [thisTerm, ...across], empty: '' };
}
