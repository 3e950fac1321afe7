/**
 * Which strings in the stored meeting and child record hold free text written by people, and so
 * are encrypted at rest (src/stores/encryption/); and which strings are deliberately left readable,
 * because the stores search, index or join on them, or because they are not anyone's words.
 * Data protection reads this one list: the stores encrypt it, erasure removes it, the DPIA names it.
 *
 * A path names a string in the stored document: `participants[].rsvp.note` is the note of every
 * participant's RSVP; `[]` stands for every item of an array. Strings with a format or pattern
 * (dates, instants, emails, PEP references, initials, hashes) are structured, not prose, and are
 * never encrypted: test/domain/data-protection/free-text-fields.test.ts walks the zod schemas and
 * fails when any other string is in neither list.
 */

export type StoredDocument = 'meeting' | 'child';

export interface ClassifiedField {
  path: string;
  why: string;
  /** Set while the field lives on a branch not merged yet; the schema test then allows its absence. */
  arrivesWith?: 'wt/qa';
}

const field = (path: string, why: string, arrivesWith?: 'wt/qa'): ClassifiedField => (arrivesWith ? { path, why, arrivesWith } : { path, why });
const each = (why: string, ...paths: string[]): ClassifiedField[] => paths.map((path) => field(path, why));
const fromQa = (why: string, ...paths: string[]): ClassifiedField[] => paths.map((path) => field(path, why, 'wt/qa'));

/** Encrypted at rest: a person's own words about the child, their home, their school life or their health. */
export const FREE_TEXT_FIELDS: Record<StoredDocument, readonly ClassifiedField[]> = {
  meeting: [
    field('purpose', "The organiser's words on why the meeting is held, which can name the child's circumstances."),
    field('location.place', "Where the meeting is held in person, often the carer's home or the child's school."),
    field('participants[].rsvp.note', 'A reason given for not coming, which can speak of health or family matters.'),
    ...each(
      "A contributor's report on the child (school, carer, health): attainment, observations, health and their own words.",
      'contributions[].content.attainment',
      'contributions[].content.observations',
      'contributions[].content.health',
      'contributions[].content.text',
    ),
    ...each('Agenda items name the concerns to discuss about the child.', 'agenda.items[].title', 'agenda.declined[].title'),
    field('notes[].text', 'Notes taken in the meeting about the child.'),
    field('previousActions[].description', "The last plan's actions, carried over: what was to be done for the child."),
    field('reviews[].evidence', 'What was seen of progress on the last plan: a judgement about the child.'),
    ...each(
      "The plan's SMART targets for the child, in the words agreed at the meeting.",
      'goals[].title',
      'goals[].specific',
      'goals[].measurable',
      'goals[].achievable',
      'goals[].relevant',
    ),
    field('resources[].description', 'The support put in place for the child (tutoring, counselling...), which reveals needs.'),
    ...each('What someone is to do for the child, and why it is stuck.', 'actions[].description', 'actions[].blockedReason'),
    ...each("The carer's answers: what to raise and their own words on how the child is.", 'prompts[].answer.toRaise', 'prompts[].answer.freeText'),
    ...each("The child's views in their own words: what is going well, what is hard, what they want.", 'prompts[].answer.goingWell', 'prompts[].answer.hard', 'prompts[].answer.want'),
    field('cancelledReason', 'Why the meeting was cancelled, which can speak of the placement or the child.'),
    field('plan.amendments[].changes[]', "What changed in the issued plan, in words that quote the plan's targets and actions."),
    field('attendance[].reason', 'The reason given for apologies, which can speak of health or family matters.'),
    ...fromQa("The Virtual School officer's feedback on the plan and why it was returned.", 'qa.feedback', 'qa.returnReason', 'qa.steps[].note'),
    ...fromQa("What changed in the plan since approval, quoting the plan's words.", 'qa.changesSinceApproval[]'),
    ...fromQa("The young person's pathway, careers guidance and options after 16.", 'transition.pathway', 'transition.careersGuidance', 'transition.post16Options'),
    ...fromQa('Questions, answers and decisions about funding the support for the child.', 'funding[].question', 'funding[].answer', 'funding[].decisionNote'),
  ],
  child: [field('events[].detail', "The new school or placement: where the child now lives or learns (or, for a PEP held, the meeting's id).")],
};

const IDS = 'An identifier: looked up, indexed or joined on, and holds no one\'s words.';
const NAME = "A person's name: shown on every card and matched when a person asks for, corrects or erases what is held about them; protected by access, not by encryption.";

/** Deliberately readable in the store, with why. */
export const PLAIN_TEXT_FIELDS: Record<StoredDocument, readonly ClassifiedField[]> = {
  meeting: [
    ...each(
      IDS,
      'id',
      'organiserId',
      'previousMeetingId',
      'participants[].id',
      'contributions[].id',
      'contributions[].participantId',
      'agenda.items[].id',
      'agenda.items[].addedBy',
      'agenda.signOffs[].participantId',
      'agenda.lockedBy',
      'agenda.declined[].id',
      'agenda.declined[].addedBy',
      'agenda.declined[].declinedBy',
      'notes[].id',
      'notes[].agendaItemId',
      'notes[].by',
      'previousActions[].id',
      'reviews[].previousActionId',
      'reviews[].by',
      'goals[].id',
      'goals[].agendaItemId',
      'goals[].createdBy',
      'resources[].id',
      'resources[].goalId',
      'resources[].addedBy',
      'actions[].id',
      'actions[].ownerId',
      'actions[].goalId',
      'actions[].createdBy',
      'prompts[].id',
      'prompts[].participantId',
      'chats[].linkedBy',
      'links[].id',
      'links[].participantId',
      'links[].itemId',
      'links[].issuedBy',
      'plan.signatories[]',
      'plan.signOffs[].participantId',
      'plan.amendments[].by',
      'evidence.recordedBy',
      'attendance[].participantId',
    ),
    ...each(
      'A chat identity: the stores index it to find the meetings of whoever writes to the bot.',
      'participants[].teamsUserId',
      'participants[].teamsAadObjectId',
    ),
    field('chats[].conversationId', 'The chat a card is posted to: looked up when a message arrives from that chat.'),
    ...each(NAME, 'child.fullName', 'participants[].name', 'previousActions[].ownerName'),
    field('child.school', 'The caseload filters and groups children by school; an institution, not anyone\'s words.'),
    field('timeZone', 'An IANA zone name that every date on the cards is computed in.'),
    ...fromQa(IDS, 'qa.steps[].by', 'transition.recordedBy', 'funding[].id', 'funding[].resourceId', 'funding[].goalId', 'funding[].requestedBy', 'funding[].decidedBy'),
    ...fromQa('The kind of support funded (e.g. tutoring), totalled in the Pupil Premium Plus spend: a category, not anyone\'s words.', 'funding[].interventionType'),
  ],
  child: [
    ...each(IDS, 'officerId', 'events[].id', 'events[].recordedBy'),
    ...each(NAME, 'fullName', 'socialWorkerName'),
    field('school', 'The caseload filters and groups children by school; an institution, not anyone\'s words.'),
  ],
};

/** Why structured strings are never encrypted (they are not in the lists above). */
export const STRUCTURED_WHY =
  'A date, instant, email, PEP reference, initials, Slack id or hash: searched, sorted or indexed (due dates, the statutory clock, identity and link lookups), and never prose.';

export const freeTextPaths = (document: StoredDocument): string[] => FREE_TEXT_FIELDS[document].map((f) => f.path);
