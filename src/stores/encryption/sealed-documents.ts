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
/**
 * The free text of one stored document: each sealed value by its place in the document
 * (`actions.3.description`), with the text it opens to.
 */
export type SealedTexts = ReadonlyMap<string, { plain: string; sealed: string }>;

export interface Sealer {
  readonly cipher: FieldCipher;
  seal<T>(document: StoredDocument, value: T): T;
  /**
   * As seal, but a field whose text is what `previous` (the version being replaced) held at the
   * same place, sealed under the current key, keeps that sealed value: only changed text is
   * encrypted afresh. A stored version then shows which of its fields are unchanged since the
   * last, but never that two different fields, or one field at two places, hold the same text.
   */
  sealReusing<T>(document: StoredDocument, value: T, previous: SealedTexts | undefined): { sealed: T; texts: SealedTexts };
  /** Decrypts in place: `value` is a document just read, owned by the caller. */
  open(document: StoredDocument, value: unknown): unknown;
  /** As open, with the sealed texts it opened, for the next save to reuse. */
  openTexts(document: StoredDocument, value: unknown): SealedTexts;
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

type Visit = (text: string, place: string) => string;
/** The container itself (reads own what they decrypt), or a copy (writes must not touch the caller's document). */
type Own = <C extends object>(container: C) => C;

/** Calls `visit` on every string at the path from `depth` on, replacing it with what `visit` returns; `place` is where `value` is. */
function visitStrings(value: unknown, segments: Segments, depth: number, place: string, visit: Visit, own: Own): unknown {
  if (depth === segments.length) return typeof value === 'string' ? visit(value, place) : value;
  const head = segments[depth]!;
  if (head === '[]') {
    if (!Array.isArray(value)) return value;
    const items = own(value);
    for (let index = 0; index < items.length; index += 1) items[index] = visitStrings(items[index], segments, depth + 1, `${place}.${index}`, visit, own);
    return items;
  }
  if (value === null || typeof value !== 'object' || !(head in value)) return value;
  const record = own(value as Record<string, unknown>);
  record[head] = visitStrings(record[head], segments, depth + 1, place === '' ? head : `${place}.${head}`, visit, own);
  return record;
}

const inPlace: Own = (container) => container;

/**
 * Copies each container on the way to a free-text field once, and only those: the rest of the
 * document is shared with the caller's, which is only read (serialised), never changed.
 */
function copyOnWrite(): Own {
  const copies = new WeakSet<object>();
  return <C extends object>(container: C): C => {
    if (copies.has(container)) return container;
    const copy = (Array.isArray(container) ? [...container] : { ...container }) as C;
    copies.add(copy);
    return copy;
  };
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

  const visitAll = (value: unknown, segments: Segments[], visit: Visit, own: Own): unknown => {
    let visited = value;
    for (const path of segments) visited = visitStrings(visited, path, 0, '', visit, own);
    return visited;
  };
  const decrypt: Visit = (text) => cipher.decrypt(text);

  function sealReusing<T>(document: StoredDocument, value: T, previous: SealedTexts | undefined): { sealed: T; texts: SealedTexts } {
    const texts = new Map<string, { plain: string; sealed: string }>();
    const sealed = visitAll(
      value,
      paths[document],
      (plain, place) => {
        const before = previous?.get(place);
        const kept = before?.plain === plain && cipher.isCurrent(before.sealed) ? before.sealed : undefined;
        const text = kept ?? cipher.encrypt(plain);
        texts.set(place, { plain, sealed: text });
        return text;
      },
      copyOnWrite(),
    ) as T;
    return { sealed, texts };
  }

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
    seal: (document, value) => sealReusing(document, value, undefined).sealed,
    sealReusing,
    open: (document, value) => visitAll(value, paths[document], decrypt, inPlace),
    openTexts(document, value) {
      const texts = new Map<string, { plain: string; sealed: string }>();
      visitAll(
        value,
        paths[document],
        (text, place) => {
          const plain = cipher.decrypt(text);
          // Plain text stored before encryption was turned on has no sealed value to reuse.
          if (plain !== text) texts.set(place, { plain, sealed: text });
          return plain;
        },
        inPlace,
      );
      return texts;
    },
    openAction: (value) => visitAll(value, actionPaths, decrypt, inPlace),

    sealAudit: (event, salt) => ({ ...event, data: { [SALTED_KEY]: cipher.encrypt(JSON.stringify({ salt, data: event.data })) } }),
    openAudit: (value) => openAuditEntry(value).event,
    openAuditEntry,

    isStale(document, value) {
      let stale = false;
      visitAll(
        value,
        paths[document],
        (text) => {
          if (!cipher.isCurrent(text)) stale = true;
          return text;
        },
        inPlace,
      );
      return stale;
    },
  };
}
