import { describe, expect, it } from 'vitest';
import { MeetingCommandSchema } from '../../src/domain/commands.js';
import { decide } from '../../src/domain/decide.js';
import type { Evidence } from '../../src/domain/evidence/evidence.js';
import { evidenceFlags } from '../../src/domain/evidence/evidence-flags.js';
import { DEFAULT_EVIDENCE_SETTINGS, EvidenceSettingsSchema } from '../../src/domain/evidence/evidence-settings.js';
import { evidenceTrend, previousEvidence } from '../../src/domain/evidence/evidence-trend.js';
import { flagInWords } from '../../src/domain/evidence/evidence-words.js';
import type { Meeting } from '../../src/domain/model.js';
import { CouncilSettingsSchema } from '../../src/domain/oversight/council-settings.js';
import { counterIds, expectRefusal, Scenario } from './scenario.js';

const figures = (over: Partial<Evidence> = {}): Evidence => ({
  term: '2026-27 autumn',
  attendancePercent: 96,
  suspensionDays: 0,
  permanentlyExcluded: false,
  attainment: [
    { subject: 'english', level: 'expected' },
    { subject: 'maths', level: 'below' },
    { subject: 'science', level: 'expected' },
  ],
  recordedBy: 'p-1',
  at: '2026-11-25T10:00:00Z',
  source: 'card',
  ...over,
});

const pep = (id: string, startsAt: string, evidence?: Evidence, status: Meeting['status'] = 'plan_distributed'): Meeting =>
  ({ ...new Scenario().meeting, id, startsAt, status, evidence }) as Meeting;

describe('evidence flags', () => {
  it('flags nothing for a child at or above every line', () => {
    expect(evidenceFlags(figures(), figures({ attendancePercent: 90 }), DEFAULT_EVIDENCE_SETTINGS)).toEqual([]);
  });

  it('flags attendance below the threshold, any suspension, a permanent exclusion and each slipped subject', () => {
    const now = figures({
      attendancePercent: 89.5,
      suspensionDays: 0.5,
      permanentlyExcluded: true,
      attainment: [{ subject: 'english', level: 'below' }, { subject: 'maths', level: 'expected' }, { subject: 'science', level: 'well_below' }],
    });
    const flags = evidenceFlags(figures(), now, DEFAULT_EVIDENCE_SETTINGS);
    expect(flags).toEqual([
      { kind: 'attendance_below', percent: 89.5, threshold: 90 },
      { kind: 'suspension', days: 0.5 },
      { kind: 'permanent_exclusion' },
      { kind: 'attainment_slip', subject: 'english', from: 'expected', to: 'below' },
      { kind: 'attainment_slip', subject: 'science', from: 'expected', to: 'well_below' },
    ]);
    expect(flags.map(flagInWords)).toContain('English slipped from at expected to below expected');
  });

  it('has no slip to measure on a first PEP, and follows the council thresholds', () => {
    const settings = EvidenceSettingsSchema.parse({ attendanceBelowPercent: 95, suspensionDaysAtLeast: 2 });
    expect(evidenceFlags(undefined, figures({ attendancePercent: 94, suspensionDays: 1 }), settings)).toEqual([{ kind: 'attendance_below', percent: 94, threshold: 95 }]);
  });

  it("are England's defaults in an empty council settings file", () => {
    expect(CouncilSettingsSchema.parse({}).evidence).toEqual({ attendanceBelowPercent: 90, suspensionDaysAtLeast: 0.5 });
    expect(CouncilSettingsSchema.safeParse({ evidence: { attendanceBelowPercent: 120 } }).success).toBe(false);
  });
});

describe('evidence trend', () => {
  it('reads each figure over the PEPs oldest first, with an arrow for the latest move, skipping PEPs without evidence', () => {
    const meetings = [
      pep('m3', '2027-06-04T10:00:00Z', figures({ term: '2026-27 summer', attendancePercent: 88, attainment: [{ subject: 'english', level: 'below' }] })),
      pep('m1', '2026-12-04T10:00:00Z', figures({ attendancePercent: 95 })),
      pep('mx', '2027-01-04T10:00:00Z'),
      pep('m2', '2027-03-04T10:00:00Z', figures({ term: '2026-27 spring', attendancePercent: 91, suspensionDays: 2 })),
    ];
    const trend = evidenceTrend(meetings);
    expect(trend.terms).toEqual(['2026-27 autumn', '2026-27 spring', '2026-27 summer']);
    const text = Object.fromEntries(trend.lines.map((l) => [l.label, l.text]));
    expect(text).toMatchObject({
      Attendance: '95% → 91% → 88% ▼',
      'Suspension days': '0 → 2 → 0 ▼',
      'Permanently excluded': 'No → No → No =',
      English: 'At expected → At expected → Below expected ▼',
      Maths: 'Below expected → Below expected → – =',
    });
    expect(previousEvidence(meetings, { id: 'm3', startsAt: '2027-06-04T10:00:00Z' })?.term).toBe('2026-27 spring');
    expect(previousEvidence(meetings, { id: 'm1', startsAt: '2026-12-04T10:00:00Z' })).toBeUndefined();
  });

  it('is empty with no evidence, and has no arrow for a single PEP', () => {
    expect(evidenceTrend([pep('m1', '2026-12-04T10:00:00Z')])).toEqual({ terms: [], lines: [] });
    expect(evidenceTrend([pep('m1', '2026-12-04T10:00:00Z', figures())]).lines[0]?.text).toBe('96%');
  });
});

describe('recordEvidence', () => {
  const command = (over: Record<string, unknown> = {}) => MeetingCommandSchema.parse({ type: 'recordEvidence', ...figures(), ...over });

  it('keeps what the designated teacher entered, with who, when and from where, and audits it', () => {
    const s = new Scenario().invited();
    const change = s.run(s.id('designated_teacher'), command());
    expect(change.meeting.evidence).toMatchObject({ term: '2026-27 autumn', attendancePercent: 96, recordedBy: s.id('designated_teacher'), source: 'card', at: s.at });
    expect(change.events[0]).toMatchObject({ type: 'recordEvidence', summary: 'Evidence for the Autumn term 2026-27 recorded from a card' });
    expect(change.alerts).toEqual([]);
  });

  it("takes the term from the PEP's date and the council's term dates, and refuses figures that name another", () => {
    const s = new Scenario().invited();
    const { term: _term, ...untermed } = figures();
    expect(s.run(s.id('designated_teacher'), MeetingCommandSchema.parse({ type: 'recordEvidence', ...untermed })).meeting.evidence?.term).toBe('2026-27 autumn');
    const refused = expectRefusal(s, s.id('designated_teacher'), { type: 'recordEvidence', ...untermed, term: '2026-27 spring' });
    expect(refused.message).toBe('These figures are for 2026-27 spring, but this PEP is in the Autumn term 2026-27 (2026-27 autumn).');
    // A council whose spring term starts before the PEP: the same day is spring there.
    const early = [{ name: 'Spring', start: '2026-11-02', halfTermStart: '2027-02-15', halfTermEnd: '2027-02-19', end: '2027-03-26' }];
    const ctx = { actorId: s.id('designated_teacher'), channel: 'teams' as const, at: s.at, newId: counterIds('y'), schoolTerms: early };
    expect(decide(s.meeting, command({ term: undefined }), ctx).meeting.evidence?.term).toBe('2026-27 spring');
  });

  it('flags against the previous PEP and the thresholds the app passes in', () => {
    const s = new Scenario().invited();
    const ctx = { actorId: 'system', channel: 'system' as const, at: s.at, newId: counterIds('x'), evidenceBaseline: { previous: figures(), settings: DEFAULT_EVIDENCE_SETTINGS } };
    const change = decide(s.meeting, command({ attendancePercent: 80, source: 'csv', attainment: [{ subject: 'maths', level: 'well_below' }] }), ctx);
    expect(change.alerts).toEqual([
      { kind: 'evidence_flagged', flags: [{ kind: 'attendance_below', percent: 80, threshold: 90 }, { kind: 'attainment_slip', subject: 'maths', from: 'below', to: 'well_below' }], previous: figures() },
    ]);
    expect(change.events[0]?.summary).toBe('Evidence for the Autumn term 2026-27 recorded from a CSV import (2 flagged)');
    expect(change.meeting.evidence?.recordedBy).toBe('system');
    // Corrected with the same flags, nobody is told again; a new flag tells them, with every flag.
    const corrected = decide(change.meeting, command({ attendancePercent: 81, source: 'csv', attainment: [{ subject: 'maths', level: 'well_below' }] }), ctx);
    expect(corrected.alerts).toEqual([]);
    const worse = decide(corrected.meeting, command({ attendancePercent: 81, permanentlyExcluded: true, attainment: [{ subject: 'maths', level: 'well_below' }] }), ctx);
    expect(worse.alerts[0]).toMatchObject({ kind: 'evidence_flagged', flags: [{ kind: 'attendance_below' }, { kind: 'permanent_exclusion' }, { kind: 'attainment_slip' }] });
  });

  it('is refused to a carer, after the meeting closed, and with a subject given twice', () => {
    const s = new Scenario().invited();
    expect(expectRefusal(s, s.id('carer'), command()).code).toBe('PERMISSION.NOT_ADDRESSEE');
    expect(expectRefusal(s, s.organiser, command({ attainment: [{ subject: 'maths', level: 'below' }, { subject: 'maths', level: 'above' }] })).message).toBe('Give each subject once.');
    s.run(s.organiser, { type: 'lockAgenda' });
    s.run(s.organiser, { type: 'startMeeting' });
    s.run(s.organiser, { type: 'setNextReviewDate', date: '2027-03-04' });
    s.run(s.organiser, { type: 'concludeMeeting' });
    expect(expectRefusal(s, s.organiser, command()).code).toBe('MEETING.WRONG_STATUS');
  });

  it('asks the designated teacher, and only them, for the figures', () => {
    const s = new Scenario().invited();
    expect(s.run(s.organiser, { type: 'requestEvidence', participantId: s.id('designated_teacher') }).alerts).toEqual([
      { kind: 'evidence_requested', participantId: s.id('designated_teacher') },
    ]);
    expect(() => s.run(s.organiser, { type: 'requestEvidence', participantId: s.id('carer') })).toThrow(/designated teacher/);
    expect(expectRefusal(s, s.id('carer'), { type: 'requestEvidence', participantId: s.id('designated_teacher') }).code).toBe('PERMISSION.NOT_ORGANISER');
  });
});
