import { describe, expect, it } from 'vitest';
import { CASELOAD_PATH } from '../../../src/channels/web/caseload/caseload-routes.js';
import { TEAMS_FRAME_ANCESTORS } from '../../../src/channels/web/caseload/caseload-style.js';
import { buildManifest, validateManifest } from '../../../scripts/teams-manifest.js';

/** The Virtual School's caseload as a Teams personal tab, beside the bot's own chat. */
describe('the caseload personal tab', () => {
  const values = { botId: '11111111-1111-4111-8111-111111111111', publicBaseUrl: 'https://pep.example.org/pep', version: '0.1.0' };
  const manifest = buildManifest(values) as { staticTabs: { entityId: string; contentUrl?: string; websiteUrl?: string; scopes: string[] }[]; validDomains: string[] };

  it('opens the caseload page of this deployment, and keeps the bot chat as a tab of its own', async () => {
    expect(manifest.staticTabs).toEqual([
      { entityId: 'conversations', scopes: ['personal'] },
      { entityId: 'caseload', name: 'Caseload', contentUrl: `${values.publicBaseUrl}${CASELOAD_PATH}`, websiteUrl: `${values.publicBaseUrl}${CASELOAD_PATH}`, scopes: ['personal'] },
    ]);
    expect(manifest.validDomains).toEqual(['pep.example.org']);
    expect(await validateManifest(manifest)).toEqual([]);
  });

  it('is served to the Teams sites that frame personal tabs', () => {
    expect(TEAMS_FRAME_ANCESTORS).toEqual(expect.arrayContaining(['https://teams.microsoft.com', 'https://*.teams.microsoft.com']));
  });
});
