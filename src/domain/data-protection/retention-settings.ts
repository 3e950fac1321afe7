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
  scheduledJobs: {
    from: 'the job finishing',
    defaultDays: 0,
    why: "A scheduled nudge holds only a meeting id and what to send. A job that ran is removed at once (removeOnComplete): the delivery ledger, not the job, remembers what was sent. A failed job is planned again at the meeting's next change.",
    stored: 'the scheduler job store (SQLite scheduler file or MongoDB agendaJobs)',
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
    scheduledJobs: days('scheduledJobs'),
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
