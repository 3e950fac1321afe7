import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EMPTY_CHAIN, GENESIS_HASH, canonicalJson, dataDigestOf, nextLink, tipBreak, verifyAuditChain } from '../../src/domain/audit-chain.js';
import type { AuditLink, ChainTip } from '../../src/domain/audit-chain.js';
import type { AuditEvent } from '../../src/domain/model.js';
import { anAuditEvent } from '../support/meeting-fixture.js';

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
const KEY = 'meeting-chain';

/** A chain as a store writes it: each entry salted and linked to the one before. */
function chainOf(events: AuditEvent[], key = KEY): AuditLink[] {
  let tip: ChainTip = EMPTY_CHAIN;
  return events.map((event, index) => {
    const salt = `salt-${index}`;
    const chain = nextLink(tip, key, event, salt, sha256);
    tip = chain;
    return { key, event, salt, chain };
  });
}

const threeEntries = (): AuditLink[] =>
  chainOf([
    anAuditEvent(KEY, { type: 'createMeeting', data: { purpose: 'Autumn PEP' } }),
    anAuditEvent(KEY, { type: 'recordRsvp', data: { participantId: 'p-carer', answer: 'yes' } }),
    anAuditEvent(KEY, { type: 'addNote', data: { text: 'Reading is improving' } }),
  ]);

const redact = (link: AuditLink, reason: string): AuditLink => {
  const { salt: _salt, ...rest } = link;
  return { ...rest, event: { ...link.event, data: { redacted: reason } } };
};

describe('audit hash chain', () => {
  it('links each entry to the one before from the genesis hash, and verifies whole', () => {
    const links = threeEntries();
    expect(links.map((link) => link.chain?.seq)).toEqual([1, 2, 3]);
    expect(links[0]?.chain?.prevHash).toBe(GENESIS_HASH);
    expect(links[1]?.chain?.prevHash).toBe(links[0]?.chain?.hash);
    const verdict = verifyAuditChain(links, sha256);
    expect(verdict).toMatchObject({ ok: true, checked: 3, redacted: [], tip: { seq: 3, hash: links[2]?.chain?.hash } });
  });

  it('verifies a page at a time from the tip of the page before', () => {
    const links = threeEntries();
    const first = verifyAuditChain(links.slice(0, 2), sha256);
    if (!first.ok) throw new Error('the first page verifies');
    expect(verifyAuditChain(links.slice(2), sha256, first.tip)).toMatchObject({ ok: true, checked: 1 });
    expect(verifyAuditChain(links.slice(2), sha256)).toMatchObject({ ok: false, break: { kind: 'gap' } });
  });

  it('names an entry whose summary was edited', () => {
    const links = threeEntries();
    const edited = links.map((link, index) => (index === 1 ? { ...link, event: { ...link.event, summary: 'Nothing happened' } } : link));
    expect(verifyAuditChain(edited, sha256)).toMatchObject({ ok: false, checked: 1, break: { kind: 'edited', entryId: links[1]?.event.id, seq: 2 } });
  });

  it('names the entry after one that was edited and hashed again', () => {
    const links = threeEntries();
    const [first, second] = links;
    if (!first?.chain || !second) throw new Error('three entries');
    const rewritten = { ...second.event, actorId: 'p-someone-else' };
    const rehashed = { ...second, event: rewritten, chain: nextLink({ seq: 1, hash: first.chain.hash }, KEY, rewritten, 'salt-1', sha256) };
    const verdict = verifyAuditChain([first, rehashed, links[2] as AuditLink], sha256);
    expect(verdict).toMatchObject({ ok: false, break: { kind: 'relinked', entryId: links[2]?.event.id } });
    if (!verdict.ok) expect(verdict.break.message).toContain(second.event.id);
  });

  it('finds a missing middle entry as a gap, naming what is missing', () => {
    const [first, , third] = threeEntries();
    const verdict = verifyAuditChain([first as AuditLink, third as AuditLink], sha256);
    expect(verdict).toMatchObject({ ok: false, break: { kind: 'gap', entryId: third?.event.id, seq: 3 } });
    if (!verdict.ok) expect(verdict.break.message).toContain('entry 2 is missing');
  });

  it('finds entries out of order', () => {
    const [first, second, third] = threeEntries();
    expect(verifyAuditChain([first, third, second] as AuditLink[], sha256)).toMatchObject({ ok: false, break: { kind: 'gap', entryId: third?.event.id } });
    expect(verifyAuditChain([first, second, second] as AuditLink[], sha256)).toMatchObject({ ok: false, break: { kind: 'reordered', seq: 2 } });
  });

  it('finds data that is not what the entry was written with', () => {
    const links = threeEntries();
    const altered = links.map((link, index) => (index === 2 ? { ...link, event: { ...link.event, data: { text: 'Reading is poor' } } } : link));
    expect(verifyAuditChain(altered, sha256)).toMatchObject({ ok: false, break: { kind: 'data-altered', entryId: links[2]?.event.id } });
  });

  it('finds an entry moved into another chain', () => {
    const links = threeEntries().map((link) => ({ ...link, key: 'meeting-other' }));
    expect(verifyAuditChain(links, sha256)).toMatchObject({ ok: false, break: { kind: 'edited', key: 'meeting-other' } });
  });

  it('accepts an entry whose data was redacted, and reports it with the reason', () => {
    const links = threeEntries();
    const redacted = links.map((link, index) => (index === 1 ? redact(link, 'erasure') : link));
    expect(verifyAuditChain(redacted, sha256)).toMatchObject({ ok: true, checked: 3, redacted: [{ entryId: links[1]?.event.id, seq: 2, reason: 'erasure' }] });
  });

  it('refuses data without its salt that is not a redaction, and an entry without chain fields', () => {
    const links = threeEntries();
    const { salt: _salt, ...unsalted } = links[0] as AuditLink;
    expect(verifyAuditChain([unsalted], sha256)).toMatchObject({ ok: false, break: { kind: 'unsalted' } });
    const { chain: _chain, ...unchained } = links[0] as AuditLink;
    expect(verifyAuditChain([unchained], sha256)).toMatchObject({ ok: false, break: { kind: 'unchained' } });
  });

  it('digests data by its content, not its key order, and differently under another salt', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: undefined }] })).toBe('{"a":[{"d":2}],"b":1}');
    expect(dataDigestOf('s', { a: 1, b: 2 }, sha256)).toBe(dataDigestOf('s', { b: 2, a: 1 }, sha256));
    expect(dataDigestOf('s', { a: 1 }, sha256)).not.toBe(dataDigestOf('t', { a: 1 }, sha256));
  });

  it('checks where a verified chain ends against the tip its record anchors: cut short, gone past, or another entry', () => {
    const links = threeEntries();
    const tipAt = (index: number): ChainTip => ({ seq: links[index]?.chain?.seq ?? 0, hash: links[index]?.chain?.hash ?? '' });
    const ended = (count: number): ChainTip => {
      const verdict = verifyAuditChain(links.slice(0, count), sha256);
      if (!verdict.ok) throw new Error('the chain verifies');
      return verdict.tip;
    };
    expect(tipBreak(KEY, ended(3), tipAt(2))).toBeUndefined();
    expect(tipBreak(KEY, ended(0), EMPTY_CHAIN)).toBeUndefined();
    expect(tipBreak(KEY, ended(0), undefined)).toBeUndefined();

    const truncated = tipBreak(KEY, ended(2), tipAt(2));
    expect(truncated).toMatchObject({ kind: 'truncated', key: KEY, entryId: links[1]?.event.id, seq: 2 });
    expect(truncated?.message).toContain('entries missing after seq 2');
    expect(tipBreak(KEY, ended(0), tipAt(2))).toMatchObject({ kind: 'truncated', message: expect.stringContaining('entries missing after seq 0') });

    expect(tipBreak(KEY, ended(3), tipAt(1))).toMatchObject({ kind: 'tip-mismatch', seq: 3, message: expect.stringContaining('does not match') });
    expect(tipBreak(KEY, ended(3), { seq: 3, hash: GENESIS_HASH })).toMatchObject({ kind: 'tip-mismatch', seq: 3 });
    expect(tipBreak(KEY, ended(3), undefined)).toMatchObject({ kind: 'tip-mismatch', message: expect.stringContaining('no record') });
  });
});
