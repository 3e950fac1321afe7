import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppManifestUtils } from '@microsoft/app-manifest';
import JSZip from 'jszip';

/**
 * The Teams app package: manifest/teams/manifest.json with this deployment's values filled in,
 * checked against Microsoft's own schema for its version (shipped in @microsoft/app-manifest, so
 * nothing is downloaded), zipped with the two icons.
 */
export const MANIFEST_DIR = fileURLToPath(new URL('../manifest/teams/', import.meta.url));
const ICONS = ['color.png', 'outline.png'] as const;

export interface ManifestValues {
  /** The bot's Microsoft App ID, also used as the Teams app id. */
  botId: string;
  /** Where the bot is reachable, e.g. https://pep.example.org. */
  publicBaseUrl: string;
  version: string;
}

export const manifestTemplate = (): string => readFileSync(join(MANIFEST_DIR, 'manifest.json'), 'utf8');

/** The template's {{TOKENS}} replaced (as JSON string content, so no value can break the JSON). */
export function buildManifest(values: ManifestValues, template = manifestTemplate()): Record<string, unknown> {
  const tokens: Record<string, string> = {
    BOT_ID: values.botId,
    PUBLIC_BASE_URL: values.publicBaseUrl,
    PUBLIC_HOST: new URL(values.publicBaseUrl).host,
    VERSION: values.version,
  };
  const filled = template.replace(/\{\{([A-Z_]+)\}\}/g, (whole, name: string) => {
    const value = tokens[name];
    if (value === undefined) throw new Error(`manifest/teams/manifest.json uses an unknown token ${whole}`);
    return JSON.stringify(value).slice(1, -1);
  });
  return JSON.parse(filled) as Record<string, unknown>;
}

/** The official schema for the manifest's own version, from the installed @microsoft/app-manifest. */
export function officialSchema(manifestVersion: string): Record<string, unknown> {
  const packageDir = dirname(createRequire(import.meta.url).resolve('@microsoft/app-manifest/package.json'));
  const file = join(packageDir, 'build', 'json-schemas', 'teams', `v${manifestVersion}`, 'MicrosoftTeams.schema.json');
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

/** Every schema violation, as Microsoft's tooling words it; empty when the manifest is valid. */
export async function validateManifest(manifest: Record<string, unknown>): Promise<string[]> {
  const schema = officialSchema(String(manifest.manifestVersion));
  return AppManifestUtils.validateAgainstSchema(manifest as never, schema as never);
}

/** The zip Teams uploads: manifest.json and the icons at the root. */
export async function packageTeamsApp(values: ManifestValues): Promise<Buffer> {
  const manifest = buildManifest(values);
  const problems = await validateManifest(manifest);
  if (problems.length > 0) throw new Error(`The Teams manifest is not valid:\n  ${problems.join('\n  ')}`);
  const zip = new JSZip();
  zip.file('manifest.json', JSON.stringify(manifest, null, 2));
  for (const icon of ICONS) zip.file(icon, readFileSync(join(MANIFEST_DIR, icon)));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
