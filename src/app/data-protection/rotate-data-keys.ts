import { laterTurn } from '../later-turn.js';
import { z } from 'zod';
import type { Logger } from '../../observability/logger.js';
import type { KeyValueStore } from '../../ports/key-value.js';
import type { RotatedRecords, StoredTextRotation } from '../../ports/stored-text-rotation.js';

/**
 * Key rotation: when the first key of DATA_ENCRYPTION_KEYS changes, every meeting and child is
 * rewritten under it in the background, a page at a time. Where it got to is kept in the store
 * after each page, so a crash resumes there; a record already under the new key is left alone,
 * so running again changes nothing. Audit entries are append-only and keep the key that wrote them:
 * a retired key stays listed (after the new one) until retention has removed those entries.
 */
export const ROTATION_NAMESPACE = 'data-encryption';
const ROTATION_KEY = 'rotation';
const ORDER: readonly RotatedRecords[] = ['meetings', 'children'];

const ProgressSchema = z.object({
  keyId: z.string(),
  records: z.enum(['meetings', 'children']),
  after: z.string().optional(),
  done: z.boolean(),
});
type Progress = z.infer<typeof ProgressSchema>;

export interface RotationOptions {
  store: StoredTextRotation & KeyValueStore;
  logger: Logger;
  pageSize?: number;
  /** Checked between pages: a stopping bot finishes its page and leaves the rest for the next start. */
  stopping?: () => boolean;
}

/** Runs to the end (or until stopping); resolves with how many records it rewrote. */
export async function rotateDataKeys({ store, logger, pageSize = 100, stopping = () => false }: RotationOptions): Promise<number> {
  const keyId = store.currentKeyId();
  const saved = ProgressSchema.safeParse(await store.getValue(ROTATION_NAMESPACE, ROTATION_KEY));
  const resumed: Progress | undefined = saved.success && saved.data.keyId === keyId ? saved.data : undefined;
  if (resumed?.done) return 0;
  let progress: Progress = resumed ?? { keyId, records: 'meetings', done: false };
  logger.info({ keyId, records: progress.records, resumed: resumed !== undefined }, 'data encryption: rewriting stored free text under the current key');
  let rewritten = 0;
  let scanned = 0;
  for (const records of ORDER.slice(ORDER.indexOf(progress.records))) {
    let after = records === progress.records ? progress.after : undefined;
    for (;;) {
      if (stopping()) return rewritten;
      const page = await store.reencryptPage({ records, after, limit: pageSize });
      rewritten += page.rewritten;
      scanned += page.scanned;
      if (page.last === undefined) break;
      after = page.last;
      progress = { keyId, records, after, done: false };
      await store.putValue(ROTATION_NAMESPACE, ROTATION_KEY, progress);
      logger.info({ keyId, records, scanned, rewritten }, 'data encryption: rotation progress');
      // Lets requests in between pages.
      await laterTurn();
    }
  }
  await store.putValue(ROTATION_NAMESPACE, ROTATION_KEY, { keyId, records: 'children', done: true } satisfies Progress);
  logger.info({ keyId, scanned, rewritten }, 'data encryption: every meeting and child is under the current key');
  return rewritten;
}

/** Stores made by openStore can; a test's own store might not. */
export const canRotate = <S extends object>(store: S): store is S & StoredTextRotation => 'reencryptPage' in store && 'currentKeyId' in store;

/** The rotation as a background task of the running bot; stop() waits for the page in hand. */
export function startKeyRotation(options: Omit<RotationOptions, 'stopping'>): { stop(): Promise<void> } {
  let stopped = false;
  const running = rotateDataKeys({ ...options, stopping: () => stopped }).catch((error: unknown) => {
    options.logger.error({ err: error }, 'data encryption: the rotation stopped; it resumes at the next start');
  });
  return {
    async stop() {
      stopped = true;
      await running;
    },
  };
}
