import { describe, expect, it } from 'vitest';
import { createLogger, REDACTED_KEYS, REDACTED_PATHS, REDACTION_CENSOR } from '../../src/observability/logger.js';

function capture() {
  const lines: string[] = [];
  const logger = createLogger({ level: 'debug', destination: { write: (line: string) => void lines.push(line) } });
  const records = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  return { logger, records };
}

describe('logger redaction', () => {
  it('covers the personal data of a PEP meeting and credentials', () => {
    for (const key of ['name', 'email', 'initials', 'dateOfBirth', 'text', 'freeText', 'answer', 'notes', 'token', 'authorization', 'cookie']) {
      expect(REDACTED_KEYS).toContain(key);
    }
    expect(REDACTED_PATHS).toEqual(expect.arrayContaining(['email', '*.email', '*.*.email', '*.*["set-cookie"]']));
  });

  it('censors personal fields at the top level and one or two levels down', () => {
    const { logger, records } = capture();
    logger.info(
      {
        email: 'carer@example.org',
        participant: { id: 'p-1', name: 'Sam Carer', email: 'sam@example.org', initials: 'SC' },
        child: { ref: 'PEP-2026-0042', fullName: 'Jamie Doe', dateOfBirth: '2014-03-01' },
        prompt: { id: 'pr-1', answer: { kind: 'child_voice', feeling: 4, hard: 'maths' } },
        contribution: { id: 'c-1', text: 'Jamie said school is hard' },
        req: { method: 'POST', headers: { authorization: 'Bearer abc.def', cookie: 'sid=1', 'set-cookie': ['sid=2'], host: 'pep.local' } },
        token: 'link-token-123',
        meetingId: 'm-1',
        code: 'SMART.MISSING_MEASURE',
        count: 3,
      },
      'rsvp recorded',
    );

    const [record] = records();
    expect(record).toMatchObject({
      msg: 'rsvp recorded',
      level: 'info',
      email: REDACTION_CENSOR,
      participant: { id: 'p-1', name: REDACTION_CENSOR, email: REDACTION_CENSOR, initials: REDACTION_CENSOR },
      child: { ref: 'PEP-2026-0042', fullName: REDACTION_CENSOR, dateOfBirth: REDACTION_CENSOR },
      prompt: { id: 'pr-1', answer: REDACTION_CENSOR },
      contribution: { id: 'c-1', text: REDACTION_CENSOR },
      req: {
        method: 'POST',
        headers: { authorization: REDACTION_CENSOR, cookie: REDACTION_CENSOR, 'set-cookie': REDACTION_CENSOR, host: 'pep.local' },
      },
      token: REDACTION_CENSOR,
      meetingId: 'm-1',
      code: 'SMART.MISSING_MEASURE',
      count: 3,
    });
    const line = JSON.stringify(record);
    for (const secret of ['carer@example.org', 'Sam Carer', 'Jamie', '2014-03-01', 'maths', 'abc.def', 'sid=', 'link-token-123']) {
      expect(line).not.toContain(secret);
    }
  });

  it('censors fields in child logger bindings and inside arrays', () => {
    const { logger, records } = capture();
    logger.child({ participant: { id: 'p-2', email: 'teacher@school.example' } }).warn({ participants: [{ id: 'p-3', name: 'Ann Teacher' }] }, 'invite failed');
    const [record] = records();
    expect(record).toMatchObject({
      participant: { id: 'p-2', email: REDACTION_CENSOR },
      participants: [{ id: 'p-3', name: REDACTION_CENSOR }],
    });
  });

  it('does not change the object that was logged', () => {
    const { logger } = capture();
    const participant = { id: 'p-1', email: 'carer@example.org' };
    logger.info({ participant }, 'seen');
    expect(participant.email).toBe('carer@example.org');
  });

  it('honours the level', () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'warn', destination: { write: (line: string) => void lines.push(line) } });
    logger.info('quiet');
    logger.warn('loud');
    expect(lines).toHaveLength(1);
  });
});
