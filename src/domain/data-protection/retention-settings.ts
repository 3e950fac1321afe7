import { z } from 'zod';

/**
 * How long PEP Bot keeps each kind of record it holds, in days, counted from the date that kind
 * names (its `from`). Each council sets its own from its records retention schedule; the defaults
 * and their reasons are what docs/data-protection.md prints (scripts/write-data-protection-doc.ts).
 */
export interface RetentionKind {
  /** What the period is counted from. */
  from: string;
  defaultDays: number;
  why: string;
  /** Where the records live in the stores, for the data inventory. */
  stored: string;
}

export const RETENTION_KINDS = {
  meetings: {
    from: 'the meeting closing (concluded, plan distributed or cancelled)',
    defaultDays: 7 * 365,
    why: "A PEP is part of the child's care plan. The council's case file keeps the authoritative copy; PEP Bot keeps its working copy while later PEPs, the statutory clock and the Virtual School's reviews refer back to it. After the period the meeting is anonymised: participants become \"Former participant\", free text and the child's name, date of birth and school are removed, and only dates, statuses and counts remain.",
    stored: 'SQLite meetings (doc JSON) and its index tables; MongoDB meetings',
  },
  auditEntries: {
    from: 'the meeting closing; never before the meeting is anonymised',
    defaultDays: 8 * 365,
    why: 'The audit answers "who changed what, when" in a complaint or an inspection, which can come after the plan itself is no longer used. It holds ids, types and dates, not personal data (summaries carry none), and a meeting\'s whole trail is removed together with what is left of the anonymised meeting, so no trail is ever cut short.',
    stored: 'SQLite audit_events; MongoDB audit',
  },
  secureLinks: {
    from: 'the link expiring',
    defaultDays: 30,
    why: 'An expired link opens nothing. Its record (a hash of the token, the person and the card it was for) answers "was this link used?" for a month, then goes.',
    stored: 'inside the meeting document (links) and its token index (SQLite meeting_links)',
  },
  idempotency: {
    from: 'the change it guards',
    defaultDays: 30,
    why: 'An idempotency record or a handled-request claim stops a retried click or a redelivered Slack or Teams request applying twice; platforms retry within minutes, so a month is ample.',
    stored: "SQLite idempotency and key_values (namespaces slack-handled, slack-inbound, slack-inbound-takeover, teams-form-submission); MongoDB idempotency and keyValues",
  },
  deliveries: {
    from: 'the message being sent, or given up',
    defaultDays: 90,
    why: 'The delivery ledger and the settled outbox rows say what each person was sent and when, which is asked about when someone says they were never told; a term is long enough to answer it. Pending messages are never removed.',
    stored: 'SQLite outbox and key_values (namespace nudge-ledger); MongoDB outbox and keyValues',
  },
  cardReferences: {
    from: 'the last time the entry was written',
    defaultDays: 400,
    why: "Where each card was posted (to update it in place), which chat belongs to which meeting, Teams conversation references and the reach report: needed while a meeting's cards can still change, which is until the next PEP (at most six months) and its plan's sign-off.",
    stored: 'SQLite key_values (namespaces card-ref, chat-meeting, teams-conversation, teams-person, unreachable, reach-report); MongoDB keyValues',
  },
  children: {
    from: "the child record's last change, once none of the child's meetings is left",
    defaultDays: 2 * 365,
    why: "PEP Bot is not the council's case file: the record of account, kept to the child's 75th birthday under the care planning regulations, lives in the council's social care system. PEP Bot's copy (reference, name, date of birth, school, social worker, designated teacher, the events that start the statutory clock) is needed only while the child has PEPs in the bot, and its audit trail as long as theirs. So it is never removed while any of the child's meetings is left (each goes, with its trail, `auditEntries` days after closing); once none is, it goes with its whole audit trail when it has not changed for the period. Two years covers a child recorded for a first PEP that was never held in the bot (they left care, moved authority, or the PEP was held elsewhere): a child still in care has a PEP every term, so a record untouched for a school year and its reporting year is no longer one the Virtual School runs PEPs from.",
    stored: 'SQLite children and child_audit_events; MongoDB children and child_audit',
  },
  scheduledJobs: {
    from: 'the job finishing',
    defaultDays: 0,
    why: "A scheduled nudge holds only a meeting or child id and what to send. A job that ran is removed at once (removeOnComplete): the delivery ledger, not the job, remembers what was sent. A job that failed is retried per its backoff; one that gave up is kept for `failedJobs` days.",
    stored: 'the scheduler job store (SQLite scheduler file or MongoDB agendaJobs)',
  },
  failedJobs: {
    from: 'the job failing for the last time (no retry left: no next run)',
    defaultDays: 30,
    why: "A job that gave up is kept so an operator can see what failed and why. It is personal data: its data holds ids (a meeting id, a participant id, the child's PEP reference, a due date), and its failure reason is the error as thrown, which can quote an email address or a platform's answer about a person. A month is enough to look into a failure, which is also logged (without personal data) and, for a nudge, settled in the delivery ledger. A job that failed but will be retried (it has a next run) is never removed; a meeting's next change plans its work afresh, as new jobs.",
    stored: 'the scheduler job store (SQLite agenda_jobs in the store file, or MongoDB agendaJobs)',
  },
} as const satisfies Record<string, RetentionKind>;

export type RetentionKindName = keyof typeof RETENTION_KINDS;
export const RETENTION_KIND_NAMES = Object.keys(RETENTION_KINDS) as RetentionKindName[];

const days = (kind: RetentionKindName) => z.number().int().min(0).max(100 * 365).default(RETENTION_KINDS[kind].defaultDays);

/** The council's `retention` settings: one period in days per kind, and how many records one batch handles. */
export const RetentionSettingsSchema = z
  .strictObject({
    meetings: days('meetings'),
    auditEntries: days('auditEntries'),
    secureLinks: days('secureLinks'),
    idempotency: days('idempotency'),
    deliveries: days('deliveries'),
    cardReferences: days('cardReferences'),
    children: days('children'),
    scheduledJobs: days('scheduledJobs'),
    failedJobs: days('failedJobs'),
    /** Records removed in one store call: small enough that a run never holds the store for long. */
    batchSize: z.number().int().min(1).max(5000).default(200),
    /** When the daily run starts, in the bot's time zone (TZ_DEFAULT). */
    dailyAt: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'A time of day as HH:MM, for example 02:30.').default('02:30'),
  })
  .refine((settings) => settings.auditEntries >= settings.meetings, {
    message: 'Audit entries must be kept at least as long as meetings: a meeting\'s trail is removed only after the meeting is anonymised.',
    path: ['auditEntries'],
  });
export type RetentionSettings = z.infer<typeof RetentionSettingsSchema>;
