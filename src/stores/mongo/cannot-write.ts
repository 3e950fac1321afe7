import { MongoError, MongoNetworkError, MongoServerSelectionError } from 'mongodb';

/** Server codes for "this node cannot take writes now" and "the disk is full". */
const CANNOT_WRITE_CODES = new Set([
  91, // ShutdownInProgress
  189, // PrimarySteppedDown
  10107, // NotWritablePrimary
  11600, // InterruptedAtShutdown
  11602, // InterruptedDueToReplStateChange
  13435, // NotPrimaryNoSecondaryOk
  13436, // NotPrimaryOrSecondary
  14031, // OutOfDiskSpace
]);

/**
 * MongoDB's answers for "cannot write now": no primary to write to, the network to it gone, or
 * its disk full; the driver labels most of them RetryableWriteError. A commit whose outcome is
 * unknown is left out: it may have been saved, so "not saved" would not be true.
 */
export function mongoCannotWrite(error: unknown): boolean {
  if (!(error instanceof MongoError) || error.hasErrorLabel('UnknownTransactionCommitResult')) return false;
  if (error instanceof MongoNetworkError || error instanceof MongoServerSelectionError || error.hasErrorLabel('RetryableWriteError')) return true;
  return typeof error.code === 'number' && CANNOT_WRITE_CODES.has(error.code);
}
