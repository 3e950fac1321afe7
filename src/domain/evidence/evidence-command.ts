import type { z } from 'zod';
import { EvidenceSchema } from './evidence.js';

/** The figures as a command or an import row carries them: who recorded them, when and how come from the context. */
export const EvidenceFiguresSchema = EvidenceSchema.pick({ term: true, attendancePercent: true, suspensionDays: true, permanentlyExcluded: true, attainment: true });
export type EvidenceFigures = z.infer<typeof EvidenceFiguresSchema>;
