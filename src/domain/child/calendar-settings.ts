import { z } from 'zod';

/**
 * The statutory clock's calendar (council settings, `calendar`): the school terms, which each
 * local authority sets for itself, and the figures statutory guidance leaves to the council.
 * The default terms are a typical England pattern for 2025-26 to 2027-28; a council replaces
 * them with its own (docs/council-settings.md).
 */

const LocalDate = z.iso.date();

export const TermSchema = z
  .object({
    name: z.string().min(1).max(60),
    /** First and last school day of the term. */
    start: LocalDate,
    end: LocalDate,
    /** First and last weekday of the half-term break (no school). */
    halfTermStart: LocalDate,
    halfTermEnd: LocalDate,
  })
  // ISO dates compare as strings.
  .refine((term) => term.start < term.halfTermStart && term.halfTermStart <= term.halfTermEnd && term.halfTermEnd < term.end, {
    message: 'A term runs start < halfTermStart <= halfTermEnd < end.',
  });
export type Term = z.infer<typeof TermSchema>;

const term = (name: string, start: string, halfTermStart: string, halfTermEnd: string, end: string): Term => ({ name, start, halfTermStart, halfTermEnd, end });

/** A typical England pattern (most local authorities' published dates differ by a day or two). */
export const ENGLAND_DEFAULT_TERMS: readonly Term[] = [
  term('Autumn 2025', '2025-09-03', '2025-10-27', '2025-10-31', '2025-12-19'),
  term('Spring 2026', '2026-01-05', '2026-02-16', '2026-02-20', '2026-03-27'),
  term('Summer 2026', '2026-04-13', '2026-05-25', '2026-05-29', '2026-07-22'),
  term('Autumn 2026', '2026-09-03', '2026-10-26', '2026-10-30', '2026-12-18'),
  term('Spring 2027', '2027-01-04', '2027-02-15', '2027-02-19', '2027-03-26'),
  term('Summer 2027', '2027-04-12', '2027-05-31', '2027-06-04', '2027-07-21'),
  term('Autumn 2027', '2027-09-02', '2027-10-25', '2027-10-29', '2027-12-17'),
  term('Spring 2028', '2028-01-04', '2028-02-14', '2028-02-18', '2028-03-31'),
  term('Summer 2028', '2028-04-18', '2028-05-29', '2028-06-02', '2028-07-21'),
];

export const CalendarSettingsSchema = z
  .object({
    /** In date order, not overlapping. Dates outside every listed term and its holidays count as school days (weekdays, less bank holidays). */
    terms: z.array(TermSchema).max(60).default([...ENGLAND_DEFAULT_TERMS]),
    /** School days after a change of school (or placement) within which the new PEP is due: statutory guidance allows 10 to 20. */
    schoolMoveSchoolDays: z.number().int().min(10).max(20).default(10),
    /** Working days before a due date that the organiser and the virtual school officer are nudged. */
    nudgeLeadWorkingDays: z.number().int().min(1).max(20).default(5),
    /** The longest gap, in calendar days, between two PEP reviews (about four months). */
    maxReviewIntervalDays: z.number().int().min(28).max(183).default(122),
  })
  .superRefine((calendar, context) => {
    calendar.terms.forEach((current, index) => {
      const previous = calendar.terms[index - 1];
      if (previous && current.start <= previous.end) {
        context.addIssue({ code: 'custom', path: ['terms', index, 'start'], message: `Terms are in date order without overlap: this term starts on or before ${previous.name} ends (${previous.end}).` });
      }
    });
  });
export type CalendarSettings = z.infer<typeof CalendarSettingsSchema>;
