import { runRetention } from '../../src/app/data-protection/retention-run.js';
import { systemClock } from '../../src/ports/clock.js';
import { randomIds } from '../../src/ports/ids.js';
import { failedJobs } from '../../src/scheduler/failed-jobs.js';
import { jobStoreBeside, openJobBackend } from '../../src/scheduler/job-backend.js';
import { withStore } from '../with-store.js';

/**
 * npm run data:retention -- [--dry-run] — one retention run now, with the council's retention
 * settings (COUNCIL_SETTINGS), on the configured store and the scheduler's job store beside it.
 * The dry run lists what the real run would anonymise or remove, one line each, and changes
 * nothing. The scheduler runs the same daily.
 */
await withStore('npm run data:retention -- [--dry-run]', { 'dry-run': { type: 'boolean', default: false } }, async (args, store, config) => {
  const dryRun = args['dry-run'] === true;
  const jobs = await openJobBackend(jobStoreBeside(config));
  try {
    const report = await runRetention({ store, clock: systemClock, newId: randomIds, settings: config.council.retention, failedJobs: failedJobs(jobs.backend.repository) }, { dryRun });
    for (const item of report.items) process.stdout.write(`${item.action}\t${item.source}\t${item.key}\t${item.at}\n`);
    process.stdout.write(`${dryRun ? 'would anonymise or remove' : 'anonymised or removed'} ${report.items.length} record(s) as of ${report.at}\n`);
  } finally {
    await jobs.close();
  }
});
