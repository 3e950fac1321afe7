import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/**
 * The second step of `npm run build` (after tsc has checked the types): bundles the bot into
 * dist/main.js and the chunks it loads on demand, dist/chunks/. Start-up then reads a handful of
 * files instead of resolving and reading a few thousand (botbuilder alone pulls in hundreds), which
 * made up most of its time. Each `await import()` in src/ stays a chunk of its own, loaded on first
 * use as before; the packages required on first use through packageRequire (the card templating
 * engine, the bank holidays' data) are not seen by the bundler and load from node_modules.
 *
 * Left in node_modules, imported from there: packages that find files next to their own code
 * (pdfkit's colour profile, fontkit's data, the iCalendar time zones), better-sqlite3's native
 * addon, and the MongoDB driver with its optional native modules. Of these only better-sqlite3, a
 * handful of files, is on the way to /healthz.
 */

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT_DIR = path.join(REPO_ROOT, 'dist');
const CHUNKS_DIR = path.join(OUT_DIR, 'chunks');
/** Which package each output file holds, for test/server/lazy-loading.test.ts. */
const BUNDLE_META = path.join(OUT_DIR, 'bundle-meta.json');
const EXTERNAL = ['better-sqlite3', 'pdfkit', 'fontkit', '@touch4it/ical-timezones', 'mongodb'];
/** The CommonJS packages in the bundle call require() (node:fs, optional peers): in an ES module it has to be made. */
const REQUIRE_BANNER = "import { createRequire as __pepCreateRequire } from 'node:module'; const require = __pepCreateRequire(import.meta.url);";

async function bundleBot(): Promise<void> {
  const { metafile } = await build({
    absWorkingDir: REPO_ROOT,
    entryPoints: { main: 'src/process-entry.ts' },
    outdir: OUT_DIR,
    chunkNames: `${path.basename(CHUNKS_DIR)}/[name]-[hash]`,
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: EXTERNAL,
    banner: { js: REQUIRE_BANNER },
    // Less text for Node to decode, compile and (for the source maps) split into lines at each start:
    // 10-20 % less CPU to /healthz and a smaller idle heap. Names stay as written (logs show
    // error classes by name); the maps lead back to src/.
    minifyWhitespace: true,
    minifySyntax: true,
    // Mappings only: the sources' text would make the maps three times the size, and Node parses each map as its file loads.
    sourcemap: 'linked',
    sourcesContent: false,
    metafile: true,
    logLevel: 'warning',
  });
  writeFileSync(BUNDLE_META, JSON.stringify(metafile));
  // Chunks of earlier builds go only now: a bot started from dist/ keeps finding the chunks it loads on first use while the build runs.
  const written = new Set(Object.keys(metafile.outputs).map((file) => path.resolve(REPO_ROOT, file)));
  for (const file of readdirSync(CHUNKS_DIR)) if (!written.has(path.join(CHUNKS_DIR, file))) rmSync(path.join(CHUNKS_DIR, file));
}

if (import.meta.url === `file://${process.argv[1]}`) await bundleBot();
