import { createHmac, timingSafeEqual } from 'node:crypto';
import { InputError, type UserPrincipal } from '@atrium/plugin-api';
import type { SessionTokens } from './SessionTokens';

/** The signed part of a session token; short keys keep the header small. */
interface SessionPayload {
  sub: string;
  own: string[];
  roles: string[];
  via: UserPrincipal['via'];
  /** Expiry, seconds since the epoch. */
  exp: number;
}

const minimumSecretLength = 32;
const principalVias: ReadonlySet<string> = new Set<UserPrincipal['via']>(['token', 'guest', 'session']);

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function isSessionPayload(value: unknown): value is SessionPayload {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const payload = value as Record<string, unknown>;
  return (
    typeof payload.sub === 'string' &&
    isStringArray(payload.own) &&
    isStringArray(payload.roles) &&
    typeof payload.via === 'string' &&
    principalVias.has(payload.via) &&
    typeof payload.exp === 'number'
  );
}

function parsePayload(encoded: string): unknown {
  try {
    return JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
  } catch {
    // A token that does not decode is simply not a session token.
    return undefined;
  }
}

/**
 * Creates the signer for session tokens: compact `payload.signature` strings, the
 * payload base64url JSON with an expiry, the signature HMAC-SHA256 over it.
 * `now` (milliseconds since the epoch) lets tests move the clock.
 *
 * @example
 * const tokens = createSessionTokens({ secret: config.getString('auth.session.secret') });
 * const { token, expiresAt } = tokens.issue(principal, 3600);
 */
export function createSessionTokens(options: { secret: string; now?: () => number }): SessionTokens {
  const { secret, now = Date.now } = options;
  if (secret.length < minimumSecretLength) {
    throw new InputError(`Session token secret must be at least ${minimumSecretLength} characters long`);
  }
  const sign = (encodedPayload: string) => createHmac('sha256', secret).update(encodedPayload).digest();

  return {
    issue(principal, ttlSeconds) {
      if (!Number.isFinite(ttlSeconds) || ttlSeconds <= 0) {
        throw new InputError(
          `Session token lifetime must be a positive number of seconds, got ${ttlSeconds}`,
        );
      }
      const exp = Math.floor(now() / 1000 + ttlSeconds);
      const payload: SessionPayload = {
        sub: principal.userEntityRef,
        own: principal.ownershipEntityRefs,
        roles: principal.roles,
        via: principal.via,
        exp,
      };
      const encodedPayload = Buffer.from(JSON.stringify(payload)).toString('base64url');
      return {
        token: `${encodedPayload}.${sign(encodedPayload).toString('base64url')}`,
        expiresAt: new Date(exp * 1000),
      };
    },

    verify(token) {
      const [encodedPayload, encodedSignature, ...rest] = token.split('.');
      if (encodedPayload === undefined || encodedSignature === undefined || rest.length > 0) {
        return undefined;
      }
      const expected = sign(encodedPayload);
      const presented = Buffer.from(encodedSignature, 'base64url');
      if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) {
        return undefined;
      }
      const payload = parsePayload(encodedPayload);
      if (!isSessionPayload(payload) || payload.exp * 1000 <= now()) {
        return undefined;
      }
      return {
        type: 'user',
        userEntityRef: payload.sub,
        ownershipEntityRefs: payload.own,
        roles: payload.roles,
        via: payload.via,
      };
    },
  };
}
