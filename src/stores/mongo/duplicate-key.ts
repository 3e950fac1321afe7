import { MongoServerError } from 'mongodb';

const DUPLICATE_KEY = 11000;

/**
 * An insert that met an existing document on a unique index. insertOne reports it as a
 * MongoServerError with code 11000; any other failure is not this and must propagate.
 */
export const isDuplicateKey = (error: unknown): boolean => error instanceof MongoServerError && error.code === DUPLICATE_KEY;
