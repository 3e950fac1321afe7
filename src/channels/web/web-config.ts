import { z } from 'zod';
import { ConfigError, parseEnvironment } from '../../config.js';
import { DEFAULT_LINK_DAYS } from '../../app/secure-links.js';

/** What the secure-link channel needs beyond the shared config (PUBLIC_BASE_URL is there). */
export interface WebConfig {
  /** smtp:// or smtps://, user and password included; absent means links are not emailed. */
  readonly smtpUrl: string | undefined;
  /** The sender of link emails, e.g. "PEP Bot <pep-bot@council.example.gov.uk>". */
  readonly mailFrom: string | undefined;
  /** How long a link works: 14 days unless set. */
  readonly linkTtlDays: number;
}

const isSmtpUrl = (value: string): boolean => URL.canParse(value) && ['smtp:', 'smtps:'].includes(new URL(value).protocol) && new URL(value).hostname !== '';

/** "pep@example.org" or "PEP Bot <pep@example.org>". */
const isMailbox = (value: string): boolean => {
  const address = /^[^<>]*<([^<>]+)>$/.exec(value.trim())?.[1] ?? value.trim();
  return z.email().safeParse(address).success;
};

const WebEnvSchema = z.object({
  SMTP_URL: z.string().refine(isSmtpUrl, 'an smtp:// or smtps:// URL with a host, such as smtps://user:password@mail.example.org:465').optional(),
  MAIL_FROM: z.string().refine(isMailbox, 'an email address, or a name and address such as PEP Bot <pep-bot@example.org>').optional(),
  LINK_TTL_DAYS: z
    .string()
    .regex(/^\d+$/, 'a whole number of days from 1 to 90')
    .transform(Number)
    .refine((days) => days >= 1 && days <= 90, 'a whole number of days from 1 to 90')
    .default(DEFAULT_LINK_DAYS),
});

type WebVariable = keyof typeof WebEnvSchema.shape;
const NAMES = Object.keys(WebEnvSchema.shape) as WebVariable[];
/** The SMTP URL carries the mail password: never echoed, even when malformed. */
const SECRETS: ReadonlySet<WebVariable> = new Set(['SMTP_URL']);

/** Parsed at start-up: a bad value stops the process naming the variable, as src/config.ts does. */
export function loadWebConfig(env: NodeJS.ProcessEnv = process.env): WebConfig {
  const { vars } = parseEnvironment(WebEnvSchema, NAMES, env, SECRETS);
  if (vars.SMTP_URL && !vars.MAIL_FROM) throw new ConfigError(['MAIL_FROM must be set when SMTP_URL is: link emails need a sender address']);
  return Object.freeze({ smtpUrl: vars.SMTP_URL, mailFrom: vars.MAIL_FROM, linkTtlDays: vars.LINK_TTL_DAYS });
}
