import express from 'express';
import type { Response } from 'express';
import { accessesOf, recordPageAccess } from '../../../app/data-protection/access-log.js';
import { accessSection } from '../../../app/data-protection/access-section.js';
import type { AppDeps } from '../../../app/deps.js';
import { openPlan } from '../../../app/plan/open-plan.js';
import { PLAN_PATH } from '../../../app/plan/plan-links.js';
import type { Logger } from '../../../observability/logger.js';
import type { HttpModule } from '../../../server.js';
import type { LinkProblem } from '../link-notice.js';
import { LINK_PROBLEMS } from '../link-notice.js';
import { securityHeaders } from '../security-headers.js';
import { PLAN_PAGE_CSP, renderPlanHtml, renderPlanNoticeHtml } from './plan-html.js';

export interface PlanRoutesDeps {
  app: AppDeps;
  /** PUBLIC_BASE_URL: whether browsers are told to keep to https (HSTS). */
  publicBaseUrl: string;
  /** Where an access entry the store could not write is reported. */
  logger: Logger;
}

/** A token (43 base64url characters), and ".pdf" for the download. */
function parseFile(file: string): { token: string; pdf: boolean } | undefined {
  const match = /^([A-Za-z0-9_-]{43})(\.pdf)?$/.exec(file);
  return match?.[1] ? { token: match[1], pdf: match[2] !== undefined } : undefined;
}

/**
 * GET /plan/<token> shows the written plan a plan link opens; /plan/<token>.pdf downloads it.
 * One route with the file name parsed here, so the logged route is "/plan/:file", never a token.
 * The headers are those of every secure-link response, and a link that does not work gets the
 * same words as the card links' notice page.
 */
export function planRoutes(deps: PlanRoutesDeps): HttpModule {
  const router = express.Router();
  router.use(securityHeaders({ https: new URL(deps.publicBaseUrl).protocol === 'https:' }));
  // Stricter than the card pages' policy: a plan page loads nothing and allows only its own style.
  router.use((_req, res, next) => {
    res.set('Content-Security-Policy', PLAN_PAGE_CSP);
    next();
  });
  const notice = (res: Response, problem: LinkProblem) => res.status(LINK_PROBLEMS[problem].status).type('html').send(renderPlanNoticeHtml(problem));
  router.get('/:file', async (req, res) => {
    const file = parseFile(req.params.file);
    if (!file) return void notice(res, 'unknown');
    const opened = await openPlan(deps.app, file.token);
    if (!opened.ok) return void notice(res, opened.state);
    const { meeting, link } = opened;
    await recordPageAccess({ ...deps.app, logger: deps.logger }, { meetingId: meeting.id, who: link.participantId, linkId: link.id, what: file.pdf ? 'plan_pdf' : 'plan_page', channel: 'web' });
    if (file.pdf) {
      // Imported on the first download: pdfkit and fontkit are a tenth of a second and megabytes
      // that most processes never need.
      const { renderPlanPdf } = await import('./plan-pdf.js');
      // A download, not an inline view: browsers' PDF viewers do not all work under this CSP.
      res.type('application/pdf').attachment(opened.view.fileName).send(await renderPlanPdf(opened.view));
      return;
    }
    // The organiser's own copy says who has read the plan.
    const view =
      link.participantId === meeting.organiserId
        ? { ...opened.view, sections: [...opened.view.sections, accessSection(await accessesOf(deps.app.store, meeting.id), meeting, deps.app.officers)] }
        : opened.view;
    res.type('html').send(renderPlanHtml(view, { pdfHref: `${file.token}.pdf` }));
  });
  return { path: PLAN_PATH, router };
}
