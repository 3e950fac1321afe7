import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { CouncilSettingsSchema, DEFAULT_COUNCIL_SETTINGS, type CouncilSettings } from './domain/oversight/council-settings.js';

/**
 * Reads the council's settings file (JSON, named by COUNCIL_SETTINGS) at start-up. Problems come
 * back as lines naming the setting's path in the file, so the operator can find it.
 */
export function readCouncilSettings(file: string | undefined): { settings: CouncilSettings; problems: string[] } {
  if (file === undefined) return { settings: DEFAULT_COUNCIL_SETTINGS, problems: [] };
  const where = path.resolve(file);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(where, 'utf8'));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    return { settings: DEFAULT_COUNCIL_SETTINGS, problems: [`COUNCIL_SETTINGS must name a readable JSON file (${where}: ${reason})`] };
  }
  const parsed = CouncilSettingsSchema.safeParse(raw);
  if (parsed.success) return { settings: parsed.data, problems: [] };
  return { settings: DEFAULT_COUNCIL_SETTINGS, problems: parsed.error.issues.map((issue) => describe(where, issue)) };
}

function describe(file: string, issue: z.core.$ZodIssue): string {
  const at = issue.path.length > 0 ? issue.path.join('.') : '(the whole file)';
  return `COUNCIL_SETTINGS ${at} in ${file}: ${issue.message}`;
}
