import { readFileSync } from 'node:fs';
import { importEvidenceCsv } from '../src/app/evidence/import-evidence.js';
import { loadConfig } from '../src/config.js';
import type { Participant } from '../src/domain/model.js';
import { systemClock } from '../src/ports/clock.js';
import { randomIds } from '../src/ports/ids.js';
import { DEFAULT_LINK_DAYS } from '../src/app/secure-links.js';
import { openStore } from '../src/stores/open-store.js';
import { installBankHolidays } from '../src/bank-holidays.js';

/**
 * npm run evidence:import -- <file.csv> — a school's evidence CSV (pep_ref, term, attendance_percent,
 * suspension_days, permanently_excluded, english, maths, science) applied to each child's current
 * meeting in the store the server is configured with (DATA_DIR or MONGODB_URI). Prints what was
 * applied and every line that was not, with why; exits 1 when any line was not applied.
 * The flags it raises are queued in the outbox, for the running bot to send.
 */
const file = process.argv[2];
if (!file) {
  process.stderr.write('Usage: npm run evidence:import -- <file.csv>\n');
  process.exit(2);
}

const csv = readFileSync(file, 'utf8');
installBankHolidays();
const config = loadConfig();
const store = await openStore({ mongodbUri: config.mongodbUri, dataDir: config.dataDir });
// This process has no chat connection: someone with a Teams or Slack identity counts as reachable, as the bot will find them.
const reachable = (p: Participant) => Boolean(p.teamsAadObjectId ?? p.teamsUserId ?? p.slackUserId);
try {
  await store.init();
  const report = await importEvidenceCsv(
    { store, clock: systemClock, newId: randomIds, defaultTimeZone: config.timeZone, officers: config.council.officers, evidenceSettings: config.council.evidence, outbox: { reachable, linkDays: DEFAULT_LINK_DAYS, wake: () => undefined } },
    csv,
  );
  for (const row of report.imported) {
    const flagged = row.flags.length > 0 ? ` — flagged: ${row.flags.join('; ')}` : '';
    process.stdout.write(`line ${row.line}: ${row.pepRef} ${row.applied ? 'applied' : 'already imported from this file'}${flagged}\n`);
  }
  for (const problem of report.problems) process.stdout.write(`${problem.message}\n`);
  process.stdout.write(`${report.imported.length} applied, ${report.problems.length} not applied.\n`);
  if (report.problems.length > 0) process.exitCode = 1;
} finally {
  await store.close();
}
