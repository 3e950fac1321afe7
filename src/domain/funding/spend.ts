import type { Season } from '../school-term.js';
import { SEASONS } from '../school-term.js';
import type { FundingRequest } from './funding-request.js';
import type { FundingSettings } from './funding-settings.js';

/** A child's Pupil Premium Plus in one academic year, across all their PEPs. */
export interface ChildSpend {
  academicYear: string;
  allocationPence: number;
  /** Approved (awaiting plan approval) and released: money the Virtual School has agreed to. */
  committedPence: number;
  releasedPence: number;
  remainingPence: number;
  committedByTerm: Record<Season, number>;
}

const COMMITTED: readonly FundingRequest['status'][] = ['approved', 'released'];

export function childSpend(requests: readonly FundingRequest[], academicYear: string, settings: FundingSettings): ChildSpend {
  const inYear = requests.filter((r) => r.academicYear === academicYear && COMMITTED.includes(r.status));
  const sum = (list: readonly FundingRequest[]) => list.reduce((total, r) => total + r.amountPence, 0);
  const committedPence = sum(inYear);
  const allocationPence = settings.pupilPremiumPlusPerChildPence;
  return {
    academicYear,
    allocationPence,
    committedPence,
    releasedPence: sum(inYear.filter((r) => r.status === 'released')),
    remainingPence: allocationPence - committedPence,
    committedByTerm: Object.fromEntries(SEASONS.map((season) => [season, sum(inYear.filter((r) => r.term === season))])) as Record<Season, number>,
  };
}

/** By how much approving this request would take the child past the year's allocation (0: it fits, or is already counted). */
export const overAllocationBy = (request: FundingRequest, spend: ChildSpend): number =>
  COMMITTED.includes(request.status) ? 0 : Math.max(0, request.amountPence - Math.max(spend.remainingPence, 0));
