import { LogLevel } from '@slack/bolt';
import type { Logger as SlackLogger } from '@slack/bolt';
import type { Logger } from '../../observability/logger.js';

/**
 * Bolt's and the WebClient's logs, into our pino logger. Their debug lines are dropped on purpose:
 * the WebClient writes whole request bodies at debug (`http request body: {...}`), and those hold
 * names and what people typed, which must never reach the logs. Everything from info up is kept.
 */
export function boltLogger(logger: Logger): SlackLogger {
  const slack = logger.child({ component: 'slack-sdk' });
  const write = (level: 'info' | 'warn' | 'error', parts: unknown[]) => {
    const error = parts.find((p): p is Error => p instanceof Error);
    const message = parts
      .filter((p) => p !== error)
      .map((p) => (typeof p === 'string' ? p : JSON.stringify(p)))
      .join(' ');
    if (error) slack[level]({ err: error }, message || error.message);
    else slack[level](message);
  };
  return {
    debug: () => undefined,
    info: (...parts: unknown[]) => write('info', parts),
    warn: (...parts: unknown[]) => write('warn', parts),
    error: (...parts: unknown[]) => write('error', parts),
    // The level is pino's to decide; Bolt asks for one only to skip building debug messages.
    setLevel: () => undefined,
    getLevel: () => LogLevel.INFO,
    setName: () => undefined,
  };
}
