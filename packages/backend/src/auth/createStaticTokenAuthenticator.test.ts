import type { Request } from 'express';
import { createStaticTokenAuthenticator } from './createStaticTokenAuthenticator';

function requestWith(authorization?: string): Request {
  return {
    get: (name: string) => (name.toLowerCase() === 'authorization' ? authorization : undefined),
  } as Request;
}

describe('createStaticTokenAuthenticator', () => {
  const authenticator = createStaticTokenAuthenticator([
    { token: 'ci-token-0123456789', subject: 'user:default/ci-bot', roles: ['admin'] },
    { token: 'reader-token-0123456789', subject: 'user:default/reader', roles: [] },
  ]);

  it('turns a configured token into a user principal acting as its subject', async () => {
    await expect(authenticator.authenticate(requestWith('Bearer ci-token-0123456789'))).resolves.toEqual({
      type: 'user',
      userEntityRef: 'user:default/ci-bot',
      ownershipEntityRefs: ['user:default/ci-bot'],
      roles: ['admin'],
      via: 'token',
    });
    await expect(
      authenticator.authenticate(requestWith('Bearer reader-token-0123456789')),
    ).resolves.toMatchObject({
      userEntityRef: 'user:default/reader',
    });
  });

  it.each([
    ['a wrong token', 'Bearer wrong-token'],
    ['a prefix of a configured token', 'Bearer ci-token'],
    ['a configured token with a suffix', 'Bearer ci-token-0123456789x'],
    ['another scheme', 'Basic ci-token-0123456789'],
  ])('does not recognise %s', async (_description, header) => {
    await expect(authenticator.authenticate(requestWith(header))).resolves.toBeUndefined();
  });

  it('does not recognise a request without an Authorization header', async () => {
    await expect(authenticator.authenticate(requestWith())).resolves.toBeUndefined();
  });

  it('hands out a copy of the roles so callers cannot change the configuration', async () => {
    const principal = await authenticator.authenticate(requestWith('Bearer ci-token-0123456789'));
    principal?.roles.push('owner');
    await expect(
      authenticator.authenticate(requestWith('Bearer ci-token-0123456789')),
    ).resolves.toMatchObject({
      roles: ['admin'],
    });
  });

  it('owns what the subject and its groups own when given an ownership lookup', async () => {
    const withGroups = createStaticTokenAuthenticator(
      [{ token: 'ci-token-0123456789', subject: 'user:default/ci-bot', roles: [] }],
      async (ref) => [ref, 'group:default/platform', 'group:default/eng'],
    );
    await expect(withGroups.authenticate(requestWith('Bearer ci-token-0123456789'))).resolves.toMatchObject({
      ownershipEntityRefs: ['user:default/ci-bot', 'group:default/platform', 'group:default/eng'],
    });
  });
});
