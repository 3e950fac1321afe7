import { correctPerson } from '../../src/app/data-protection/correct-and-erase.js';
import { parsePersonQuery } from '../../src/domain/data-protection/person-query.js';
import { refuse } from '../../src/domain/errors.js';
import { IdentitySchema, ParticipantSchema } from '../../src/domain/model.js';
import { systemClock } from '../../src/ports/clock.js';
import { randomIds } from '../../src/ports/ids.js';
import { withStore } from '../with-store.js';

/**
 * npm run data:correct -- --person <email or chat id> --by <your name> [--name <name>] [--email <email>]
 *   [--slack-user-id <id>] [--teams-user-id <id>] [--teams-aad-object-id <id>]
 * Corrects the person's details in every meeting they are in, one audited save per meeting.
 */
const USAGE = 'npm run data:correct -- --person <email | chat id> --by <your name> [--name <name>] [--email <email>] [--slack-user-id <id>] [--teams-user-id <id>] [--teams-aad-object-id <id>]';
const text = { type: 'string' } as const;
await withStore(USAGE, { person: text, by: text, name: text, email: text, 'slack-user-id': text, 'teams-user-id': text, 'teams-aad-object-id': text }, async (args, store) => {
  const query = parsePersonQuery(String(args.person ?? ''));
  if (query.kind !== 'person' || typeof args.by !== 'string') return refuse('VALIDATION.INVALID_INPUT', `Name the person by email or chat id, and yourself with --by.\nUsage: ${USAGE}`, {});
  // Checked as any participant's details are, so a correction cannot store what an invitation could not.
  const parsed = IdentitySchema.extend({ name: ParticipantSchema.shape.name.optional() }).safeParse({
    name: args.name,
    email: args.email,
    slackUserId: args['slack-user-id'],
    teamsUserId: args['teams-user-id'],
    teamsAadObjectId: args['teams-aad-object-id'],
  });
  if (!parsed.success) return refuse('VALIDATION.INVALID_INPUT', parsed.error.issues.map((issue) => `--${issue.path.join('.')}: ${issue.message}`).join('\n'), {});
  const correction = parsed.data;
  const done = await correctPerson({ store, children: store }, query.identity, correction, { actorId: args.by, at: systemClock.now().toISOString(), newId: randomIds });
  process.stdout.write(`corrected in ${done.meetingIds.length} meeting(s) and ${done.childRefs.length} child record(s)\n`);
});
