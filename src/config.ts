import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { IANAZone } from 'luxon';
import { z } from 'zod';
import { readCouncilSettings } from './council-settings-file.js';
import { DEFAULT_TIME_ZONE } from './domain/dates.js';
import type { CouncilSettings } from './domain/oversight/council-settings.js';
import type { DataKey } from './stores/encryption/data-keys.js';
import { DATA_KEYS_FORMAT, dataKeysProblem, parseDataKeys } from './stores/encryption/data-keys.js';

/**
 * Start-up configuration from environment variables. Parsed once, up front, so a bad value stops
 * the process with the variable's name instead of failing later in some adapter.
 */

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Config {
  readonly port: number;
  readonly host: string;
  /** Absolute folder of the embedded SQLite store. */
  readonly dataDir: string;
  /** When set, MongoDB replaces the embedded store. */
  readonly mongodbUri: string | undefined;
  /** Base of the links we send; never ends with a slash. */
  readonly publicBaseUrl: string;
  readonly timeZone: string;
  readonly logLevel: LogLevel;
  readonly shutdownTimeoutMs: number;
  /** How long a process holds a message it started sending; after a crash another takes over then. */
  readonly outboxLeaseSeconds: number;
  /** The local authority's own settings (officers, term dates, thresholds), England's defaults when no file is named. */
  readonly council: CouncilSettings;
  /** The caseload page's OpenID Connect relying party; undefined until all three CASELOAD_OIDC_* are set. */
  readonly caseloadSignIn: CaseloadSignInConfig | undefined;
  /** DATA_ENCRYPTION_KEYS: the first encrypts free text at rest, all decrypt. Unset: the embedded store's key file. */
  readonly dataKeys: readonly DataKey[] | undefined;
}

export interface CaseloadSignInConfig {
  /** The identity provider's issuer URL, e.g. https://login.microsoftonline.com/<tenant>/v2.0 */
  readonly issuer: string;
  readonly clientId: string;
  /** Never logged or echoed (SECRET_VARIABLES). */
  readonly clientSecret: string;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';

  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

/**
 * Reads the named variables (`VAR=` counts as unset, as deployment tools often write it), parses
 * them, and on failure throws a ConfigError with one line per bad variable, in `names` order:
 * the first failed check wins, and secrets are never echoed into logs or terminals.
 */
export function parseEnvironment<S extends z.ZodType>(
  schema: S,
  names: readonly string[],
  env: NodeJS.ProcessEnv,
  secrets: ReadonlySet<string> = new Set(),
): { vars: z.output<S>; present: Record<string, string | undefined> } {
  const present = Object.fromEntries(names.map((name) => [name, env[name] === '' ? undefined : env[name]]));
  const parsed = schema.safeParse(present);
  if (parsed.success) return { vars: parsed.data, present };
  const requirementOf = new Map<string, string>();
  for (const issue of parsed.error.issues) {
    const name = String(issue.path[0]);
    if (!requirementOf.has(name)) requirementOf.set(name, issue.message);
  }
  throw new ConfigError(
    names
      .filter((name) => requirementOf.has(name))
      .map((name) => `${name} must be ${requirementOf.get(name)} (${secrets.has(name) ? 'value not shown' : `got ${JSON.stringify(present[name])}`})`),
  );
}

/**
 * The environment with `.env` (in the working folder) under it, as .env.example promises: a
 * variable set in the environment keeps its value, whatever the file says. Node's own parser
 * reads the file. It is merged before anything is checked, so a bad value in the file stops
 * start-up with the variable's name, as a bad one in the environment does.
 */
export function withDotEnv(env: NodeJS.ProcessEnv, file = path.resolve('.env')): { env: NodeJS.ProcessEnv; file: string | undefined } {
  if (!existsSync(file)) return { env, file: undefined };
  return { env: { ...parseEnv(readFileSync(file, 'utf8')), ...env }, file };
}

/** The variable names double as the issue paths, so each message can start with the name. */
const wholeNumber = (min: number, max: number, unit = '') => {
  const requirement = `a whole number${unit} from ${min} to ${max}`;
  return z
    .string()
    .regex(/^\d+$/, requirement)
    .transform(Number)
    .refine((n) => n >= min && n <= max, requirement);
};

const isHttpBaseUrl = (value: string): boolean => {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.search === '' && url.hash === '';
};

const isLoopbackUrl = (value: string): boolean => ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(value).hostname);

const EnvSchema = z.object({
  PORT: wholeNumber(0, 65535).default(3978),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('./data'),
  MONGODB_URI: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\/[^\s/?#]+/, 'a mongodb:// or mongodb+srv:// URL with a host')
    .optional(),
  PUBLIC_BASE_URL: z
    .string()
    .refine(isHttpBaseUrl, 'an http:// or https:// URL without a query or #fragment, such as https://pep.example.org')
    .transform((url) => url.replace(/\/+$/, ''))
    .optional(),
  TZ_DEFAULT: z
    .string()
    .refine((zone) => IANAZone.isValidZone(zone), 'an IANA time zone such as Europe/London')
    .default(DEFAULT_TIME_ZONE),
  LOG_LEVEL: z
    .string()
    .transform((level) => level.toLowerCase())
    .pipe(z.enum(LOG_LEVELS, { error: `one of ${LOG_LEVELS.join(', ')}` }))
    .default('info'),
  SHUTDOWN_TIMEOUT_MS: wholeNumber(0, 600_000, ' of milliseconds').default(10_000),
  OUTBOX_LEASE_SECONDS: wholeNumber(15, 3_600, ' of seconds').default(120),
  COUNCIL_SETTINGS: z.string().optional(),
  CASELOAD_OIDC_ISSUER: z
    .string()
    .refine(
      (url) => isHttpBaseUrl(url) && (new URL(url).protocol === 'https:' || isLoopbackUrl(url)),
      'an https:// issuer URL without a query or #fragment, such as https://login.microsoftonline.com/<tenant id>/v2.0 (http:// only on this machine)',
    )
    .optional(),
  CASELOAD_OIDC_CLIENT_ID: z.string().max(200).optional(),
  CASELOAD_OIDC_CLIENT_SECRET: z.string().max(500).optional(),
  DATA_ENCRYPTION_KEYS: z
    .string()
    .superRefine((text, ctx) => {
      const problem = dataKeysProblem(text);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .optional(),
});

type VariableName = keyof typeof EnvSchema.shape;
const VARIABLE_NAMES = Object.keys(EnvSchema.shape) as VariableName[];

/** Values that may hold credentials are never echoed into logs or terminals. */
const SECRET_VARIABLES: ReadonlySet<VariableName> = new Set(['MONGODB_URI', 'CASELOAD_OIDC_CLIENT_SECRET', 'DATA_ENCRYPTION_KEYS']);

const CASELOAD_SIGN_IN_VARIABLES = ['CASELOAD_OIDC_ISSUER', 'CASELOAD_OIDC_CLIENT_ID', 'CASELOAD_OIDC_CLIENT_SECRET'] as const;

/** All three or none: half a sign-in would only fail on the first officer's visit. */
function caseloadSignIn(vars: z.output<typeof EnvSchema>): CaseloadSignInConfig | undefined {
  const missing = CASELOAD_SIGN_IN_VARIABLES.filter((name) => vars[name] === undefined);
  if (missing.length === CASELOAD_SIGN_IN_VARIABLES.length) return undefined;
  if (missing.length > 0) throw new ConfigError(missing.map((name) => `${name} must be set with the other CASELOAD_OIDC_* variables (the caseload page's sign-in)`));
  return { issuer: vars.CASELOAD_OIDC_ISSUER!, clientId: vars.CASELOAD_OIDC_CLIENT_ID!, clientSecret: vars.CASELOAD_OIDC_CLIENT_SECRET! };
}

/** Brackets an IPv6 literal so it can sit in a URL. */
const hostForUrl = (host: string): string => (host.includes(':') ? `[${host}]` : host);

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const { vars } = parseEnvironment(EnvSchema, VARIABLE_NAMES, env, SECRET_VARIABLES);
  const council = readCouncilSettings(vars.COUNCIL_SETTINGS);
  if (council.problems.length > 0) throw new ConfigError(council.problems);
  const signIn = caseloadSignIn(vars);
  // The embedded store makes its own key file; a shared database's keys must come from the deployment.
  if (vars.MONGODB_URI !== undefined && vars.DATA_ENCRYPTION_KEYS === undefined) {
    throw new ConfigError([`DATA_ENCRYPTION_KEYS must be set when MONGODB_URI is: ${DATA_KEYS_FORMAT}`]);
  }
  return Object.freeze({
    port: vars.PORT,
    host: vars.HOST,
    dataDir: path.resolve(vars.DATA_DIR),
    mongodbUri: vars.MONGODB_URI,
    publicBaseUrl: vars.PUBLIC_BASE_URL ?? `http://${hostForUrl(vars.HOST)}:${vars.PORT}`,
    timeZone: vars.TZ_DEFAULT,
    logLevel: vars.LOG_LEVEL,
    shutdownTimeoutMs: vars.SHUTDOWN_TIMEOUT_MS,
    outboxLeaseSeconds: vars.OUTBOX_LEASE_SECONDS,
    council: council.settings,
    caseloadSignIn: signIn,
    dataKeys: vars.DATA_ENCRYPTION_KEYS === undefined ? undefined : parseDataKeys(vars.DATA_ENCRYPTION_KEYS),
  });
}
