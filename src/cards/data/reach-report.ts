import { z } from 'zod';
import { opensAsButton } from '../adaptive-card.js';
import { formatDay } from '../format.js';
import { ChildTagSchema, Id, LocalDate, NamedPersonSchema, namedPersonLabel } from './common.js';

/**
 * For the organiser, one per meeting and updated in place: the secure links only they can get to
 * people PEP Bot cannot reach itself, and every card that could not be delivered, with why.
 */

/** The most rows of each kind one card shows; the oldest are left off first. */
export const MAX_REACH_ROWS = 10;
/** Room for a URL of our own making: <PUBLIC_BASE_URL>/p/<43 characters>. */
export const MAX_LINK_URL = 300;
export const MAX_REASON = 400;

const LinkToPassOnSchema = NamedPersonSchema.extend({
  /** What the link opens, in words: "their invitation to the PEP meeting". */
  opens: z.string().min(1).max(100),
  /** Why PEP Bot could not send it itself. */
  why: z.string().min(1).max(MAX_REASON),
  url: z.url({ protocol: /^https?$/ }).max(MAX_LINK_URL),
  expiresOn: LocalDate,
  singleUse: z.boolean(),
});

const UndeliveredSchema = z.strictObject({
  /** A person as "Name (role)", or a chat: "The meeting chat in Teams". */
  who: z.string().min(1).max(200),
  /** The card in words: "the written plan". */
  what: z.string().min(1).max(100),
  reason: z.string().min(1).max(MAX_REASON),
});

const more = (count: number, what: string) => (count > 0 ? `And ${count} older ${what}, not shown.` : '');

export const ReachReportDataSchema = z
  .strictObject({
    meetingId: Id,
    child: ChildTagSchema,
    links: z.array(LinkToPassOnSchema).max(MAX_REACH_ROWS).default([]),
    undelivered: z.array(UndeliveredSchema).max(MAX_REACH_ROWS).default([]),
    /** How many of each there are beyond those shown. */
    moreLinks: z.number().int().min(0).default(0),
    moreUndelivered: z.number().int().min(0).default(0),
  })
  .transform((d) => ({
    ...d,
    linkRows: d.links.map((link) => ({
      heading: `${namedPersonLabel(link)}: ${link.opens}`,
      detail: `${link.why} Only they should use it: it works until ${formatDay(link.expiresOn)}${link.singleUse ? ', once' : ''}.`,
      // The whole link as text, to copy: a local install's http link cannot be a button.
      url: link.url,
      button: opensAsButton(link.url) ? link.url : '',
    })),
    undeliveredRows: d.undelivered.map((u) => ({ text: `• ${u.who} did not get ${u.what}: ${u.reason}` })),
    moreLinksText: more(d.moreLinks, d.moreLinks === 1 ? 'link' : 'links'),
    moreUndeliveredText: more(d.moreUndelivered, d.moreUndelivered === 1 ? 'problem' : 'problems'),
    empty: d.links.length === 0 && d.undelivered.length === 0,
  }));
