/**
 * What docs/data-protection.md says that the schemas cannot: why the meeting holds each of its
 * parts and where each part is shown, who processes the data, what notifications carry, which
 * tests prove each security measure, and how each right is met. The generator fails when the
 * meeting gains a part not described here, and the doc test when a named test file is missing.
 */
export interface Section {
  why: string;
  messages: string;
}

const NONE = 'Not in any message.';
const CARDS = "Teams and Slack cards to the meeting's participants, the secure-link card pages, and the written plan; in group chats the child's names are replaced by initials.";

export const MEETING_SECTIONS: Readonly<Record<string, Section>> = {
  id: { why: 'Identifies the meeting in every record.', messages: NONE },
  version: { why: 'Optimistic concurrency: two changes at once cannot overwrite each other.', messages: NONE },
  status: { why: 'Where the meeting is in the statutory PEP process.', messages: CARDS },
  child: { why: 'Whose plan it is. Group chats show only the PEP reference and initials; the full name appears only on the written plan.', messages: 'PEP reference and initials on every card; full name and date of birth only on the written plan (secure link or sign-in), never in a chat or email.' },
  purpose: { why: 'What the meeting is for, as the organiser wrote it.', messages: CARDS },
  startsAt: { why: 'When the meeting is held: invitations, reminders and the statutory clock.', messages: 'Cards, calendar invitations and email subjects (the day only).' },
  durationMinutes: { why: 'The calendar invitation.', messages: 'Cards and calendar invitations.' },
  timeZone: { why: 'Every date is shown in the meeting\'s time zone.', messages: NONE },
  location: { why: 'Where to go or which link to join.', messages: 'Invitation cards and calendar invitations to participants.' },
  organiserId: { why: 'Who runs the meeting and may change it.', messages: NONE },
  participants: { why: 'Who is invited, in which role, and how to reach them.', messages: "Names and roles on cards to the meeting's participants and in its chats (the child by initials); addresses and chat ids are used to deliver, never shown." },
  contributions: { why: 'Reports asked of school, carer and health before the meeting.', messages: CARDS },
  agenda: { why: 'What the meeting discusses, agreed beforehand.', messages: CARDS },
  notes: { why: 'What was said at the meeting.', messages: CARDS },
  previousMeetingId: { why: "Links the PEP to the one before: the child's history.", messages: NONE },
  previousActions: { why: 'The last plan\'s actions, reviewed at this meeting.', messages: CARDS },
  reviews: { why: 'Progress on the last plan.', messages: CARDS },
  goals: { why: "The plan's SMART targets for the child.", messages: CARDS },
  resources: { why: 'Support put in place, including Pupil Premium Plus funding.', messages: CARDS },
  actions: { why: 'Who does what by when; reminders are sent from it.', messages: `${CARDS} Reminders to the action's owner.` },
  prompts: { why: "The carer's and the child's answers to simple questions before the meeting: the child's voice.", messages: "The prompt card to the person asked; the answers on the written plan and the organiser's cards." },
  chats: { why: 'Which Teams or Slack chats show this meeting, so its cards are kept up to date there.', messages: NONE },
  links: { why: 'Secure web links for people with neither Teams nor Slack; only a hash of each token is kept.', messages: 'The link itself goes once, by email or direct message, to its one person.' },
  nextReviewDate: { why: 'The next PEP is due: the statutory clock.', messages: CARDS },
  cancelledReason: { why: 'Why a meeting did not happen.', messages: 'Cards to participants.' },
  createdAt: { why: 'When the record began.', messages: NONE },
  updatedAt: { why: 'When it last changed; the retention period of a cancelled meeting counts from it.', messages: NONE },
  startedAt: { why: 'When the meeting actually started.', messages: NONE },
  concludedAt: { why: 'When the meeting closed: its retention period counts from it.', messages: NONE },
  plan: { why: 'The written plan\'s versions and who signed off which.', messages: 'The plan summary card to signatories, and the written plan.' },
  evidence: { why: 'Attendance, exclusions and attainment the plan is based on.', messages: 'Cards to the organiser and the Virtual School officer, and the written plan.' },
  attendance: { why: 'Who was at the meeting (statutory record).', messages: 'The written plan and the attendance card to the organiser.' },
  qa: { why: "The Virtual School's quality assurance of the plan.", messages: 'Cards to the organiser and the Virtual School officer.' },
  transition: { why: 'From Year 9, the pathway, careers guidance and post-16 options the plan must carry.', messages: 'The transition form to the organiser and the written plan.' },
  funding: { why: 'Pupil Premium Plus requests for the plan\'s costed support, and the officer\'s decisions.', messages: 'Cards to the organiser and the Virtual School officer.' },
  anonymised: { why: 'When the retention run anonymised the meeting, and when it had closed.', messages: NONE },
};

/** What the scheduler's job store holds (src/scheduler/scheduled-work.ts, child-clock-work.ts), given how long a job that gave up is kept. */
export const SCHEDULED_JOBS = (failedKept: string): string =>
  `Stored in the scheduler's job store: the SQLite table \`agenda_jobs\` in the store's file, or the MongoDB collection \`agendaJobs\`. Kept: until the job has run (then removed at once); a job that failed is retried per its backoff, and one that gave up (no next run) is removed after ${failedKept} (\`retention.failedJobs\`).

A job's \`data\` carries ids and instants only, never a name or a word anyone typed: a meeting id, a participant id, the child's PEP reference, what kind of reminder or notice, and when it is due. Those ids are personal data in the council's hands. A failed job also keeps its \`failReason\`, the error as thrown, which can quote what a platform or mail server answered about a person (an email address, say): personal data, which is why a job that gave up is not kept for long. Dashboards and support tools that read the job store see both.`;

export const DPIA_PROCESSORS: ReadonlyArray<{ name: string; what: string; where: string }> = [
  { name: 'Microsoft (Teams, Bot Framework, Entra ID)', what: "Cards and messages to people who use Teams; sign-in of Virtual School staff to the caseload page (OpenID Connect). The child's full name is never sent to a chat.", where: "The council's Microsoft 365 tenancy (its own data residency)." },
  { name: 'Slack (Salesforce)', what: 'Cards and messages to people who use Slack, in the council\'s workspace.', where: "Slack's hosting for the council's workspace (its data residency setting)." },
  { name: 'The email provider (SMTP relay the council configures)', what: 'Emails with a secure link, to people without Teams or Slack: the subject and body name only the day of the meeting, never the child.', where: "The council's mail service, or its contracted relay." },
  { name: 'The hosting (the council or its provider)', what: 'Runs PEP Bot and keeps its store: the SQLite file in DATA_DIR or the MongoDB database, and the scheduler\'s job store.', where: "The council's chosen UK hosting." },
];

export const NOTIFICATIONS_LEAVING: readonly string[] = [
  'Emails carry a secure link and the day of the meeting, and nothing that names the child (src/channels/web/link-email.ts).',
  "Teams and Slack group and meeting chats show the child's PEP reference and initials only; names typed in free text are replaced by initials (src/app/views/people.ts, groupText).",
  "Direct messages go only to the meeting's own participants or the council's configured officers, and carry what that person needs for their part.",
  'Secure links are single-person, expire, and are kept only as a hash; a used or revoked link opens nothing.',
  "Logs redact personal data (names, emails, free text, tokens) before anything is written (src/observability/logger.ts).",
];

export const DPIA_MEASURES: ReadonlyArray<{ measure: string; tests: readonly string[] }> = [
  { measure: "Group chats never show the child's full name; names in typed text become initials", tests: ['test/app/group-text.test.ts', 'test/cards/child-words.test.ts'] },
  { measure: 'Free text encrypted at rest (AES-256-GCM), with key rotation and a start-up check of the key', tests: ['test/contract/encryption-contract.ts', 'test/domain/data-protection/free-text-fields.test.ts'] },
  { measure: 'Secure links: a hash is stored, single use, expiry, revocation', tests: ['test/domain/links.test.ts', 'test/channels/web/link-pages.test.ts'] },
  { measure: 'Logs redact personal data', tests: ['test/server/logger.test.ts'] },
  { measure: 'Requests from Teams and Slack are authenticated (Bot Framework tokens, Slack signatures)', tests: ['test/channels/teams/authentication.test.ts', 'test/channels/slack/platform-rules.test.ts'] },
  { measure: 'The caseload page refuses users without an oversight role, signed in through the identity provider', tests: ['test/e2e/caseload-page.test.ts'] },
  { measure: 'Every change writes an audit entry; the audit is append-only in the store', tests: ['test/contract/store-contract-writes.ts', 'test/contract/store-contract-retention.ts'] },
  {
    measure:
      'The audit is a hash chain per meeting and per child (SHA-256): each entry names its place and the hash of the one before, and covers its data through a digest salted with a secret kept encrypted inside that data, so an erased entry still links and nothing of what was erased can be guessed. Each meeting and child record keeps the place and hash of the last entry of its chain, written with every entry, so entries deleted from the end of a chain are found too. `npm run audit:verify` and the who-looked page of the caseload check every chain, name any entry changed, missing or out of order, and name a chain cut short ("entries missing after seq N") or ending elsewhere than its record says',
    tests: ['test/domain/audit-chain.test.ts', 'test/contract/audit-chain-contract.ts', 'test/contract/sqlite-audit-chain-backfill.test.ts', 'test/app/data-protection/who-looked.test.ts'],
  },
  { measure: 'Retention removes exactly what has expired; the dry run lists the same', tests: ['test/app/data-protection/retention-run.test.ts', 'test/contract/store-contract-retention.ts', 'test/contract/store-contract-child-retention.ts', 'test/contract/scheduler-backend-repository.ts', 'test/domain/data-protection/retention-policy.test.ts'] },
  { measure: "A child's audit trail is append-only and goes only whole, with the child", tests: ['test/contract/sqlite-child-audit-append-only.test.ts', 'test/contract/store-contract-child-retention.ts'] },
  { measure: 'Subject access export holds all about the person and nothing about anyone else; only a data protection officer may take it from the caseload', tests: ['test/app/data-protection/subject-access.test.ts', 'test/e2e/caseload-data-export.test.ts'] },
  { measure: 'Erasure leaves no trace of the person in the SQLite file while the audit trail stays whole and its hash chain verifies', tests: ['test/app/data-protection/correct-and-erase.test.ts', 'test/contract/sqlite-child-audit-append-only.test.ts'] },
  { measure: 'This document matches the code', tests: ['test/app/data-protection/data-protection-doc.test.ts'] },
];

export const DPIA_RIGHTS: ReadonlyArray<{ right: string; how: string }> = [
  {
    right: 'Access (Article 15)',
    how: '`npm run data:export -- --person <email | Slack id | Teams id | Entra id | PEP reference> --by <name> --out <folder>` writes `subject-access.json` (format `subject-access/1`, schema `schemas/subject-access.schema.json`) and `subject-access.html`. For a carer or professional it holds their details, their answers and words, the actions they own or wrote, the links issued to them, the audit entries about them, the records and audit entries of children that name them (as social worker or designated teacher) and the delivery records kept about them; others appear only as ids. For the child, by PEP reference: their details, history and plans, with no one else\'s name. A signed-in data protection officer can do the same from the caseload: `/caseload/export?person=...` shows the page, `&format=json` downloads the JSON; anyone else is refused. Each export is logged (namespace `data-protection-log`) and written to each meeting\'s access log (who looked).',
  },
  {
    right: 'Rectification (Article 16)',
    how: '`npm run data:correct -- --person <email | chat id> --by <name> [--name ...] [--email ...] [--slack-user-id ...] [--teams-user-id ...] [--teams-aad-object-id ...]` corrects the person in every meeting they are in and in the children\'s records that name them: one save per meeting, each with an audit entry naming the fields changed (never their values); cards already posted that show them are refreshed. Running it again changes nothing.',
  },
  {
    right: 'Erasure (Article 17), where the law allows',
    how: "The data protection officer first decides that erasure applies: a PEP is a statutory record, so the child's plan itself is usually kept. `npm run data:erase -- --person <email | chat id> --by <name>` then makes the person a tombstone (\"Former participant\") in every meeting, replaces their own words (the shared free-text list) with `[removed]`, revokes their links, empties the data of the audit entries about them (the entries stay, in order, and their hash chain still verifies: `npm run audit:verify`), deletes the delivery records kept about them, removes their name or address from children's records and empties the data of the children's audit entries that name them (a school move records the designated teacher's address; the child's chain still verifies), and refreshes others' copies of cards already posted. Their own copies in their Teams or Slack chat cannot be reached once no address for them is kept. SQLite zeroes freed pages (secure_delete) and truncates its write-ahead log, so nothing remains in the file; on MongoDB, encryption of the volume covers freed space.",
  },
  {
    right: 'Storage limitation (Article 5(1)(e))',
    how: "The retention run (section 2), daily and as `npm run data:retention [-- --dry-run]`. Cards of an anonymised meeting that PEP Bot still knows it posted (card references are kept for `retention.cardReferences` days) are redrawn in place through the outbox, showing \"Former participant\" and no one's words. Older ones cannot be reached: Teams and Slack keep a message as its readers saw it, and PEP Bot no longer knows where it is. Their buttons act on the meeting's people, and none is left to match, so every click is refused with the usual \"not a participant\" answer, and every secure link is revoked. A child's record goes, with its audit trail, once none of their meetings is left and it has not changed for `retention.children` days; the scheduler's jobs that failed and gave up go after `retention.failedJobs` days.",
  },
];
