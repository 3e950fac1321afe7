import { describe, expect, it } from 'vitest';
import { loadWebConfig } from '../../../src/channels/web/web-config.js';
import { ConfigError } from '../../../src/config.js';

const problems = (env: Record<string, string>): readonly string[] => {
  try {
    loadWebConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
};

describe('loadWebConfig', () => {
  it('needs nothing: no email, links for 14 days', () => {
    expect(loadWebConfig({})).toEqual({ smtpUrl: undefined, mailFrom: undefined, linkTtlDays: 14 });
    expect(loadWebConfig({ SMTP_URL: '', MAIL_FROM: '', LINK_TTL_DAYS: '' })).toEqual({ smtpUrl: undefined, mailFrom: undefined, linkTtlDays: 14 });
  });

  it('reads SMTP, the sender and the link lifetime', () => {
    expect(loadWebConfig({ SMTP_URL: 'smtps://pep:s3cret@mail.example.org:465', MAIL_FROM: 'PEP Bot <pep-bot@example.org>', LINK_TTL_DAYS: '7' })).toEqual({
      smtpUrl: 'smtps://pep:s3cret@mail.example.org:465',
      mailFrom: 'PEP Bot <pep-bot@example.org>',
      linkTtlDays: 7,
    });
  });

  it('names each bad variable, and never echoes the SMTP URL, which holds a password', () => {
    const found = problems({ SMTP_URL: 'https://pep:s3cret@mail.example.org', MAIL_FROM: 'not an address', LINK_TTL_DAYS: '365' });
    expect(found).toEqual([
      expect.stringMatching(/^SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL .*\(value not shown\)$/),
      'MAIL_FROM must be an email address, or a name and address such as PEP Bot <pep-bot@example.org> (got "not an address")',
      'LINK_TTL_DAYS must be a whole number of days from 1 to 90 (got "365")',
    ]);
    expect(found.join('\n')).not.toContain('s3cret');
  });

  it('needs a sender once SMTP is set', () => {
    expect(problems({ SMTP_URL: 'smtp://127.0.0.1:2525' })).toEqual(['MAIL_FROM must be set when SMTP_URL is: link emails need a sender address']);
  });
});
