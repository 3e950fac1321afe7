import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The keys that encrypt free text at rest: `DATA_ENCRYPTION_KEYS` as `id:base64` pairs separated by
 * commas. The first encrypts; every one decrypts, so after a rotation the old key stays listed
 * until nothing written with it is left. Key material never appears in an error or a log line:
 * only the key id does.
 */
export interface DataKey {
  id: string;
  key: Buffer;
}

export const DATA_KEYS_VARIABLE = 'DATA_ENCRYPTION_KEYS';
export const KEY_FILE_NAME = 'data-encryption.keys';

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

/** A key list that cannot be used, or stored data its keys cannot open: stops start-up, names the key id. */
export class DataKeyError extends Error {
  override readonly name = 'DataKeyError';
}

export const DATA_KEYS_FORMAT = 'one or more id:key pairs separated by commas, each key 32 random bytes in base64 (e.g. k2026:$(openssl rand -base64 32))';

/** The problem with the text, in words that never quote a key; undefined when it is a good list. */
export function dataKeysProblem(text: string): string | undefined {
  const seen = new Set<string>();
  for (const [index, entry] of text.split(',').map((part) => part.trim()).entries()) {
    const colon = entry.indexOf(':');
    const id = colon < 0 ? '' : entry.slice(0, colon);
    const material = entry.slice(colon + 1);
    if (!KEY_ID.test(id)) return `${DATA_KEYS_FORMAT}; entry ${index + 1} has no id of letters, digits, - or _ before a colon`;
    if (seen.has(id)) return `${DATA_KEYS_FORMAT}; key id "${id}" is listed twice`;
    seen.add(id);
    if (!BASE64.test(material) || Buffer.from(material, 'base64').length !== 32) return `${DATA_KEYS_FORMAT}; key "${id}" is not 32 bytes in base64`;
  }
  return undefined;
}

export function parseDataKeys(text: string): DataKey[] {
  const problem = dataKeysProblem(text);
  if (problem) throw new DataKeyError(`${DATA_KEYS_VARIABLE} must be ${problem}.`);
  return text.split(',').map((part) => {
    const entry = part.trim();
    const colon = entry.indexOf(':');
    return { id: entry.slice(0, colon), key: Buffer.from(entry.slice(colon + 1), 'base64') };
  });
}

export const formatDataKeys = (keys: readonly DataKey[]): string => keys.map((k) => `${k.id}:${k.key.toString('base64')}`).join(',');

/**
 * The embedded store's keys when none are configured: a file beside the SQLite file, made on the
 * first start (readable by this user only) so `npm start` works with no settings. `created` tells
 * the caller to say so in the log, and that the file must be backed up with the data.
 */
export function keyFileKeys(dataDir: string, now: Date = new Date()): { keys: DataKey[]; file: string; created: boolean } {
  const file = path.join(dataDir, KEY_FILE_NAME);
  if (existsSync(file)) return { keys: readKeyFile(file), file, created: false };
  mkdirSync(dataDir, { recursive: true });
  const keys = [{ id: `k${now.toISOString().slice(0, 10).replaceAll('-', '')}`, key: randomBytes(32) }];
  // Written whole under a name of its own, then linked into place: two processes starting on the
  // same new DATA_DIR both end up with the one key that won, never a half-written file.
  const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(draft, `${formatDataKeys(keys)}\n`, { mode: 0o600, flag: 'wx' });
  // mode is masked by the umask on creation; this makes it exactly owner read/write.
  chmodSync(draft, 0o600);
  try {
    linkSync(draft, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return { keys: readKeyFile(file), file, created: false };
  } finally {
    unlinkSync(draft);
  }
  return { keys, file, created: true };
}

function readKeyFile(file: string): DataKey[] {
  const text = readFileSync(file, 'utf8').trim();
  const problem = dataKeysProblem(text);
  if (problem) throw new DataKeyError(`The key file ${file} must hold ${problem}.`);
  return parseDataKeys(text);
}
