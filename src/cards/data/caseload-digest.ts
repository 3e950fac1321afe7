import { z } from 'zod';
import { opensAsButton } from '../adaptive-card.js';
import { formatDay } from '../format.js';
import { ChildTagSchema, LocalDate } from './common.js';

/**
 * The weekly caseload digest for a Virtual School officer, in their Teams or Slack chat: the same
 * figures as the caseload page, and the PEPs overdue by law. A chat is not the authorised page, so
 * a child here is only their initials and PEP reference (ChildTagSchema is strict: a full name
 * cannot be passed in).
 */

/** Breaches listed by name; beyond these the card says how many more and links to the page. */
export const MAX_DIGEST_BREACHES = 15;

const count = z.number().int().min(0);

export const CaseloadDigestDataSchema = z
  .strictObject({
    /** The day the digest was drawn up. */
    on: LocalDate,
    children: count,
    byStatus: z.array(z.strictObject({ label: z.string().min(1).max(60), children: count })).max(10),
    breached: count,
    withOverdueActions: count,
    withMissingContributions: count,
    carerAttended: z.strictObject({ attended: count, held: count }),
    breaches: z.array(z.strictObject({ child: ChildTagSchema, due: LocalDate, what: z.string().min(1).max(100) })).max(MAX_DIGEST_BREACHES).default([]),
    moreBreaches: count.default(0),
    /** The caseload page; shown as a button when https, as text otherwise (a local install). */
    caseloadUrl: z.url({ protocol: /^https?$/ }).max(300),
  })
  .transform((d) => ({
    ...d,
    onText: `Week of ${formatDay(d.on)}. Children are shown by initials and PEP reference only: the caseload page has the details.`,
    figures: [
      { title: 'Children', value: String(d.children) },
      { title: 'PEPs overdue by law', value: String(d.breached) },
      { title: 'Children with overdue actions', value: String(d.withOverdueActions) },
      { title: 'Children with missing contributions', value: String(d.withMissingContributions) },
      { title: 'Carer at the latest PEP', value: `${d.carerAttended.attended} of ${d.carerAttended.held}` },
    ],
    statusFacts: d.byStatus.map((s) => ({ title: s.label, value: String(s.children) })),
    breachRows: d.breaches.map((b) => ({ text: `• ${b.child.initials} (${b.child.ref}): ${b.what}, due ${formatDay(b.due)}` })),
    moreBreachesText: d.moreBreaches > 0 ? `And ${d.moreBreaches} more on the caseload page.` : '',
    noBreaches: d.breaches.length === 0,
    button: opensAsButton(d.caseloadUrl) ? d.caseloadUrl : '',
  }));
