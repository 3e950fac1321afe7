import type { z } from 'zod';
import { SchoolTermKeySchema } from '../school-term.js';
import { EvidenceSchema } from './evidence.js';

/** The figures as the plan keeps them: who recorded them, when and how are the meeting's business. */
export const EvidenceFiguresSchema = EvidenceSchema.pick({ term: true, attendancePercent: true, suspensionDays: true, permanentlyExcluded: true, attainment: true });
export type EvidenceFigures = z.infer<typeof EvidenceFiguresSchema>;

/**
 * The figures as a command or an import row carries them. Their term is the PEP's own, read from
 * its date and the council's term dates, so nobody types it; an import that names one has it
 * checked against the PEP's.
 */
export const EvidenceEntrySchema = EvidenceFiguresSchema.extend({ term: SchoolTermKeySchema.optional() });
export type EvidenceEntry = z.infer<typeof EvidenceEntrySchema>;

/** "2026-27 Autumn" and "2026-27  autumn" as typed or exported are the term "2026-27 autumn". */
export const normaliseTerm = (text: string): string => text.trim().toLowerCase().replace(/\s+/g, ' ');
