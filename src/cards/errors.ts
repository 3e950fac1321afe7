/**
 * Everything the card service refuses carries a stable code, like the domain's errors, so the
 * channels and the tests can tell a bad payload from a template bug from a platform limit.
 */
export type CardErrorCode =
  | 'CARD.INVALID_DATA'
  | 'CARD.TEMPLATE'
  | 'CARD.UNSUPPORTED_ELEMENT'
  | 'CARD.BLOCK_KIT_LIMIT'
  | 'CARD.TOO_LARGE';

export class CardError extends Error {
  override readonly name = 'CardError';

  constructor(
    readonly code: CardErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const isCardError = (error: unknown): error is CardError => error instanceof CardError;

/** One problem with something that came from outside, named by its dotted path ("" = the whole). */
export interface FieldProblem {
  field: string;
  message: string;
}

export function describeProblems(problems: readonly FieldProblem[]): string {
  return problems.map((p) => (p.field ? `${p.field}: ${p.message}` : p.message)).join('; ');
}

/** zod issue paths hold numbers and symbols too; the channels only need a readable dotted path. */
export const toFieldProblems = (issues: readonly { path: readonly PropertyKey[]; message: string }[]): FieldProblem[] =>
  issues.map((issue) => ({ field: issue.path.map(String).join('.'), message: issue.message }));
