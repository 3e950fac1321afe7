import { z } from 'zod';

/**
 * The cards that are not about one scene: the error card, the confirmation a web page or Teams
 * shows after an answer, and the welcome/help card.
 */

const Fact = z.strictObject({ label: z.string().min(1).max(200), value: z.string().max(4000) });
const KEPT_TOTAL = 12_000;

export const ErrorDataSchema = z
  .strictObject({
    title: z.string().min(1).max(150).default('That did not go through'),
    /** What went wrong, in the domain's own sentence. */
    message: z.string().min(1).max(2000),
    problems: z.array(z.string().min(1).max(500)).max(10).default([]),
    /**
     * What the person typed, shown back in full so nothing is lost. The total is capped so the card
     * still fits a Teams message; a longer answer is re-shown in its pre-filled form instead.
     */
    kept: z
      .array(z.strictObject({ label: z.string().min(1).max(200), value: z.string().max(KEPT_TOTAL) }))
      .max(10)
      .refine((kept) => kept.reduce((sum, fact) => sum + fact.value.length, 0) <= KEPT_TOTAL, {
        message: `Too much to show back on one card (over ${KEPT_TOTAL} characters): re-show the pre-filled form instead.`,
      })
      .default([]),
    fix: z.string().min(1).max(1000),
    /** A stable code such as SMART.MISSING_MEASURE, for support. */
    code: z.string().max(64).optional(),
    /**
     * Whether the reader sees the code. Professionals quote it to support; a carer or a child on
     * their secure link would only be puzzled by it, and it stays in the logs either way.
     */
    showReference: z.boolean().default(true),
  })
  .transform((d) => ({ ...d, hasKept: d.kept.length > 0, codeText: d.code && d.showReference ? `Reference: ${d.code}` : '' }));

export const ConfirmationDataSchema = z.strictObject({
  title: z.string().min(1).max(150),
  message: z.string().min(1).max(2000),
  facts: z.array(Fact).max(20).default([]),
});

export const WelcomeDataSchema = z.strictObject({
  /** How commands are typed on this channel: "" in Teams and Slack DMs, "/pep " as a Slack slash command. */
  commandPrefix: z.enum(['', '/pep ']).default(''),
});
