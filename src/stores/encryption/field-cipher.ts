import { createCipheriv, createDecipheriv } from 'node:crypto';
import type { DataKey } from './data-keys.js';
import { DataKeyError } from './data-keys.js';
import { randomSlices } from './random-slices.js';

/**
 * One string encrypted with AES-256-GCM: `enc:v1:<key id>:<iv>:<tag>:<ciphertext>`, each part
 * base64url. A fresh random 96-bit IV per value; the tag authenticates the value and its header (version
 * and key id), so a value moved under another key id fails rather than decrypting. The key id
 * tells a rotation which values are still under an old key.
 */
export const SEALED_PREFIX = 'enc:v1:';

export interface FieldCipher {
  readonly currentKeyId: string;
  encrypt(plain: string): string;
  /** Plain text stored before encryption was turned on passes through as it is. */
  decrypt(value: string): string;
  /** The key id that wrote the value, or undefined when it is not encrypted. */
  keyIdOf(value: string): string | undefined;
  /** True when the value was encrypted with the current key. */
  isCurrent(value: string): boolean;
}

export const isSealed = (value: string): boolean => value.startsWith(SEALED_PREFIX);

const IV_BYTES = 12;
/** GCM's limit for random IVs is 2^32 values a key; a rotation (a new key) comes long before. */
const IVS_PER_DRAW = 256;

export function createFieldCipher(keys: readonly DataKey[]): FieldCipher {
  const [current] = keys;
  if (!current) throw new DataKeyError('At least one data encryption key is needed.');
  const byId = new Map(keys.map((k) => [k.id, k.key]));
  const header = `${SEALED_PREFIX}${current.id}`;
  const headerBytes = Buffer.from(header);
  const freshIv = randomSlices(IV_BYTES, IVS_PER_DRAW);

  const keyIdOf = (value: string): string | undefined => (isSealed(value) ? value.slice(SEALED_PREFIX.length).split(':', 1)[0] : undefined);

  return {
    currentKeyId: current.id,
    keyIdOf,
    isCurrent: (value) => value.startsWith(header) && value[header.length] === ':',

    encrypt(plain) {
      const iv = freshIv();
      const cipher = createCipheriv('aes-256-gcm', current.key, iv);
      cipher.setAAD(headerBytes);
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `${header}:${iv.toString('base64url')}:${cipher.getAuthTag().toString('base64url')}:${data.toString('base64url')}`;
    },

    decrypt(value) {
      if (!isSealed(value)) return value;
      const [id = '', iv = '', tag = '', data = ''] = value.slice(SEALED_PREFIX.length).split(':');
      const key = byId.get(id);
      if (!key) throw new DataKeyError(`Stored data was encrypted with key id "${id}", which is not configured: add it to DATA_ENCRYPTION_KEYS (after the current key).`);
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
        decipher.setAAD(Buffer.from(`${SEALED_PREFIX}${id}`));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
      } catch (error) {
        throw new DataKeyError(`The key configured as "${id}" cannot decrypt data written with key id "${id}": the key is wrong, or the data was altered.`, { cause: error });
      }
    },
  };
}
