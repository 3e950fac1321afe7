import type { z } from 'zod';
import { DomainError } from '../domain/errors.js';

export interface InputProblem {
  /** Dotted path of the field, e.g. "child.initials"; empty for the whole input. */
  field: string;
  message: string;
}

/**
 * Parses anything that came from outside. A failure is a DomainError that lists every problem
 * and carries the input back, so the channel can re-show what the person typed.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const problems: InputProblem[] = result.error.issues.map((issue) => ({
    field: issue.path.map(String).join('.'),
    message: issue.message,
  }));
  const lines = problems.map((p) => (p.field ? `${p.field}: ${p.message}` : p.message));
  throw new DomainError('VALIDATION.INVALID_INPUT', `Some answers need another look. ${lines.join(' ')}`, { problems, input });
}
