import { MongoNetworkError, MongoServerError } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { mongoCannotWrite } from '../../src/stores/mongo/cannot-write.js';

/** Which MongoDB failures the store reports as "cannot write now" (so the person reads "not saved, try again"). */
const serverError = (code: number, labels: string[] = []) => new MongoServerError({ message: `server said ${code}`, code, errorLabels: labels });
function unknownCommit(): MongoNetworkError {
  const error = new MongoNetworkError('connection reset during commit');
  error.addErrorLabel('UnknownTransactionCommitResult');
  return error;
}

describe('MongoDB failures that mean the store cannot write now', () => {
  it.each([
    ['no writable primary', serverError(10107)],
    ['a primary stepping down', serverError(189)],
    ['a server shutting down', serverError(91)],
    ['a full disk', serverError(14031)],
    ['anything the driver labels a retryable write error', serverError(262, ['RetryableWriteError'])],
    ['the network to the server gone', new MongoNetworkError('connection reset')],
  ])('%s', (_name, error) => {
    expect(mongoCannotWrite(error)).toBe(true);
  });

  it.each([
    ['a duplicate key (a refusal, not an outage)', serverError(11000)],
    ['a commit that may have been saved', unknownCommit()],
    ['an error that is not MongoDB\'s', new Error('SQLITE_FULL')],
  ])('not %s', (_name, error) => {
    expect(mongoCannotWrite(error)).toBe(false);
  });
});
