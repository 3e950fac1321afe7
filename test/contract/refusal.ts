import { expect } from 'vitest';
import type { ErrorCode } from '../../src/domain/errors.js';

/** What a rejected store call must carry: the domain error class and its stable code. */
export const refusal = (code: ErrorCode) => expect.objectContaining({ name: 'DomainError', code });
