/**
 * The store could not write just now (disk full, a read-only file, no writable MongoDB primary):
 * nothing of the change was saved, and the same request may succeed once the store recovers.
 * Every MeetingStore write throws this, never the driver's own error, so the edges can tell the
 * person "not saved, try again" without knowing which database answered.
 */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';

  constructor(
    readonly store: string,
    options: { cause: unknown },
  ) {
    // The driver's code (SQLITE_FULL, 10107) says why in the log; its message stays in the cause.
    const code = typeof options.cause === 'object' && options.cause !== null ? (options.cause as { code?: unknown }).code : undefined;
    super(`The ${store} store could not write${code === undefined ? '' : ` (${String(code)})`}; nothing was saved.`, options);
  }
}

export const isStoreUnavailable = (error: unknown): error is StoreUnavailableError => error instanceof StoreUnavailableError;
