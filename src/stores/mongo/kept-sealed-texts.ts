import type { SealedTexts } from '../encryption/sealed-documents.js';
import { LastUsed } from '../../domain/memo.js';

/**
 * The sealed texts of the meetings this process read or wrote last, by id and version, so a save
 * over a version kept here seals only the text it changed (the SQLite store keeps them with its
 * parsed meetings). A version is written once, so the texts of the version a save replaces are
 * that version's, whoever wrote it.
 */
export class KeptSealedTexts {
  private readonly kept: LastUsed<{ version: number; texts: SealedTexts }>;

  constructor(capacity: number) {
    this.kept = new LastUsed(capacity);
  }

  keep(id: string, version: number, texts: SealedTexts): void {
    this.kept.set(id, { version, texts });
  }

  of(id: string, version: number): SealedTexts | undefined {
    const kept = this.kept.get(id);
    return kept?.version === version ? kept.texts : undefined;
  }
}
