import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportForRequest } from '../../src/app/data-protection/export-request.js';
import { subjectAccessHtml } from '../../src/channels/web/data-protection/subject-access-html.js';
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
  const data = await exportForRequest({ store, children: store, clock: systemClock, newId: randomIds }, { person: args.person, by: args.by, who: 'system' });
  const folder = String(args.out);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'subject-access.json'), `${JSON.stringify(data, null, 2)}\n`);
  writeFileSync(join(folder, 'subject-access.html'), subjectAccessHtml(data));
  const meetings = data.meetings.length + (data.child?.meetings.length ?? 0);
  process.stdout.write(`wrote subject-access.json and subject-access.html to ${folder} (${meetings} meeting(s))\n`);
});
