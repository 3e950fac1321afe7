import { verifyChainOf, verifyEveryChain } from '../../src/app/data-protection/verify-audit-chains.js';
import type { ChainReport } from '../../src/app/data-protection/verify-audit-chains.js';
import { withStore } from '../with-store.js';

/**
 * npm run audit:verify [-- --key <meeting id | child:<ref>>] — checks the audit hash chains (every
 * one, or one key's) on the configured store, a page at a time. Each break is printed, naming the
 * entry (or, for a chain cut short or ending elsewhere than its record's tip, its last), and the exit code is 1; entries whose data was redacted (erasure, retention) are counted.
 */
async function* oneKey(reports: Promise<ChainReport>): AsyncGenerator<ChainReport> {
  yield await reports;
}

await withStore('npm run audit:verify [-- --key <meeting id | child:<ref>>]', { key: { type: 'string' } }, async (args, store) => {
  const key = typeof args.key === 'string' ? args.key : undefined;
  const totals = { chains: 0, entries: 0, redacted: 0, broken: 0 };
  for await (const report of key === undefined ? verifyEveryChain(store) : oneKey(verifyChainOf(store, key))) {
    totals.chains += 1;
    totals.entries += report.entries;
    totals.redacted += report.redacted.length;
    if (report.break) {
      totals.broken += 1;
      process.stdout.write(`BROKEN\t${report.key}\t${report.break.kind}\t${report.break.entryId ?? '-'}\t${report.break.message}\n`);
    }
    if (key !== undefined && report.entries === 0 && !report.break) {
      totals.broken += 1;
      process.stdout.write(`EMPTY\t${key}\tno audit entries are kept under this key\n`);
    }
  }
  process.stdout.write(`${totals.chains} chain(s), ${totals.entries} entries verified before any break, ${totals.redacted} redacted, ${totals.broken} broken\n`);
  if (totals.broken > 0) process.exitCode = 1;
});
