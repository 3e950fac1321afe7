import type { RequestHandler } from 'express';
import { CARD_PAGE_CSP } from './card-page.js';

/**
 * Every secure-link response: the page runs only our own files (CSP), cannot be framed, and the
 * token in its URL goes nowhere else — no Referer, no cache, no index. HSTS only behind https,
 * where the browser will honour it.
 */
export function securityHeaders(options: { https: boolean }): RequestHandler {
  return (_req, res, next) => {
    res.set({
      'Content-Security-Policy': CARD_PAGE_CSP,
      'Referrer-Policy': 'no-referrer',
      'X-Frame-Options': 'DENY',
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
      Pragma: 'no-cache',
      'X-Robots-Tag': 'noindex, nofollow',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Resource-Policy': 'same-origin',
      'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
    });
    if (options.https) res.set('Strict-Transport-Security', 'max-age=31536000');
    next();
  };
}
