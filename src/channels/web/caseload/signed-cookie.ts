import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import type { z } from 'zod';

/**
 * A cookie whose value the browser can hold but not change: base64url JSON, a dot, and an
 * HMAC-SHA256 of it. It carries its own expiry, checked here as well as by the browser, so a
 * copied cookie stops working on time. HttpOnly, SameSite=Lax, Secure behind https, and only
 * sent to the caseload's own paths.
 */
export interface SignedCookie<S extends z.ZodType> {
  read(req: Request, now: Date): z.output<S> | undefined;
  write(res: Response, value: z.output<S>, now: Date): void;
  clear(res: Response): void;
}

/** The key comes from the client secret (HKDF), so there is no second secret to set or to leak. */
export const cookieKey = (clientSecret: string): Buffer => Buffer.from(hkdfSync('sha256', clientSecret, 'pep-bot caseload', 'cookie signing', 32));

/** A Cookie header's value for one name; the last wins, as a browser sends the most specific path first. */
function cookieValue(req: Request, name: string): string | undefined {
  const header = req.get('cookie');
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
}

export function signedCookie<S extends z.ZodType>(options: { name: string; path: string; key: Buffer; https: boolean; maxAgeSeconds: number; schema: S }): SignedCookie<S> {
  const { name, key } = options;
  const mac = (body: string) => createHmac('sha256', key).update(`${name}.${body}`).digest();
  const attributes = { httpOnly: true, secure: options.https, sameSite: 'lax' as const, path: options.path };
  return {
    read(req, now) {
      const raw = cookieValue(req, name);
      const dot = raw?.indexOf('.') ?? -1;
      if (raw === undefined || dot < 1) return undefined;
      const body = raw.slice(0, dot);
      const given = Buffer.from(raw.slice(dot + 1), 'base64url');
      const expected = mac(body);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
      let json: unknown;
      try {
        json = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
      } catch {
        return undefined;
      }
      const envelope = json as { exp?: unknown; value?: unknown };
      if (typeof envelope.exp !== 'number' || envelope.exp <= now.getTime()) return undefined;
      const parsed = options.schema.safeParse(envelope.value);
      return parsed.success ? parsed.data : undefined;
    },
    write(res, value, now) {
      const body = Buffer.from(JSON.stringify({ exp: now.getTime() + options.maxAgeSeconds * 1000, value }), 'utf8').toString('base64url');
      res.cookie(name, `${body}.${mac(body).toString('base64url')}`, { ...attributes, maxAge: options.maxAgeSeconds * 1000, encode: String });
    },
    clear(res) {
      res.clearCookie(name, attributes);
    },
  };
}
