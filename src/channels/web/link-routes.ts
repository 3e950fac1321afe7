import { Router } from 'express';
import type { RequestHandler } from 'express';
import { recordPageAccess } from '../../app/data-protection/access-log.js';
import type { AppDeps } from '../../app/deps.js';
import { PLAN_PATH } from '../../app/plan/plan-links.js';
import { cardForLink, linkIsAnswerable } from '../../app/link-cards.js';
import { resolveSecureLink } from '../../app/secure-links.js';
import type { LinkPurpose } from '../../domain/model.js';
import type { Logger } from '../../observability/logger.js';
import { isStoreUnavailable } from '../../ports/store-unavailable.js';
import { cardPageAssets, renderCardPage } from './card-page.js';
import { closedLinkWords } from './link-closed.js';
import { LINK_PROBLEMS, renderLinkNotice, renderNoticePage } from './link-notice.js';
import { badPressCard, notSavedCard } from './link-replies.js';
import type { SubmissionOutcome } from './link-submission.js';
import { submitThroughLink } from './link-submission.js';
import { renderOutbound } from './outbound.js';
import { securityHeaders } from './security-headers.js';

/** Where the page's script and styles are served; outside /p so no token is ever in an asset URL. */
const ASSETS_PATH = '/web/assets';
const LINK_PATH = '/p';

/** Tab titles say what kind of page it is and nothing about whom it concerns. */
const PAGE_TITLES: Record<LinkPurpose, string> = {
  invitation: 'PEP Bot: your invitation',
  'carer-prompt': 'PEP Bot: a few questions',
  'child-voice-prompt': 'PEP Bot: what do you think?',
  'action-nudge': 'PEP Bot: a reminder',
  'contribution-request': 'PEP Bot: your contribution',
  plan: 'PEP Bot: the written plan',
  evidence: "PEP Bot: the school's figures",
};

export interface LinkRoutesDeps {
  app: AppDeps;
  /** The path part of PUBLIC_BASE_URL ("" or "/pep"), so pages link to their assets behind a proxy. */
  basePath: string;
  https: boolean;
  logger: Logger;
}

/** How long a person is asked to wait before pressing again when the store cannot write. */
const RETRY_AFTER_SECONDS = 60;

function assetRoutes(router: Router): void {
  for (const asset of cardPageAssets()) {
    router.get(`${ASSETS_PATH}/${asset.name}`, (_req, res) => {
      // The same for everyone and free of secrets: a phone may keep it for an hour.
      res.set('Cache-Control', 'public, max-age=3600').type(asset.contentType).sendFile(asset.filePath);
    });
  }
}

/**
 * GET: the card; a page that says what to do, never what the meeting is, for a link that does not
 * open; and for a good link whose meeting has moved on, why it can no longer be answered, with no
 * form to type into.
 */
function openLink(deps: LinkRoutesDeps): RequestHandler<{ token: string }> {
  const assets = `${deps.basePath}${ASSETS_PATH}`;
  return async (req, res) => {
    const { token } = req.params;
    const resolved = await resolveSecureLink(deps.app, token);
    if (!resolved.ok) {
      res.status(LINK_PROBLEMS[resolved.state].status).type('html').send(renderLinkNotice(resolved.state, assets));
      return;
    }
    if (!linkIsAnswerable(resolved.meeting, resolved.link)) {
      res.type('html').send(renderNoticePage(closedLinkWords(resolved.meeting, resolved.link), assets));
      return;
    }
    await recordPageAccess({ ...deps.app, logger: deps.logger }, { meetingId: resolved.meeting.id, who: resolved.link.participantId, linkId: resolved.link.id, what: 'link_page', channel: 'web' });
    const card = renderOutbound(cardForLink(resolved.meeting, resolved.link, deps.app.clock.now()));
    const title = PAGE_TITLES[resolved.link.purpose];
    // The plan card drawn for a link has no document button (its link is this page's token): the full plan is linked under it.
    const more = resolved.link.purpose === 'plan' ? { href: `${deps.basePath}${PLAN_PATH}/${token}`, text: 'Open the full plan' } : undefined;
    res.type('html').send(renderCardPage({ card, title, postUrl: `${deps.basePath}${LINK_PATH}/${token}`, assetBaseUrl: assets, more }));
  };
}

/**
 * POST: JSON only, which a cross-site form cannot send without a CORS preflight we never answer;
 * browsers that say a request is cross-site are refused outright.
 */
function answerLink(deps: LinkRoutesDeps): RequestHandler<{ token: string }> {
  return async (req, res) => {
    if (!req.is('application/json')) {
      res.status(415).json({ card: renderOutbound(badPressCard()) });
      return;
    }
    if (req.get('sec-fetch-site') === 'cross-site') {
      res.status(403).json({ card: renderOutbound(badPressCard()) });
      return;
    }
    let outcome: SubmissionOutcome;
    try {
      outcome = await submitThroughLink(deps.app, req.params.token, req.body);
    } catch (error) {
      if (!isStoreUnavailable(error)) throw error;
      deps.logger.error({ err: error, route: `${LINK_PATH}/:token` }, 'an answer on a link page could not be saved: the store cannot write');
      res.status(503).set('Retry-After', String(RETRY_AFTER_SECONDS)).json({ card: renderOutbound(notSavedCard()) });
      return;
    }
    res.status(outcome.status).json({ card: renderOutbound(outcome.card) });
  };
}

export function linkRoutes(deps: LinkRoutesDeps): Router {
  const router = Router();
  router.use([ASSETS_PATH, LINK_PATH], securityHeaders({ https: deps.https }));
  assetRoutes(router);
  // Browsers ask for it with every page; "no icon" keeps a 404 out of every carer's console.
  router.get('/favicon.ico', (_req, res) => {
    res.set('Cache-Control', 'public, max-age=86400').status(204).end();
  });
  router.get(`${LINK_PATH}/:token`, openLink(deps));
  router.post(`${LINK_PATH}/:token`, answerLink(deps));
  return router;
}
