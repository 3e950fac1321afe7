import express from 'express';
import type { Request, RequestHandler, Response, Router } from 'express';
import { z } from 'zod';
import { filterChoices, filterRows, parseCaseloadFilter } from '../../../app/caseload/caseload-filters.js';
import type { CaseloadRow } from '../../../app/caseload/caseload-row.js';
import { onTimeByTerm, summarise } from '../../../app/caseload/caseload-summary.js';
import { signedInActor } from '../../../app/caseload/signed-in-officer.js';
import type { WhoLookedMeeting } from '../../../app/data-protection/who-looked.js';
import type { CaseloadSignInConfig } from '../../../config.js';
import type { Officer } from '../../../domain/actor.js';
import { OfficerSchema } from '../../../domain/actor.js';
import { ChildSchema } from '../../../domain/model.js';
import type { CaseloadSettings } from '../../../domain/oversight/caseload-settings.js';
import type { Logger } from '../../../observability/logger.js';
import type { Clock } from '../../../ports/clock.js';
import { securityHeaders } from '../security-headers.js';
import { renderCaseloadPage } from './caseload-html.js';
import type { NoticeWords } from './caseload-notices.js';
import { CASELOAD_NOTICES, renderNotice } from './caseload-notices.js';
import { CASELOAD_CSP } from './caseload-style.js';
import type { RelyingParty, SignInTransaction } from './oidc-relying-party.js';
import { relyingParty } from './oidc-relying-party.js';
import { cookieKey, signedCookie } from './signed-cookie.js';
import { renderWhoLookedPage } from './who-looked-html.js';

/**
 * GET /caseload: the Virtual School's caseload, for a signed-in officer only; /caseload/sign-in
 * and /caseload/callback: OpenID Connect sign-in with the council's identity provider;
 * POST /caseload/sign-out. No session: a redirect to sign-in (or, inside a Teams tab, a link that
 * signs in in a new window, as identity providers refuse to be framed). Signed in without a
 * mapped group: 403.
 */
export const CASELOAD_PATH = '/caseload';

export interface CaseloadRoutesDeps {
  signIn: CaseloadSignInConfig | undefined;
  settings: CaseloadSettings;
  /** Officers listed in the council's settings: a signed-in one keeps the id the audit knows. */
  officers: readonly Officer[];
  publicBaseUrl: string;
  /** Every child as a caseload row, in the page's order. */
  loadRows(): Promise<CaseloadRow[]>;
  clock: Clock;
  logger: Logger;
  /** The access log of a child's meetings (src/app/data-protection/who-looked.ts); without it, no "who has looked". */
  whoLooked?: (childRef: string) => Promise<WhoLookedMeeting[]>;
}

/** Ten minutes to sign in at the provider and come back. */
const SIGN_IN_SECONDS = 600;

const TransactionSchema = z.strictObject({ state: z.string().min(1), nonce: z.string().min(1), verifier: z.string().min(43), returnTo: z.string() });
const SessionSchema = z.strictObject({ officer: OfficerSchema });
const ChildRefSchema = ChildSchema.shape.ref;

/** Only back into the caseload, never to another site ("//evil.example" is a path to the browser's eye only). */
const safeReturn = (value: unknown): string =>
  typeof value === 'string' && /^\/caseload(?:[/?][^\\]*)?$/.test(value) && !value.startsWith('//') ? value : CASELOAD_PATH;

/** A page asked for by a frame (a Teams tab): the provider's page would refuse to show there. */
const isFramed = (req: Request): boolean => req.get('sec-fetch-dest') === 'iframe';

/** The page's own header set: framable by Teams, this route only (X-Frame-Options would override nothing, but says DENY). */
const caseloadHeaders: RequestHandler = (_req, res, next) => {
  res.set('Content-Security-Policy', CASELOAD_CSP);
  res.removeHeader('X-Frame-Options');
  next();
};

export function caseloadRoutes(deps: CaseloadRoutesDeps): { path: string; router: Router } {
  const base = new URL(deps.publicBaseUrl);
  const https = base.protocol === 'https:';
  const basePath = base.pathname.replace(/\/+$/, '');
  const pagePath = `${basePath}${CASELOAD_PATH}`;
  const router = express.Router();
  router.use(securityHeaders({ https }), caseloadHeaders);
  const notice = (res: Response, words: NoticeWords, link?: Parameters<typeof renderNotice>[1]) => void res.status(words.status).type('html').send(renderNotice(words, link));
  const signInLink = (returnTo: string, newWindow = false) => ({ href: `${pagePath}/sign-in?return=${encodeURIComponent(returnTo)}`, text: 'Sign in', newWindow });

  const signIn = deps.signIn;
  if (!signIn) {
    router.use((_req, res) => notice(res, CASELOAD_NOTICES.notSetUp));
    return { path: CASELOAD_PATH, router };
  }
  const key = cookieKey(signIn.clientSecret);
  const cookie = { key, https, path: pagePath };
  const session = signedCookie({ ...cookie, name: 'pep_caseload', maxAgeSeconds: deps.settings.sessionMinutes * 60, schema: SessionSchema });
  const pending = signedCookie({ ...cookie, name: 'pep_caseload_signin', maxAgeSeconds: SIGN_IN_SECONDS, schema: TransactionSchema });
  const redirectUri = `${deps.publicBaseUrl}${CASELOAD_PATH}/callback`;
  const rp: RelyingParty = relyingParty(signIn, redirectUri);

  router.get('/', async (req, res) => {
    const signedIn = session.read(req, deps.clock.now());
    const here = `${CASELOAD_PATH}${req.url.replace(/^\/(?=\?|$)/, "")}`;
    if (!signedIn) {
      if (isFramed(req)) return notice(res, CASELOAD_NOTICES.framed, signInLink(here, true));
      return void res.redirect(303, signInLink(here).href);
    }
    const filter = parseCaseloadFilter(req.query);
    if (!filter) return notice(res, CASELOAD_NOTICES.badFilter, { href: pagePath, text: 'Show the whole caseload' });
    const all = await deps.loadRows();
    const rows = filterRows(all, filter);
    // Who saw children's full names, and when: by officer id, never a name.
    deps.logger.info({ officerId: signedIn.officer.id, children: rows.length }, 'caseload viewed');
    res.type('html').send(
      renderCaseloadPage({
        officer: signedIn.officer,
        rows,
        summary: summarise(rows),
        chart: onTimeByTerm(rows),
        choices: filterChoices(all),
        filter,
        pagePath,
        lookedPath: deps.whoLooked ? `${pagePath}/looked` : undefined,
      }),
    );
  });

  const whoLooked = deps.whoLooked;
  if (whoLooked) {
    router.get('/looked', async (req, res) => {
      const signedIn = session.read(req, deps.clock.now());
      if (!signedIn) return void res.redirect(303, signInLink(CASELOAD_PATH).href);
      const ref = ChildRefSchema.safeParse(req.query.ref);
      if (!ref.success) return notice(res, CASELOAD_NOTICES.badFilter, { href: pagePath, text: 'Back to the caseload' });
      deps.logger.info({ officerId: signedIn.officer.id }, 'who has looked viewed');
      res.type('html').send(renderWhoLookedPage({ officer: signedIn.officer, childRef: ref.data, meetings: await whoLooked(ref.data), pagePath }));
    });
  }

  router.get('/sign-in', async (req, res) => {
    let started: { url: URL; transaction: SignInTransaction };
    try {
      started = await rp.start(safeReturn(req.query.return));
    } catch (error) {
      deps.logger.error({ err: error, issuer: signIn.issuer }, 'caseload sign-in: the identity provider could not be reached');
      return notice(res, CASELOAD_NOTICES.failed, signInLink(CASELOAD_PATH));
    }
    pending.write(res, started.transaction, deps.clock.now());
    res.redirect(303, started.url.href);
  });

  router.get('/callback', async (req, res) => {
    const transaction = pending.read(req, deps.clock.now());
    pending.clear(res);
    if (!transaction) return notice(res, CASELOAD_NOTICES.expired, signInLink(CASELOAD_PATH));
    const query = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?')) : '';
    let claims;
    try {
      claims = await rp.finish(new URL(`${redirectUri}${query}`), transaction);
    } catch (error) {
      // The library's message names the check that failed (state, nonce, signature); never a claim's value.
      deps.logger.warn({ reason: (error as Error).message }, 'caseload sign-in refused by the relying party checks');
      return notice(res, CASELOAD_NOTICES.failed, signInLink(transaction.returnTo));
    }
    const actor = signedInActor(claims, deps.settings, deps.officers);
    if (!actor) {
      deps.logger.warn({ claim: deps.settings.groupsClaim }, 'caseload sign-in refused: the user is in no group mapped to an oversight role');
      return notice(res, CASELOAD_NOTICES.refused);
    }
    deps.logger.info({ officerId: actor.officer.id, roles: actor.officer.roles }, 'caseload sign-in');
    session.write(res, { officer: actor.officer }, deps.clock.now());
    res.redirect(303, `${basePath}${transaction.returnTo}`);
  });

  router.post('/sign-out', (_req, res) => {
    session.clear(res);
    notice(res, CASELOAD_NOTICES.signedOut, signInLink(CASELOAD_PATH));
  });
  return { path: CASELOAD_PATH, router };
}
