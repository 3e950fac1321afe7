import { z } from 'zod';
import { DEFAULT_TIME_ZONE, isValidTimeZone } from '../../domain/dates.js';
import { ChildSchema, MeetingSchema, ParticipantSchema } from '../../domain/model.js';
import { ROLE_LABELS, RoleSchema } from '../../domain/roles.js';
import { formatDay, formatMeetingTime } from '../format.js';

/**
 * Building blocks shared by the card data schemas. Every schema is strict: a key a card does not
 * know is refused, so personal data cannot ride along unnoticed into a card that should not show it.
 */

export const Id = MeetingSchema.shape.id;
export const LocalDate = z.iso.date();
export const PersonName = ParticipantSchema.shape.name;

/** All a group or meeting chat may know about the child: initials and the PEP reference. */
export const ChildTagSchema = z.strictObject({ ref: ChildSchema.shape.ref, initials: ChildSchema.shape.initials });
export type ChildTag = z.infer<typeof ChildTagSchema>;

export const meetingTimeFields = {
  startsAt: MeetingSchema.shape.startsAt,
  durationMinutes: MeetingSchema.shape.durationMinutes,
  timeZone: z.string().refine(isValidTimeZone, 'Unknown time zone.').default(DEFAULT_TIME_ZONE),
};
export const describeMeetingTime = (d: { startsAt: string; durationMinutes: number; timeZone: string }): string =>
  formatMeetingTime(d.startsAt, d.durationMinutes, d.timeZone);

/**
 * A person as a group chat may show them. The child has no name field at all: they appear as
 * their initials, which the card takes from `child`.
 */
export const GroupPersonSchema = z.discriminatedUnion('role', [
  z.strictObject({ role: z.literal('child') }),
  z.strictObject({ role: RoleSchema.exclude(['child']), name: PersonName }),
]);
export type GroupPerson = z.infer<typeof GroupPersonSchema>;

export const groupPersonName = (person: GroupPerson, child: ChildTag): string =>
  person.role === 'child' ? child.initials : person.name;
export const groupPersonLabel = (person: GroupPerson, child: ChildTag): string =>
  `${groupPersonName(person, child)} (${ROLE_LABELS[person.role].toLowerCase()})`;

/** Someone named in a direct message, where names are fine. */
export const NamedPersonSchema = z.strictObject({ name: PersonName, role: RoleSchema });
export const namedPersonLabel = (p: z.infer<typeof NamedPersonSchema>): string => `${p.name} (${ROLE_LABELS[p.role].toLowerCase()})`;

/**
 * Card sizes are bounded so every card fits a Teams message (28 KB) and a Slack message (50
 * blocks) even at the maxima; test/cards/card-limits.test.ts renders each list card at its maximum.
 * A PEP meeting rarely has more than a dozen people or ten actions.
 */
export const MAX_PEOPLE = 25;
export const MAX_ACTIONS = 20;
/** Long free text in a list row shows its start; the full text lives in the plan and the reminders. */
export const SHOWN_IN_LIST = 200;

/** Problems shown in a banner above a re-shown form, so the person sees why it came back. */
export const ProblemsSchema = z.array(z.string().min(1).max(300)).max(10).default([]);

/** What the person typed before, to pre-fill an input: text comes back as typed. */
export const typedText = (max: number) => z.string().max(max).default('');

/**
 * A number input can only hold a number. A typed value that is not one (say "ninety") is dropped
 * from the form, and the error card shows it back as text instead.
 */
export const typedNumber = z
  .union([z.number(), z.string()])
  .optional()
  .transform((value): number | '' => {
    if (typeof value === 'number') return value;
    const parsed = value === undefined || value.trim() === '' ? Number.NaN : Number(value);
    return Number.isFinite(parsed) ? parsed : '';
  });

export const typedDate = z.union([LocalDate, z.literal('')]).default('');

/** A choice typed back as its value; numbers (a mood of 4) arrive either way. */
export const typedChoice = z
  .union([z.string().max(150), z.number()])
  .default('')
  .transform((value) => String(value));

export const dayOrEmpty = (isoDate: string | undefined): string => (isoDate ? formatDay(isoDate) : '');
