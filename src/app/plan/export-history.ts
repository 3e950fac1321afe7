import { z } from 'zod';
import { byInstant } from '../../domain/dates.js';
import { refuse } from '../../domain/errors.js';
import type { Meeting } from '../../domain/model.js';
import { PlanContentSchema } from '../../domain/plan/content.js';
import type { AppDeps } from '../deps.js';
import { participant } from '../views/people.js';
import type { PepHistory, PlanVersionRecordSchema } from './history-schema.js';
import { PEP_HISTORY_FORMAT, PepHistorySchema } from './history-schema.js';

/** The data of a "planIssued" audit event (domain/plan/versions.ts), read back at the edge. */
const IssuedPlanSchema = z.object({ version: z.number().int().min(1), changes: z.array(z.string()), content: PlanContentSchema });

type MeetingRecord = PepHistory['meetings'][number];

async function planVersions(deps: Pick<AppDeps, 'store'>, meeting: Meeting): Promise<z.input<typeof PlanVersionRecordSchema>[]> {
  const trail = await deps.store.auditTrail(meeting.id);
  return trail
    .filter((event) => event.type === 'planIssued')
    .map((event) => ({ ...IssuedPlanSchema.parse(event.data), issuedAt: event.at }));
}

async function meetingRecord(deps: Pick<AppDeps, 'store'>, meeting: Meeting): Promise<MeetingRecord> {
  const named = (id: string) => {
    const { name, role } = participant(meeting, id);
    return { participantId: id, name, role };
  };
  const { plan } = meeting;
  return {
    meetingId: meeting.id,
    previousMeetingId: meeting.previousMeetingId,
    status: meeting.status,
    startsAt: meeting.startsAt,
    concludedAt: meeting.concludedAt,
    nextReviewDate: meeting.nextReviewDate,
    plan: plan && {
      version: plan.version,
      signatories: plan.signatories.map(named),
      signOffs: plan.signOffs.map(({ participantId, version, at }) => ({ by: named(participantId), version, at })),
      amendments: plan.amendments,
      versions: await planVersions(deps, meeting),
    },
    actionProgress: meeting.actions.map(({ id, status, completedAt, blockedReason }) => ({ id, status, completedAt, blockedReason })),
  };
}

/**
 * Everything recorded about one child's PEPs, oldest meeting first, in the published format. It
 * names the child in full: it goes to the local authority's own case system, not to a chat.
 */
export async function exportChildHistory(deps: Pick<AppDeps, 'store' | 'clock'>, childRef: string): Promise<PepHistory> {
  const meetings = [...(await deps.store.meetingsOfChild(childRef))].sort((a, b) => byInstant(a.startsAt, b.startsAt));
  const latest = meetings.at(-1);
  if (!latest) refuse('MEETING.NOT_FOUND', `No PEP meetings are recorded for ${childRef}.`, { childRef });
  return PepHistorySchema.parse({
    format: PEP_HISTORY_FORMAT,
    exportedAt: deps.clock.now().toISOString(),
    child: latest.child,
    meetings: await Promise.all(meetings.map((m) => meetingRecord(deps, m))),
  });
}
