import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHILDREN_PER_PAGE, loadCaseload } from '../../../src/app/caseload/load-caseload.js';
import { CalendarSettingsSchema } from '../../../src/domain/child/calendar-settings.js';
import type { StoreWithChildren } from '../../../src/ports/child-store.js';
import { openStore } from '../../../src/stores/open-store.js';
import { aChild, aChildAuditEvent } from '../../support/child-fixture.js';
import { aMeeting, anAuditEvent } from '../../support/meeting-fixture.js';

/** The caseload read from the embedded store, as the page reads it: children a page at a time, each with their meetings. */
describe('loading the caseload from the store', () => {
  let dir: string;
  let store: StoreWithChildren;
  const calendar = CalendarSettingsSchema.parse({});

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pep-caseload-load-'));
    store = await openStore({ dataDir: dir });
    await store.init();
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads every child across pages, with their meetings and the statutory clock’s due date', async () => {
    const refs = Array.from({ length: CHILDREN_PER_PAGE + 3 }, (_, i) => `PEP-2026-${String(i).padStart(4, '0')}`);
    for (const ref of refs) await store.createChild(aChild({ ref }), { events: [aChildAuditEvent(ref)] });
    const meeting = aMeeting({ child: { ref: refs[1]!, initials: 'JD' }, status: 'invited', startsAt: '2026-11-09T10:00:00Z', createdAt: '2026-11-03T10:00:00Z' });
    await store.createMeeting(meeting, { events: [anAuditEvent(meeting.id)] });

    // Entered care on Monday 2 November 2026: the PEP is to start within 10 working days (16 November).
    const rows = await loadCaseload({ children: store, meetings: store, calendar }, new Date('2026-11-20T12:00:00Z'), 'Europe/London');
    expect(rows).toHaveLength(refs.length);
    const withMeeting = rows.find((r) => r.ref === refs[1])!;
    expect(withMeeting).toMatchObject({ status: 'scheduled', statutory: { nextDue: '2026-11-30', kind: 'PEP ready for the care-plan review', breached: false } });
    // Grouped by the council's own terms (the calendar settings), not by month.
    expect(withMeeting.terms).toEqual([{ key: '2026-27 autumn', academicYear: '2026-27', season: 'autumn', label: 'Autumn term 2026-27' }]);
    expect(rows.find((r) => r.ref === refs[0])).toMatchObject({ status: 'no_pep', statutory: { nextDue: '2026-11-16', kind: 'PEP to start (entered care)', breached: true } });
  });
});
