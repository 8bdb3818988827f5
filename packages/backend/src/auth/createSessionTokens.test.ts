import { createHmac } from 'node:crypto';
import { InputError, type UserPrincipal } from '@atrium/plugin-api';
import { createSessionTokens } from './createSessionTokens';

const secret = 'a-test-secret-that-is-long-enough-1234';

const jane: UserPrincipal = {
  type: 'user',
  userEntityRef: 'user:default/jane',
  ownershipEntityRefs: ['user:default/jane', 'group:default/team-a'],
  roles: ['admin'],
  via: 'session',
};

function createClock(startMs: number) {
  let nowMs = startMs;
  return {
    now: () => nowMs,
    advanceSeconds: (seconds: number) => {
      nowMs += seconds * 1000;
    },
  };
}

describe('createSessionTokens', () => {
  it('issues a token that verifies back to the same principal', () => {
    const tokens = createSessionTokens({ secret });
    const { token } = tokens.issue(jane, 60);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(tokens.verify(token)).toEqual(jane);
  });

  it('reports when the token expires', () => {
    const clock = createClock(Date.UTC(2030, 0, 1));
    const { expiresAt } = createSessionTokens({ secret, now: clock.now }).issue(jane, 3600);
    expect(expiresAt).toEqual(new Date(Date.UTC(2030, 0, 1, 1)));
  });

  it('accepts a token until it expires and rejects it from then on', () => {
    const clock = createClock(Date.UTC(2030, 0, 1));
    const tokens = createSessionTokens({ secret, now: clock.now });
    const { token } = tokens.issue(jane, 60);

    clock.advanceSeconds(59);
    expect(tokens.verify(token)).toEqual(jane);
    clock.advanceSeconds(1);
    expect(tokens.verify(token)).toBeUndefined();
  });

  it('rejects a token whose payload was changed', () => {
    const tokens = createSessionTokens({ secret });
    const [, signature] = tokens.issue(jane, 60).token.split('.');
    const forgedPayload = Buffer.from(
      JSON.stringify({
        sub: 'user:default/admin',
        own: [],
        roles: ['admin'],
        via: 'session',
        exp: 9999999999,
      }),
    ).toString('base64url');
    expect(tokens.verify(`${forgedPayload}.${signature}`)).toBeUndefined();
  });

  it('rejects a token whose signature was changed', () => {
    const tokens = createSessionTokens({ secret });
    const { token } = tokens.issue(jane, 60);
    const last = token.at(-1) === 'A' ? 'B' : 'A';
    expect(tokens.verify(`${token.slice(0, -1)}${last}`)).toBeUndefined();
  });

  it('rejects a token signed with another secret', () => {
    const { token } = createSessionTokens({ secret: `${secret}-other` }).issue(jane, 60);
    expect(createSessionTokens({ secret }).verify(token)).toBeUndefined();
  });

  it.each([[''], ['no-dot'], ['a.b.c'], ['not base64!.sig'], ['.']])(
    'rejects the malformed token %p',
    (token) => {
      expect(createSessionTokens({ secret }).verify(token)).toBeUndefined();
    },
  );

  it('rejects a correctly signed payload that is not a session', () => {
    const tokens = createSessionTokens({ secret });
    const [payload, signature] = tokens.issue(jane, 60).token.split('.');
    // Re-sign a payload with a missing field, as a buggy or older issuer might.
    const broken = Buffer.from(JSON.stringify({ sub: 'user:default/jane', exp: 9999999999 })).toString(
      'base64url',
    );
    const brokenSignature = createHmac('sha256', secret).update(broken).digest('base64url');
    expect(tokens.verify(`${payload}.${signature}`)).toEqual(jane);
    expect(tokens.verify(`${broken}.${brokenSignature}`)).toBeUndefined();
  });

  it('refuses a secret shorter than 32 characters', () => {
    expect(() => createSessionTokens({ secret: 'short' })).toThrow(InputError);
  });

  it.each([[0], [-5], [Number.NaN]])('refuses to issue a token with the lifetime %p', (ttlSeconds) => {
    expect(() => createSessionTokens({ secret }).issue(jane, ttlSeconds)).toThrow(InputError);
  });
});
