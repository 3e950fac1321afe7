import { exportChildHistory } from '../src/app/plan/export-history.js';
import { loadConfig } from '../src/config.js';
import { isDomainError } from '../src/domain/errors.js';
import { systemClock } from '../src/ports/clock.js';
import { openStore } from '../src/stores/open-store.js';

/**
 * npm run --silent export:history -- <childRef> > history.json — a child's PEP history as JSON on
 * stdout, in the format of schemas/pep-history.schema.json, from the store the server is configured
 * with. Without --silent, npm prints its banner on stdout too, ahead of the JSON.
 */
const childRef = process.argv[2];
if (!childRef) {
  process.stderr.write('Usage: npm run --silent export:history -- <PEP reference, e.g. PEP-2026-0042> > history.json\n');
  process.exit(2);
}

const config = loadConfig();
const store = await openStore({ mongodbUri: config.mongodbUri, dataDir: config.dataDir });
try {
  await store.init();
  const history = await exportChildHistory({ store, clock: systemClock }, childRef);
  process.stdout.write(`${JSON.stringify(history, null, 2)}\n`);
} catch (error) {
  if (!isDomainError(error)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 1;
} finally {
  await store.close();
}
