import type { z } from 'zod';
import { EvidenceSchema } from './evidence.js';

/** The figures as a command or an import row carries them: who recorded them, when and how come from the context. */
export const EvidenceFiguresSchema = EvidenceSchema.pick({ term: true, attendancePercent: true, suspensionDays: true, permanentlyExcluded: true, attainment: true });
export type EvidenceFigures = z.infer<typeof EvidenceFiguresSchema>;

/** "2026-27 Autumn" and "2026-27  autumn" as typed or exported are the term "2026-27 autumn". */
export const normaliseTerm = (text: string): string => text.trim().toLowerCase().replace(/\s+/g, ' ');
