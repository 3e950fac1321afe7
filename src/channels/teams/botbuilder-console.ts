import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from '../../observability/logger.js';

/**
 * botframework-connector writes its token diagnostics with console.error (an expired token's whole
 * stack, the signing key it tried), straight to stderr and past the redacting logger. While a
 * request is being authenticated and run, whatever it writes there goes to that request's logger
 * instead, as one short debug line; console output from anywhere else is left alone.
 */
const requestLogger = new AsyncLocalStorage<Logger>();
let routed = false;

const firstLine = (value: unknown): string => {
  const text = value instanceof Error ? `${value.name}: ${value.message}` : String(value);
  return text.split('\n', 1)[0]!.slice(0, 200);
};

function routeConsoleErrors(): void {
  if (routed) return;
  routed = true;
  const original = console.error;
  console.error = (...args: unknown[]) => {
    const logger = requestLogger.getStore();
    if (logger) logger.debug({ diagnostic: firstLine(args[0]) }, 'botbuilder diagnostic');
    else original.apply(console, args);
  };
}

/** Runs one inbound request with botbuilder's console diagnostics sent to `logger`. */
export function withBotbuilderConsole<T>(logger: Logger, work: () => Promise<T>): Promise<T> {
  routeConsoleErrors();
  return requestLogger.run(logger, work);
}
