import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { policyPages } from '../../../src/channels/web/policy-pages.js';
import { startServer } from '../../server/harness.js';
import type { RunningServer } from '../../server/harness.js';

/** The Teams manifest links to these pages: they must exist and be as locked down as the rest. */
let running: RunningServer;
beforeAll(async () => {
  running = await startServer({ store: { kind: 'sqlite', ping: async () => undefined }, mount: [policyPages({ https: false, basePath: '' })] });
});
afterAll(async () => running.server.stop());

describe('privacy notice and terms', () => {
  it.each(['privacy', 'terms'])('/%s is a plain page with the web security headers', async (name) => {
    const response = await fetch(`${running.url}/${name}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await response.text();
    expect(html).toMatch(/<h1>PEP Bot (privacy notice|terms of use)<\/h1>/);
    expect(html).not.toMatch(/<script/);
  });

  it('are the pages the Teams manifest names', () => {
    const manifest = JSON.parse(readFileSync('manifest/teams/manifest.json', 'utf8')) as { developer: { privacyUrl: string; termsOfUseUrl: string } };
    expect([manifest.developer.privacyUrl, manifest.developer.termsOfUseUrl]).toEqual(['{{PUBLIC_BASE_URL}}/privacy', '{{PUBLIC_BASE_URL}}/terms']);
  });
});
