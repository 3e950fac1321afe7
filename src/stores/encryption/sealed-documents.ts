import { freeTextPaths } from '../../domain/data-protection/free-text-fields.js';
import type { StoredDocument } from '../../domain/data-protection/free-text-fields.js';
import type { AuditEvent } from '../../domain/model.js';
import type { FieldCipher } from './field-cipher.js';

/**
 * The store edge's view of encryption: documents go into the database with their free text
 * (src/domain/data-protection/free-text-fields.ts) encrypted, and come out with it decrypted
 * before the schema parses them, so the domain only ever sees plain text. Everything else,
 * and so everything the stores search or index, is stored as it was.
 */
export interface Sealer {
  readonly cipher: FieldCipher;
  seal<T>(document: StoredDocument, value: T): T;
  /** Decrypts in place: `value` is a document just read, owned by the caller. */
  open(document: StoredDocument, value: unknown): unknown;
  /** An action on its own (MongoDB's due-actions query returns actions, not meetings). */
  openAction(value: unknown): unknown;
  /**
   * An audit entry's data is the command as given, free text and all: it is stored encrypted whole,
   * with the salt of its chain digest (src/domain/audit-chain.ts), so redacting the data takes the salt too.
   */
  sealAudit(event: AuditEvent, salt: string): AuditEvent;
  openAudit(value: unknown): unknown;
  /** The entry with its data opened, and the salt sealed with the data (none on a redacted entry, or one sealed before the chain). */
  openAuditEntry(value: unknown): { event: unknown; salt?: string };
  /** True when some free text is plain or under a key other than the current one: a rotation rewrites it. */
  isStale(document: StoredDocument, value: unknown): boolean;
}

type Segments = readonly string[];

const compile = (paths: readonly string[]): Segments[] => paths.map((p) => p.replaceAll('[]', '.[]').split('.'));

/** Calls `visit` on every string at the path, replacing it with what `visit` returns. Mutates `value`. */
function visitStrings(value: unknown, segments: Segments, visit: (text: string) => string): unknown {
  if (segments.length === 0) return typeof value === 'string' ? visit(value) : value;
  const [head, ...rest] = segments;
  if (head === '[]') {
    if (Array.isArray(value)) value.forEach((item, index) => (value[index] = visitStrings(item, rest, visit)));
    return value;
  }
  if (value !== null && typeof value === 'object' && head !== undefined && head in value) {
    const record = value as Record<string, unknown>;
    record[head] = visitStrings(record[head], rest, visit);
  }
  return value;
}

const SEALED_KEY = 'sealed';
const SALTED_KEY = 'salted';

const onlyKey = (data: Record<string, unknown> | undefined, key: string): string | undefined => {
  const sealed = data?.[key];
  return typeof sealed === 'string' && Object.keys(data ?? {}).length === 1 ? sealed : undefined;
};

export function createSealer(cipher: FieldCipher): Sealer {
  const paths: Record<StoredDocument, Segments[]> = { meeting: compile(freeTextPaths('meeting')), child: compile(freeTextPaths('child')) };
  const actionPaths = paths.meeting.filter((s) => s[0] === 'actions' && s[1] === '[]').map((s) => s.slice(2));

  // Reads own what they decrypt (fresh from JSON.parse or the driver); writes must not touch the caller's meeting.
  const inPlace = (value: unknown, segments: Segments[], visit: (text: string) => string): unknown => {
    for (const path of segments) visitStrings(value, path, visit);
    return value;
  };

  // Entries sealed before the audit chain (SEALED_KEY) hold the data alone; the chain's back-fill reseals them salted.
  function openAuditEntry(value: unknown): { event: unknown; salt?: string } {
    const data = (value as { data?: Record<string, unknown> } | null)?.data;
    const salted = onlyKey(data, SALTED_KEY);
    if (salted !== undefined) {
      const opened = JSON.parse(cipher.decrypt(salted)) as { salt: string; data: unknown };
      return { event: { ...(value as object), data: opened.data }, salt: opened.salt };
    }
    const sealed = onlyKey(data, SEALED_KEY);
    return { event: sealed === undefined ? value : { ...(value as object), data: JSON.parse(cipher.decrypt(sealed)) as unknown } };
  }

  return {
    cipher,
    seal: <T>(document: StoredDocument, value: T): T => inPlace(structuredClone(value), paths[document], (text) => cipher.encrypt(text)) as T,
    open: (document, value) => inPlace(value, paths[document], (text) => cipher.decrypt(text)),
    openAction: (value) => inPlace(value, actionPaths, (text) => cipher.decrypt(text)),

    sealAudit: (event, salt) => ({ ...event, data: { [SALTED_KEY]: cipher.encrypt(JSON.stringify({ salt, data: event.data })) } }),
    openAudit: (value) => openAuditEntry(value).event,
    openAuditEntry,

    isStale(document, value) {
      let stale = false;
      for (const path of paths[document]) {
        visitStrings(value, path, (text) => {
          if (cipher.keyIdOf(text) !== cipher.currentKeyId) stale = true;
          return text;
        });
      }
      return stale;
    },
  };
}
