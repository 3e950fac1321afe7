import { z } from 'zod';

/**
 * The council's Pupil Premium Plus allocation per looked-after child for the academic year (the
 * `funding` section of the council settings). The default is the DfE rate for 2025-26: £2,630 per
 * child ("Pupil premium: allocations and conditions of grant 2025 to 2026"); councils set the rate
 * of the year they are in.
 */
export const FundingSettingsSchema = z
  .object({
    /** In pence, like every amount in PEP Bot, so no money is ever a float. */
    pupilPremiumPlusPerChildPence: z.number().int().min(0).max(10_000_000).default(263_000),
    /** The year the rate is for, shown beside it ("2025-26"). */
    rateYear: z.string().regex(/^\d{4}-\d{2}$/, 'Write the year like 2025-26.').default('2025-26'),
  })
  .prefault({});
export type FundingSettings = z.infer<typeof FundingSettingsSchema>;
