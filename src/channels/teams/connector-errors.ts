/**
 * Errors from the Bot Framework connector (RestError) carry the whole HTTP request, bearer token
 * included, deeper than the logger's redaction reaches. Only these fields are ever logged.
 */
export interface ConnectorFailure {
  type: string;
  message: string;
  statusCode?: number;
  code?: string;
  /** The connector's Retry-After (throttling), in milliseconds. */
  retryAfterMs?: number;
  stack?: string;
}

/** Retry-After in seconds, as the connector sends it with a 429; an HTTP date is read too. */
function retryAfterOf(error: Error): number | undefined {
  const headers = (error as { response?: { headers?: { get?: (name: string) => string | undefined } } }).response?.headers;
  const value = typeof headers?.get === 'function' ? headers.get('retry-after') : undefined;
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

export function connectorFailure(error: unknown): ConnectorFailure {
  if (!(error instanceof Error)) return { type: typeof error, message: String(error) };
  const { statusCode, code } = error as { statusCode?: unknown; code?: unknown };
  return {
    type: error.name,
    message: error.message,
    statusCode: typeof statusCode === 'number' ? statusCode : undefined,
    code: typeof code === 'string' ? code : undefined,
    retryAfterMs: retryAfterOf(error),
    // A status means the service answered: the stack adds nothing. Without one it may be our bug.
    stack: typeof statusCode === 'number' ? undefined : error.stack,
  };
}

/** Throttling, timeouts, outages and network failures pass; 4xx (removed, blocked, not found) do not. */
export const isRetryable = (failure: ConnectorFailure): boolean =>
  failure.statusCode === undefined || failure.statusCode === 408 || failure.statusCode === 429 || failure.statusCode >= 500;
