import type { CardData, CardName } from '../../src/cards/catalogue.js';
import { MAX_DECLINED_SHOWN } from '../../src/cards/data/agenda.js';
import { MAX_OPEN_SUGGESTIONS } from '../../src/domain/agenda.js';

/**
 * The largest data each list-heavy card accepts: every list at its maximum, every shown text at
 * its longest. If these fit Teams' size limit and Block Kit's limits, real meetings will.
 */
const text = (length: number, word = 'word'): string => `${word} `.repeat(Math.ceil(length / (word.length + 1))).slice(0, length).trim();
const name = (i: number) => `${text(110, 'Name')} ${i}`.slice(0, 120);
const child = { ref: 'PEP-2026-0042', initials: 'ABC' };
const when = { startsAt: '2026-03-10T10:00:00Z', durationMinutes: 480, timeZone: 'Europe/London' };
const times = <T>(n: number, make: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => make(i));
const person = (i: number) => ({ role: 'designated_teacher' as const, name: name(i) });

export const MAXIMAL_DATA: { [N in CardName]?: CardData<N> } = {
  'child-voice-prompt': {
    meetingId: 'm'.repeat(64),
    promptId: 'p'.repeat(64),
    name: text(120, 'Name'),
    readers: times(12, (i) => ({ role: 'virtual_school_officer' as const, name: `${'N'.repeat(118)}${i}`.slice(-120) })),
  },
  'attendance-summary': {
    meetingId: 'm'.repeat(64),
    child,
    ...when,
    participants: times(25, (i) => ({ name: name(i), role: 'iro' as const, answer: 'decline' as const, note: text(2000) })),
    unreachable: times(25, (i) => ({ name: name(i), role: 'other' as const, reason: text(300) })),
    carerAnswers: times(5, (i) => ({ name: name(i), mood: 2, toRaise: text(4000), freeText: text(8000) })),
  },
  agenda: {
    meetingId: 'm'.repeat(64),
    child,
    ...when,
    items: times(30, (i) => ({ id: `item-${i}`, title: text(200) })),
    suggestions: times(MAX_OPEN_SUGGESTIONS, (i) => ({ id: `s${i}`.padEnd(64, 'x'), title: text(200), suggestedBy: person(i) })),
    declined: times(MAX_DECLINED_SHOWN, (i) => ({ title: text(200), suggestedBy: person(i) })),
    declinedEarlier: 999,
    confirmLock: true,
    signedBy: times(25, person),
    waitingFor: times(25, person),
    childVoice: { feeling: 1, goingWell: text(4000), hard: text(4000), want: text(4000) },
    values: { title: text(200) },
    errors: times(10, () => text(300)),
  },
  'attendance-record': {
    meetingId: 'm'.repeat(64),
    child,
    roster: 'f'.repeat(12),
    recorded: true,
    people: times(25, (i) => ({ person: person(i), said: 'decline' as const, status: 'apologies' as const, reason: text(300) })),
    errors: times(10, () => text(300)),
  },
  'meeting-start': { meetingId: 'm'.repeat(64), child, purpose: text(1000), ...when, present: times(25, person), apologies: times(25, person) },
  'previous-actions': {
    meetingId: 'm'.repeat(64),
    child,
    actions: times(20, (i) => ({
      id: `a${i}`.padEnd(64, 'x'),
      description: text(2000),
      owner: person(i),
      dueDate: '2026-01-16',
      status: 'open' as const,
      review: { outcome: 'in_progress' as const, evidence: text(4000) },
    })),
    values: { evidence: text(3000) },
    errors: times(10, () => text(300)),
  },
  'live-actions': {
    meetingId: 'm'.repeat(64),
    child,
    actions: times(20, (i) => ({ id: `act-${i}`.padEnd(64, 'x'), description: text(2000), owner: person(i), dueDate: '2026-03-13', status: 'open' as const, acknowledged: false })),
  },
  'plan-summary': {
    meetingId: 'm'.repeat(64),
    planVersion: 999,
    child,
    ...when,
    decisions: times(20, () => text(2000)),
    goals: times(10, () => ({ title: text(200), timeBound: '2026-07-17' })),
    actions: times(20, (i) => ({ description: text(2000), ownerName: name(i), dueDate: '2026-03-13' })),
    nextReviewDate: '2026-06-16',
    signedOff: times(25, (i) => ({ name: name(i), role: 'carer' as const })),
    waitingFor: times(25, (i) => ({ name: name(i), role: 'carer' as const })),
    changes: times(8, () => text(300)),
    documentUrl: `https://pep.example.org/${'p'.repeat(476)}`,
  },
  'reach-report': {
    meetingId: 'm'.repeat(64),
    child,
    links: times(10, (i) => ({
      name: name(i),
      role: 'virtual_school_officer' as const,
      opens: text(100),
      why: text(400),
      url: `https://pep.example.org/${'p'.repeat(276)}`,
      expiresOn: '2026-03-24',
      singleUse: true,
    })),
    undelivered: times(10, (i) => ({ who: name(i), what: text(100), reason: text(400) })),
    moreLinks: 99,
    moreUndelivered: 99,
  },
  error: {
    title: text(150),
    message: text(2000),
    problems: times(10, () => text(500)),
    kept: times(10, (i) => ({ label: text(200), value: text(i === 0 ? 3000 : 1000) })),
    fix: text(1000),
    code: 'SMART.MISSING_MEASURE',
  },
  'goal-form': {
    meetingId: 'm'.repeat(64),
    child,
    agendaItems: times(30, (i) => ({ id: `item-${i}`, title: text(200) })),
    values: { title: text(200), specific: text(2000), measurable: text(2000), achievable: text(2000), relevant: text(2000), timeBound: '2026-07-17' },
    errors: times(10, () => text(300)),
  },
};
