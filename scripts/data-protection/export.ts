import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { recordExport } from '../../src/app/data-protection/access-log.js';
import { logRightsRequest } from '../../src/app/data-protection/rights-audit.js';
import { subjectAccessExport } from '../../src/app/data-protection/subject-access.js';
import { subjectAccessHtml } from '../../src/channels/web/data-protection/subject-access-html.js';
import { parsePersonQuery } from '../../src/domain/data-protection/person-query.js';
import { systemClock } from '../../src/ports/clock.js';
import { randomIds } from '../../src/ports/ids.js';
import { withStore } from '../with-store.js';

/**
 * npm run data:export -- --person <email, chat id or PEP reference> --by <who is asking> [--out <folder>]
 * Writes subject-access.json (schemas/subject-access.schema.json) and subject-access.html to the
 * folder (default: the current one), and logs the export in the data protection log and in each
 * meeting's access log.
 */
const USAGE = 'npm run data:export -- --person <email | Slack id | Teams id | Entra id | PEP reference> --by <your name> [--out <folder>]';
await withStore(USAGE, { person: { type: 'string' }, by: { type: 'string' }, out: { type: 'string', default: '.' } }, async (args, store) => {
  if (typeof args.person !== 'string' || typeof args.by !== 'string') {
    process.stderr.write(`Usage: ${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  const data = await subjectAccessExport({ store, children: store, clock: systemClock }, parsePersonQuery(args.person), args.person);
  const folder = String(args.out);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'subject-access.json'), `${JSON.stringify(data, null, 2)}\n`);
  writeFileSync(join(folder, 'subject-access.html'), subjectAccessHtml(data));
  const meetingIds = data.meetings.map((meeting) => meeting.meetingId).concat(data.child?.meetings.map((meeting) => meeting.meetingId) ?? []);
  await logRightsRequest(store, { type: 'export', at: data.exportedAt, by: args.by, meetingIds }, randomIds);
  // Each meeting's own access log shows that its records went out (who looked), as the plan page's opening does.
  await recordExport({ store, clock: systemClock, newId: randomIds }, { who: 'system', channel: 'system', meetingIds });
  process.stdout.write(`wrote subject-access.json and subject-access.html to ${folder} (${meetingIds.length} meeting(s))\n`);
});
