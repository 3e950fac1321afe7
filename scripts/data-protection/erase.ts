import { erasePerson } from '../../src/app/data-protection/correct-and-erase.js';
import { parsePersonQuery } from '../../src/domain/data-protection/person-query.js';
import { refuse } from '../../src/domain/errors.js';
import { systemClock } from '../../src/ports/clock.js';
import { randomIds } from '../../src/ports/ids.js';
import { withStore } from '../with-store.js';

/**
 * npm run data:erase -- --person <email or chat id> --by <your name>
 * Erases the person where the law allows it (the data protection officer decides that first:
 * docs/data-protection.md, "Rights"). Their details become "Former participant" in every meeting.
 */
const USAGE = 'npm run data:erase -- --person <email | chat id> --by <your name>';
await withStore(USAGE, { person: { type: 'string' }, by: { type: 'string' } }, async (args, store) => {
  const query = parsePersonQuery(String(args.person ?? ''));
  if (query.kind !== 'person' || typeof args.by !== 'string') return refuse('VALIDATION.INVALID_INPUT', `Name the person by email or chat id, and yourself with --by.\nUsage: ${USAGE}`, {});
  const done = await erasePerson({ store, children: store }, query.identity, { actorId: args.by, at: systemClock.now().toISOString(), newId: randomIds });
  process.stdout.write(`erased from ${done.meetingIds.length} meeting(s) and ${done.childRefs.length} child record(s)\n`);
});
