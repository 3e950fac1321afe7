import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { accessesOf, recordExport } from '../../../src/app/data-protection/access-log.js';
import { issueSecureLink } from '../../../src/app/secure-links.js';
import { linkRoutes } from '../../../src/channels/web/link-routes.js';
import { planRoutes } from '../../../src/channels/web/plan/plan-routes.js';
import type { Meeting } from '../../../src/domain/model.js';
import { captureLog, type RunningServer } from '../../server/harness.js';
import { idOf, PUBLIC_BASE_URL, servedClosedPlan, type PlanWorld, type ServedPlan } from '../../plan/support.js';

describe('who looked: the access log through the real web routes', () => {
  let world: PlanWorld;
  let server: RunningServer;
  let meeting: Meeting;
  let served: ServedPlan;

  beforeEach(async () => {
    served = await servedClosedPlan((w) => [
      planRoutes({ app: w.deps, publicBaseUrl: PUBLIC_BASE_URL, logger: captureLog().logger }),
      { path: '/', router: linkRoutes({ app: w.deps, basePath: '', https: true, logger: captureLog().logger }) },
    ]);
    ({ world, server, meeting } = served);
  });

  afterEach(() => served.stop());

  const get = (path: string) => fetch(`${server.url}${path}`);
  const planLink = (role: string) => issueSecureLink(world.deps, { meetingId: meeting.id, participantId: role === 'organiser' ? meeting.organiserId : idOf(meeting, role), purpose: 'plan', actorId: 'system' });

  it('records who opened the plan, its PDF and a card page, when, and through which link', async () => {
    const carer = await planLink('carer');
    const teacher = await planLink('designated_teacher');
    const before = (await accessesOf(world.store, meeting.id)).length;

    world.clock.set('2026-12-05T09:00:00Z');
    expect((await get(`/plan/${carer.token}`)).status).toBe(200);
    world.clock.set('2026-12-05T09:05:00Z');
    expect((await get(`/plan/${teacher.token}.pdf`)).status).toBe(200);
    world.clock.set('2026-12-05T09:10:00Z');
    // The plan card's own page, which a plan link opens under /p.
    expect(await (await get(`/p/${carer.token}`)).text()).toContain('Open the full plan');

    const entries = (await accessesOf(world.store, meeting.id)).slice(before);
    expect(entries.map(({ who, what, channel, at, linkId }) => ({ who, what, channel, at, linkId }))).toEqual([
      { who: idOf(meeting, 'carer'), what: 'plan_page', channel: 'web', at: '2026-12-05T09:00:00.000Z', linkId: carer.link.id },
      { who: idOf(meeting, 'designated_teacher'), what: 'plan_pdf', channel: 'web', at: '2026-12-05T09:05:00.000Z', linkId: teacher.link.id },
      { who: idOf(meeting, 'carer'), what: 'link_page', channel: 'web', at: '2026-12-05T09:10:00.000Z', linkId: carer.link.id },
    ]);
  });

  it('records nothing for a link that opens nothing', async () => {
    const invitation = await issueSecureLink(world.deps, { meetingId: meeting.id, participantId: idOf(meeting, 'carer'), purpose: 'invitation', actorId: 'system' });
    const before = await accessesOf(world.store, meeting.id);
    expect((await get(`/plan/${invitation.token}`)).status).toBe(404);
    expect((await get(`/p/${'A'.repeat(43)}`)).status).toBe(404);
    expect(await accessesOf(world.store, meeting.id)).toEqual(before);
  });

  it("shows the organiser, under their own copy of the plan, who has looked; nobody else's copy shows it", async () => {
    const carer = await planLink('carer');
    await get(`/plan/${carer.token}`);
    await get(`/plan/${(await planLink('designated_teacher')).token}.pdf`);
    await recordExport(world.deps, { who: 'officer:vic', channel: 'web', meetingIds: [meeting.id] });

    const organiserPage = await (await get(`/plan/${(await planLink('organiser')).token}`)).text();
    expect(organiserPage).toContain('Who has looked at this plan');
    expect(organiserPage).toContain('Chris Carer opened the written plan (web link)');
    expect(organiserPage).toContain('Dana Teacher downloaded the written plan (PDF) (web link)');
    expect(organiserPage).toContain('A Virtual School officer exported the records (web link)');
    // The organiser's own opening is listed too, first as the newest.
    expect(organiserPage.indexOf('Sam Social opened the written plan')).toBeLessThan(organiserPage.indexOf('Chris Carer opened'));

    expect(await (await get(`/plan/${carer.token}`)).text()).not.toContain('Who has looked');
  });
});
