import { generateKeyPairSync, sign } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import express from 'express';

/**
 * A loopback stand-in for the Bot Framework's OpenID metadata and signing keys, so botbuilder's
 * real JWT validation runs offline: tokens signed with `sign` validate, others do not.
 */
export interface TokenIssuer {
  metadataUrl: string;
  /** A channel token as the Bot Framework would issue it for this bot and serviceUrl. */
  token(claims: { audience: string; serviceUrl: string }, key?: KeyObject): string;
  /** A key the metadata does not publish. */
  strangerKey: KeyObject;
  close(): Promise<void>;
}

export const CHANNEL_ISSUER = 'https://api.botframework.com';
const KID = 'pep-test-key';

const b64url = (value: object | Buffer) => (Buffer.isBuffer(value) ? value : Buffer.from(JSON.stringify(value))).toString('base64url');
const rsaKey = () => generateKeyPairSync('rsa', { modulusLength: 2048 });

export async function startTokenIssuer(): Promise<TokenIssuer> {
  const trusted = rsaKey();
  const stranger = rsaKey();
  const app = express();
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  app.get('/openid', (_req, res) => {
    res.json({ issuer: CHANNEL_ISSUER, jwks_uri: `${base}/keys`, id_token_signing_alg_values_supported: ['RS256'] });
  });
  app.get('/keys', (_req, res) => {
    res.json({ keys: [{ ...trusted.publicKey.export({ format: 'jwk' }), kid: KID, use: 'sig', endorsements: ['msteams'] }] });
  });
  return {
    metadataUrl: `${base}/openid`,
    strangerKey: stranger.privateKey,
    token({ audience, serviceUrl }, key = trusted.privateKey) {
      const now = Math.floor(Date.now() / 1000);
      const head = b64url({ alg: 'RS256', typ: 'JWT', kid: KID });
      const body = b64url({ iss: CHANNEL_ISSUER, aud: audience, serviceurl: serviceUrl, nbf: now - 60, exp: now + 600 });
      return `${head}.${body}.${b64url(sign('RSA-SHA256', Buffer.from(`${head}.${body}`), key))}`;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
