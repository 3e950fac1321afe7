import { DomainError } from '../domain/errors.js';

/**
 * The refusals every adapter makes in the same words, so a use case (and its retry on
 * STORE.CONFLICT) never needs to know which database answered.
 */
export const staleVersion = (meetingId: string, expectedVersion: number): DomainError =>
  new DomainError('STORE.CONFLICT', `Meeting ${meetingId} changed since version ${expectedVersion} was read.`, {
    meetingId,
    expectedVersion,
  });

export const meetingExists = (meetingId: string): DomainError =>
  new DomainError('STORE.CONFLICT', `Meeting ${meetingId} already exists.`, { meetingId });

export const idempotencyKeyUsed = (key: string): DomainError =>
  new DomainError('STORE.CONFLICT', `A change was already recorded for idempotency key ${key}.`, { key });

/** A store method called before init() or after close(): a wiring mistake, not a user error. */
export class StoreNotOpenError extends Error {
  override readonly name = 'StoreNotOpenError';

  constructor(kind: string) {
    super(`The ${kind} store is not open: call init() first, and do not use it after close().`);
  }
}

/** Something in the database no longer matches the schema: written by hand or by another release. */
export class StoredDataError extends Error {
  override readonly name = 'StoredDataError';
}

export const staleChildVersion = (ref: string, expectedVersion: number): DomainError =>
  new DomainError('STORE.CONFLICT', `Child ${ref} changed since version ${expectedVersion} was read.`, { childRef: ref, expectedVersion });

export const childExists = (ref: string): DomainError => new DomainError('STORE.CONFLICT', `Child ${ref} already exists.`, { childRef: ref });
