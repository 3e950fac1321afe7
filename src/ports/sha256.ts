import { createHash } from 'node:crypto';
import type { Digest } from '../domain/audit-chain.js';

/** The audit chain's hash (src/domain/audit-chain.ts), given to the pure verifier as randomIds is given to use cases. */
export const sha256Hex: Digest = (text) => createHash('sha256').update(text, 'utf8').digest('hex');
