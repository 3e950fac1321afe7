import { z } from 'zod';
import type { Meeting } from '../domain/model.js';
import { NudgePreferencesByParticipantSchema } from '../domain/nudges/index.js';
import type { NudgePreferencesByParticipant } from '../domain/nudges/index.js';
import type { KeyValueStore } from '../ports/key-value.js';

/** Where people's nudge choices live: one entry per meeting, participant id → preferences. */
export const PREFERENCES_NAMESPACE = 'nudge-preferences';

export type PreferencesSource = (meeting: Meeting) => Promise<NudgePreferencesByParticipant>;

export class StoredPreferencesError extends Error {
  override readonly name = 'StoredPreferencesError';
}

export const preferencesFromStore =
  (kv: KeyValueStore): PreferencesSource =>
  async (meeting) => {
    const stored = await kv.getValue(PREFERENCES_NAMESPACE, meeting.id);
    if (stored === undefined) return {};
    const parsed = NudgePreferencesByParticipantSchema.safeParse(stored);
    if (!parsed.success) {
      throw new StoredPreferencesError(`Nudge preferences of meeting ${meeting.id} do not match their schema: ${z.prettifyError(parsed.error)}`);
    }
    return parsed.data;
  };
