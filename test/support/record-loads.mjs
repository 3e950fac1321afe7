import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';

/**
 * `node --import ./test/support/record-loads.mjs <script>` with RECORD_LOADS_FILE set: every module
 * the process loads is appended to that file, one URL or path a line. ES modules (and CommonJS ones
 * imported from them) are seen by a loader hook as they load; CommonJS files required from
 * CommonJS never pass the hooks, so require's cache is added when the process exits.
 */
const file = process.env.RECORD_LOADS_FILE;
if (file) {
  register('./record-loads-hooks.mjs', import.meta.url, { data: { file } });
  const require = createRequire(import.meta.url);
  process.on('exit', () => appendFileSync(file, Object.keys(require.cache).map((loaded) => `${loaded}\n`).join('')));
}
