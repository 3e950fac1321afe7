/**
 * What a store offers the key rotation (src/app/data-protection/rotate-data-keys.ts): one page of
 * meetings or children, in id order, whose free text is rewritten under the current key where it
 * is plain or under an older key. Each record is rewritten at the version it was read at, and only
 * if it is still at that version: a save in between wins, and already wrote under the current key.
 */
export type RotatedRecords = 'meetings' | 'children';

export interface StoredTextRotation {
  reencryptPage(page: { records: RotatedRecords; after?: string; limit: number }): Promise<{ scanned: number; rewritten: number; last?: string }>;
  /** The id of the key new data is encrypted with. */
  readonly currentKeyId: () => string;
}
