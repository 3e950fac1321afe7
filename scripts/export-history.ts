import { exportChildHistory } from '../src/app/plan/export-history.js';
import { systemClock } from '../src/ports/clock.js';
import { withStore } from './with-store.js';

/**
 * npm run --silent export:history -- <childRef> > history.json — a child's PEP history as JSON on
 * stdout, in the format of schemas/pep-history.schema.json, from the store the server is configured
 * with. Without --silent, npm prints its banner on stdout too, ahead of the JSON.
 */
const USAGE = 'npm run --silent export:history -- <PEP reference, e.g. PEP-2026-0042> > history.json';
await withStore(USAGE, {}, async (_args, store, _config, [childRef]) => {
  if (!childRef) {
    process.stderr.write(`Usage: ${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  const history = await exportChildHistory({ store, clock: systemClock }, childRef);
  process.stdout.write(`${JSON.stringify(history, null, 2)}\n`);
});
