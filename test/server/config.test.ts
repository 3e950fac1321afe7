import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { DEFAULT_COUNCIL_SETTINGS } from '../../src/domain/oversight/council-settings.js';

/** One key of 32 zero bytes, id k1: never a real key. */
const TEST_KEYS = `k1:${Buffer.alloc(32).toString('base64')}`;

function problemsOf(env: NodeJS.ProcessEnv): readonly string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('runs locally with no variables set', () => {
    expect(loadConfig({})).toEqual({
      port: 3978,
      host: '127.0.0.1',
      dataDir: path.resolve('data'),
      mongodbUri: undefined,
      publicBaseUrl: 'http://127.0.0.1:3978',
      timeZone: 'Europe/London',
      logLevel: 'info',
      shutdownTimeoutMs: 10_000,
      outboxLeaseSeconds: 120,
      council: DEFAULT_COUNCIL_SETTINGS,
    });
  });

  it('returns a frozen object', () => {
    expect(Object.isFrozen(loadConfig({}))).toBe(true);
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '0',
      HOST: '0.0.0.0',
      DATA_DIR: '/var/lib/pep-bot',
      MONGODB_URI: 'mongodb+srv://bot:secret@cluster0.example.net/pep?retryWrites=true',
      PUBLIC_BASE_URL: 'https://pep.example.org/',
      TZ_DEFAULT: 'America/New_York',
      LOG_LEVEL: 'debug',
      SHUTDOWN_TIMEOUT_MS: '2500',
      OUTBOX_LEASE_SECONDS: '30',
      DATA_ENCRYPTION_KEYS: TEST_KEYS,
    });
    expect(config).toEqual({
      port: 0,
      host: '0.0.0.0',
      dataDir: '/var/lib/pep-bot',
      mongodbUri: 'mongodb+srv://bot:secret@cluster0.example.net/pep?retryWrites=true',
      publicBaseUrl: 'https://pep.example.org',
      timeZone: 'America/New_York',
      logLevel: 'debug',
      shutdownTimeoutMs: 2500,
      outboxLeaseSeconds: 30,
      council: DEFAULT_COUNCIL_SETTINGS,
      dataKeys: [{ id: 'k1', key: Buffer.alloc(32) }],
    });
  });

  it('accepts a replica-set URI with several hosts', () => {
    const uri = 'mongodb://db1:27017,db2:27017,db3:27017/pep?replicaSet=rs0';
    expect(loadConfig({ MONGODB_URI: uri, DATA_ENCRYPTION_KEYS: TEST_KEYS }).mongodbUri).toBe(uri);
  });

  it('needs DATA_ENCRYPTION_KEYS with MongoDB, and names it', () => {
    expect(problemsOf({ MONGODB_URI: 'mongodb://db1:27017/pep' })).toEqual([expect.stringMatching(/^DATA_ENCRYPTION_KEYS must be set when MONGODB_URI is/)]);
  });

  it('leaves the embedded store to its key file when no keys are set', () => {
    expect(loadConfig({}).dataKeys).toBeUndefined();
  });

  it('refuses a key that is not 32 bytes, and never echoes a key', () => {
    const short = `k1:${Buffer.alloc(16, 7).toString('base64')}`;
    const problems = problemsOf({ DATA_ENCRYPTION_KEYS: `${TEST_KEYS},${short}` });
    expect(problems).toEqual([expect.stringContaining('key id "k1" is listed twice')]);
    const alone = problemsOf({ DATA_ENCRYPTION_KEYS: short });
    expect(alone).toEqual([expect.stringContaining('key "k1" is not 32 bytes in base64')]);
    expect(alone.join()).not.toContain(Buffer.alloc(16, 7).toString('base64'));
  });

  it('builds the default public URL from HOST and PORT, bracketing IPv6', () => {
    expect(loadConfig({ HOST: '::1', PORT: '8080' }).publicBaseUrl).toBe('http://[::1]:8080');
  });

  it('treats empty strings as unset', () => {
    const empty = Object.fromEntries(
      ['PORT', 'HOST', 'DATA_DIR', 'MONGODB_URI', 'PUBLIC_BASE_URL', 'TZ_DEFAULT', 'LOG_LEVEL', 'SHUTDOWN_TIMEOUT_MS', 'OUTBOX_LEASE_SECONDS', 'DATA_ENCRYPTION_KEYS'].map(
        (name) => [name, ''],
      ),
    );
    expect(loadConfig(empty)).toEqual(loadConfig({}));
  });

  it('ignores variables it does not own', () => {
    expect(loadConfig({ PATH: '/usr/bin', NODE_ENV: 'production' })).toEqual(loadConfig({}));
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT must be a whole number from 0 to 65535 (got "abc")'],
    [{ PORT: '65536' }, 'PORT must be a whole number from 0 to 65535 (got "65536")'],
    [{ PORT: '-1' }, 'PORT must be a whole number from 0 to 65535 (got "-1")'],
    [{ PORT: '80.5' }, 'PORT must be a whole number from 0 to 65535 (got "80.5")'],
    [{ PUBLIC_BASE_URL: 'ftp://pep.example.org' }, 'PUBLIC_BASE_URL must be an http:// or https:// URL'],
    [{ PUBLIC_BASE_URL: 'pep.example.org' }, 'PUBLIC_BASE_URL must be an http:// or https:// URL'],
    [{ PUBLIC_BASE_URL: 'https://pep.example.org/?x=1' }, 'PUBLIC_BASE_URL must be an http:// or https:// URL'],
    [{ TZ_DEFAULT: 'Mars/Olympus_Mons' }, 'TZ_DEFAULT must be an IANA time zone such as Europe/London (got "Mars/Olympus_Mons")'],
    [{ LOG_LEVEL: 'verbose' }, 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "verbose")'],
    [{ SHUTDOWN_TIMEOUT_MS: '1e4' }, 'SHUTDOWN_TIMEOUT_MS must be a whole number of milliseconds from 0 to 600000 (got "1e4")'],
    [{ MONGODB_URI: 'postgres://localhost/pep' }, 'MONGODB_URI must be a mongodb:// or mongodb+srv:// URL'],
    [{ DATA_ENCRYPTION_KEYS: 'no-colon' }, 'DATA_ENCRYPTION_KEYS must be one or more id:key pairs'],
  ])('names the bad variable: %o', (env, expected) => {
    const problems = problemsOf(env);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(expected);
  });

  it('never echoes a MongoDB URI, which may hold a password', () => {
    const problems = problemsOf({ MONGODB_URI: 'mongo://bot:hunter2@db.example.net' });
    expect(problems.join()).not.toContain('hunter2');
  });

  it('names every bad variable at once, in the message too', () => {
    let caught: unknown;
    try {
      loadConfig({ PORT: 'abc', TZ_DEFAULT: 'Nowhere/Town', LOG_LEVEL: 'loud', PUBLIC_BASE_URL: 'mailto:x@y.z' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const { message, problems } = caught as ConfigError;
    expect(problems.map((problem) => problem.split(' ')[0])).toEqual(['PORT', 'PUBLIC_BASE_URL', 'TZ_DEFAULT', 'LOG_LEVEL']);
    for (const problem of problems) expect(message).toContain(problem);
  });

  it('accepts log levels in any case', () => {
    expect(loadConfig({ LOG_LEVEL: 'WARN' }).logLevel).toBe('warn');
  });
});
