import { CardError } from '../../src/cards/errors.js';

/** Runs something that must refuse with a CardError, and returns that error for its code and message. */
export function refusal(run: () => unknown): CardError {
  try {
    run();
  } catch (error) {
    if (error instanceof CardError) return error;
    throw error;
  }
  throw new Error('expected a CardError, but nothing was refused');
}
