import { z } from 'zod';
import { AttendanceStatusSchema } from '../../domain/attendance-record.js';
import { RsvpAnswerSchema } from '../../domain/model.js';
import { ChildTagSchema, GroupPersonSchema, groupPersonLabel, Id, MAX_PEOPLE, ProblemsSchema, typedChoice, typedText } from './common.js';
import { ATTENDANCE_STATUS_LABELS, RSVP_LABELS } from './labels.js';

/** A reason on the card is a line, not a letter: 25 people's reasons must still fit one Teams message. */
export const REASON_SHOWN_MAX = 300;
/** Reason boxes on one card, so 25 people still fit a Slack message (50 blocks): a reason not shown is kept as it was. */
export const MAX_REASON_BOXES = 10;

/** The inputs of row n (1-based): one status per person, and a reason where it was apologies or absence. */
export const statusInput = (row: number) => `status${row}`;
export const reasonInput = (row: number) => `reason${row}`;
const ROWS = Array.from({ length: MAX_PEOPLE }, (_, i) => i + 1);
export const ATTENDANCE_INPUTS = ROWS.flatMap((row) => [statusInput(row), reasonInput(row)]);

const NEEDS_REASON = new Set(['apologies', 'absent']);

/**
 * The organiser records who was at the meeting (issue item 5): each person with what they said
 * beforehand and a status to choose, prefilled from the RSVPs (a decline's note as the reason). A
 * reason box shows for apologies and absence. Safe for the meeting chat: the child by initials.
 * `roster` fingerprints the people listed, so a save after someone was added or removed is refused.
 */
export const AttendanceRecordDataSchema = z
  .strictObject({
    meetingId: Id,
    child: ChildTagSchema,
    roster: z.string().regex(/^[a-f0-9]{12}$/),
    recorded: z.boolean(),
    people: z
      .array(
        z.strictObject({
          person: GroupPersonSchema,
          said: z.union([RsvpAnswerSchema, z.literal('no_answer')]),
          status: AttendanceStatusSchema,
          reason: typedText(REASON_SHOWN_MAX),
        }),
      )
      .max(MAX_PEOPLE),
    values: z.strictObject(Object.fromEntries(ATTENDANCE_INPUTS.map((id) => [id, id.startsWith('status') ? typedChoice : typedText(REASON_SHOWN_MAX)]))).prefault({}),
    errors: ProblemsSchema,
  })
  .transform((d) => {
    const typed = d.values as Record<string, string>;
    return {
      ...d,
      heading: d.recorded ? 'Attendance recorded' : 'Who attended?',
      rows: d.people.map((p, i, all) => {
        const status = typed[statusInput(i + 1)] || p.status;
        return {
          label: `${groupPersonLabel(p.person, d.child)} — beforehand: ${RSVP_LABELS[p.said]}`,
          statusId: statusInput(i + 1),
          reasonId: reasonInput(i + 1),
          status,
          reason: typed[reasonInput(i + 1)] || p.reason,
          // From the record, not from what was typed: the same boxes come back with a refused form.
          showReason: NEEDS_REASON.has(p.status) && all.slice(0, i).filter((earlier) => NEEDS_REASON.has(earlier.status)).length < MAX_REASON_BOXES,
        };
      }),
      choices: AttendanceStatusSchema.options.map((value) => ({ title: ATTENDANCE_STATUS_LABELS[value], value })),
    };
  });
