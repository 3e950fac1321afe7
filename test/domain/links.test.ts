import { describe, expect, it } from 'vitest';
import { linkState } from '../../src/domain/links.js';
import { Scenario, expectRefusal } from './scenario.js';

const hash = 'a'.repeat(64);

describe('secure links', () => {
  const withPrompt = () => {
    const s = new Scenario().invited();
    s.run(s.organiser, { type: 'sendPrompt', participantId: s.id('carer'), kind: 'carer' });
    return { s, promptId: s.meeting.prompts[0]!.id };
  };

  it('the organiser or the scheduler issues a link to a person\'s own card', () => {
    const { s, promptId } = withPrompt();
    s.run('system', { type: 'issueLink', participantId: s.id('carer'), purpose: 'carer-prompt', itemId: promptId, tokenHash: hash, expiresAt: '2026-12-09T10:00:00Z', singleUse: true });
    expect(s.meeting.links[0]).toMatchObject({ participantId: s.id('carer'), purpose: 'carer-prompt', issuedBy: 'system', tokenHash: hash });
    expect(linkState(s.meeting.links[0]!, s.at)).toBe('active');
    expect(linkState(s.meeting.links[0]!, '2026-12-09T10:00:00Z')).toBe('expired');
  });

  it('refuses a link to someone else\'s card, and one issued by a participant', () => {
    const { s, promptId } = withPrompt();
    const command = { type: 'issueLink', participantId: s.id('child'), purpose: 'carer-prompt', itemId: promptId, tokenHash: hash, expiresAt: '2026-12-09T10:00:00Z', singleUse: true };
    expect(expectRefusal(s, s.organiser, command).code).toBe('LINK.WRONG_ITEM');
    expect(expectRefusal(s, s.id('carer'), { ...command, participantId: s.id('carer') }).code).toBe('PERMISSION.NOT_ORGANISER');
  });

  it('a single-use link works once; a revoked one not at all', () => {
    const { s, promptId } = withPrompt();
    s.run(s.organiser, { type: 'issueLink', participantId: s.id('carer'), purpose: 'carer-prompt', itemId: promptId, tokenHash: hash, expiresAt: '2026-12-09T10:00:00Z', singleUse: true });
    const linkId = s.meeting.links[0]!.id;
    expect(expectRefusal(s, s.organiser, { type: 'useLink', linkId }).code).toBe('PERMISSION.NOT_ADDRESSEE');
    s.run(s.id('carer'), { type: 'useLink', linkId }, 'web');
    expect(linkState(s.meeting.links[0]!, s.at)).toBe('used');
    expect(expectRefusal(s, s.id('carer'), { type: 'useLink', linkId }).code).toBe('LINK.INACTIVE');
    s.run(s.organiser, { type: 'revokeLink', linkId });
    expect(linkState(s.meeting.links[0]!, s.at)).toBe('revoked');
  });
});

describe('revoking every link of one person', () => {
  it('switches off only that person\'s links that still work, in one audited change', () => {
    const s = new Scenario().invited();
    const issue = (role: string, tokenHash: string) =>
      s.run(s.organiser, { type: 'issueLink', participantId: s.id(role), purpose: 'invitation', tokenHash, expiresAt: '2026-12-09T10:00:00Z', singleUse: true });
    issue('carer', 'a'.repeat(64));
    issue('carer', 'b'.repeat(64));
    issue('child', 'c'.repeat(64));
    const change = s.run(s.organiser, { type: 'revokeLinksOf', participantId: s.id('carer') });
    expect(s.meeting.links.map((l) => linkState(l, s.at))).toEqual(['revoked', 'revoked', 'active']);
    expect(change.events[0]!.summary).toBe('2 secure links revoked (carer)');
    expect(expectRefusal(s, s.id('carer'), { type: 'revokeLinksOf', participantId: s.id('child') }).code).toBe('PERMISSION.NOT_ORGANISER');
  });
});
