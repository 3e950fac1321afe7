import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder that holds PEP Bot's package.json, found from wherever this code runs: src/ (tsx,
 * vitest) or the bundle in dist/ and dist/chunks/ (`npm start`). The cards, the web page's own
 * assets and the packages loaded on first use are found from here, never from a module's own
 * place, which the bundle moves. (Paths, not URLs: under jsdom, URL is jsdom's own.)
 */
export const PACKAGE_ROOT = packageRootAbove(dirname(fileURLToPath(import.meta.url)));

/** require() as the package itself resolves: for files inside packages and for packages loaded on first use. */
export const packageRequire = createRequire(join(PACKAGE_ROOT, 'package.json'));

function packageRootAbove(folder: string): string {
  for (let at = folder; ; at = dirname(at)) {
    if (existsSync(join(at, 'package.json'))) return at;
    if (dirname(at) === at) throw new Error(`no package.json in ${folder} or any folder above it`);
  }
}
