import { createHmac } from 'node:crypto';
import { safeEqual } from './safeEqual';

/** Encodes a value into a tamper-proof cookie value, and back. */
export interface SignedCookieCodec<T> {
  encode(value: T, ttlMs: number): string;
  /** The value, or undefined when the text was tampered with, malformed or expired. */
  decode(text: string | undefined): T | undefined;
}

/**
 * Signs JSON values with HMAC-SHA256 as `base64url(json).base64url(mac)` with an
 * expiry inside, for short-lived cookies such as the OAuth state between
 * `/start` and `/handler`. `purpose` is mixed into the key so a value signed for
 * one cookie is never accepted by another.
 */
export function createSignedCookieCodec<T>(options: {
  secret: string;
  purpose: string;
  now?: () => number;
}): SignedCookieCodec<T> {
  const { secret, purpose, now = Date.now } = options;
  const mac = (payload: string) =>
    createHmac('sha256', `${purpose}:${secret}`).update(payload).digest('base64url');
  return {
    encode(value, ttlMs) {
      const payload = Buffer.from(JSON.stringify({ value, exp: now() + ttlMs })).toString('base64url');
      return `${payload}.${mac(payload)}`;
    },
    decode(text) {
      const [payload, signature, ...rest] = (text ?? '').split('.');
      if (
        payload === undefined ||
        signature === undefined ||
        rest.length > 0 ||
        !safeEqual(signature, mac(payload))
      ) {
        return undefined;
      }
      try {
        const decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
          value: T;
          exp: number;
        };
        return typeof decoded.exp === 'number' && decoded.exp > now() ? decoded.value : undefined;
      } catch {
        // Cannot happen for a payload we signed; treat as tampered.
        return undefined;
      }
    },
  };
}
