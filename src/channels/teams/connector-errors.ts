/**
 * Errors from the Bot Framework connector (RestError) carry the whole HTTP request, bearer token
 * included, deeper than the logger's redaction reaches. Only these fields are ever logged.
 */
export interface ConnectorFailure {
  type: string;
  message: string;
  statusCode?: number;
  code?: string;
  stack?: string;
}

export function connectorFailure(error: unknown): ConnectorFailure {
  if (!(error instanceof Error)) return { type: typeof error, message: String(error) };
  const { statusCode, code } = error as { statusCode?: unknown; code?: unknown };
  return {
    type: error.name,
    message: error.message,
    statusCode: typeof statusCode === 'number' ? statusCode : undefined,
    code: typeof code === 'string' ? code : undefined,
    // A status means the service answered: the stack adds nothing. Without one it may be our bug.
    stack: typeof statusCode === 'number' ? undefined : error.stack,
  };
}

/** Throttling, timeouts, outages and network failures pass; 4xx (removed, blocked, not found) do not. */
export const isRetryable = (failure: ConnectorFailure): boolean =>
  failure.statusCode === undefined || failure.statusCode === 408 || failure.statusCode === 429 || failure.statusCode >= 500;
