import type { UserPrincipal } from '@atrium/plugin-api';
import type { Request } from 'express';
import { createSessionAuthenticator } from './createSessionAuthenticator';
import { createSessionTokens } from './createSessionTokens';

function requestWith(authorization?: string): Request {
  return {
    get: (name: string) => (name.toLowerCase() === 'authorization' ? authorization : undefined),
  } as Request;
}

const guest: UserPrincipal = {
  type: 'user',
  userEntityRef: 'user:default/guest',
  ownershipEntityRefs: ['user:default/guest'],
  roles: [],
  via: 'guest',
};

describe('createSessionAuthenticator', () => {
  const tokens = createSessionTokens({ secret: 'a-test-secret-that-is-long-enough-1234' });
  const authenticator = createSessionAuthenticator(tokens);

  it('turns a bearer session token into its principal', async () => {
    const { token } = tokens.issue(guest, 60);
    await expect(authenticator.authenticate(requestWith(`Bearer ${token}`))).resolves.toEqual(guest);
  });

  it('does not recognise a bearer token that is not a valid session token', async () => {
    await expect(authenticator.authenticate(requestWith('Bearer static-token'))).resolves.toBeUndefined();
  });

  it('does not recognise a request without an Authorization header', async () => {
    await expect(authenticator.authenticate(requestWith())).resolves.toBeUndefined();
  });
});
