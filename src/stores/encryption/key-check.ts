import type { KeyValueStore } from '../../ports/key-value.js';
import { DataKeyError } from './data-keys.js';
import type { FieldCipher } from './field-cipher.js';

/**
 * A known value encrypted with each key that has ever been the current one, kept in the store. At
 * start-up every one must decrypt: a key id the data was written with but the configuration no
 * longer lists, or a key that is not the one that wrote it, stops the start with the key id named,
 * before any meeting is read. The current key gets its own canary on its first start.
 */
export const CANARY_NAMESPACE = 'data-encryption-canary';
const CANARY_TEXT = 'PEP Bot data encryption canary';

export async function checkDataKeys(values: KeyValueStore, cipher: FieldCipher): Promise<void> {
  const canaries = await values.listValues(CANARY_NAMESPACE, '');
  for (const { key: keyId, value } of canaries) {
    const sealed = (value as { canary?: unknown } | null)?.canary;
    if (typeof sealed !== 'string' || cipher.keyIdOf(sealed) !== keyId) throw new DataKeyError(`The stored check value for key id "${keyId}" is damaged.`);
    let opened: string;
    try {
      opened = cipher.decrypt(sealed);
    } catch (error) {
      if (error instanceof DataKeyError) throw new DataKeyError(`${error.message} Stopping before any meeting is read.`, { cause: error });
      throw error;
    }
    if (opened !== CANARY_TEXT) throw new DataKeyError(`The key configured as "${keyId}" does not open the data written with it.`);
  }
  if (!canaries.some((c) => c.key === cipher.currentKeyId)) await values.claimValue(CANARY_NAMESPACE, cipher.currentKeyId, { canary: cipher.encrypt(CANARY_TEXT) });
}
