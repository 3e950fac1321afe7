import { pino } from 'pino';
import type { DestinationStream, LevelWithSilent, Logger } from 'pino';

export type { Logger };

/**
 * Logs leave the service (aggregators, support tickets), and the people in these meetings are
 * children in care and the adults around them. Any field with one of these names is censored
 * wherever it sits: at the top level or one or two objects down (`participant.email`,
 * `req.headers.authorization`). Log ids, codes and counts instead of whole documents.
 */
export const REDACTED_KEYS = [
  // Who someone is.
  'name', 'fullName', 'ownerName', 'email', 'initials', 'dateOfBirth',
  // Free text people typed: notes, contributions, answers to prompts, goals, reasons.
  'text', 'freeText', 'note', 'notes', 'answer', 'answers', 'content', 'title', 'purpose', 'place',
  'description', 'evidence', 'attainment', 'observations', 'health', 'toRaise', 'goingWell', 'hard',
  'want', 'specific', 'measurable', 'achievable', 'relevant', 'blockedReason', 'cancelledReason',
  // Credentials: bearer tokens, web-link tokens, session cookies, connection strings.
  'token', 'accessToken', 'refreshToken', 'idToken', 'password', 'secret', 'authorization', 'cookie',
  'set-cookie', 'mongodbUri', 'dataKeys',
] as const;

export const REDACTION_CENSOR = '[redacted]';

const isPlainIdentifier = (key: string): boolean => /^[A-Za-z_$][\w$]*$/.test(key);

/** `email`, `*.email`, `*.*.email`; names such as `set-cookie` need the bracket form. */
export const REDACTED_PATHS: readonly string[] = REDACTED_KEYS.flatMap((key) => {
  const step = isPlainIdentifier(key) ? `.${key}` : `["${key}"]`;
  return [step.replace(/^\./, ''), `*${step}`, `*.*${step}`];
});

export interface LoggerOptions {
  level: LevelWithSilent;
  /** Defaults to stdout; tests pass a stream they can read. */
  destination?: DestinationStream;
}

export function createLogger({ level, destination }: LoggerOptions): Logger {
  return pino(
    {
      level,
      redact: { paths: [...REDACTED_PATHS], censor: REDACTION_CENSOR },
      timestamp: pino.stdTimeFunctions.isoTime,
      // Level names rather than numbers, so the lines read well without pino-pretty.
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}
