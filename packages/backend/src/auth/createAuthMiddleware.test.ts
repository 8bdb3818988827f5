import type { UserPrincipal } from '@atrium/plugin-api';
import { createFakeLogger } from '@atrium/plugin-api/testing';
import express from 'express';
import request from 'supertest';
import { createErrorMiddleware } from '../http';
import type { Authenticator } from './Authenticator';
import { createAuthMiddleware } from './createAuthMiddleware';
import { createAuthService } from './createAuthService';
import { createStaticTokenAuthenticator } from './createStaticTokenAuthenticator';

const jane: UserPrincipal = {
  type: 'user',
  userEntityRef: 'user:default/jane',
  ownershipEntityRefs: ['user:default/jane', 'group:default/team-a'],
  roles: [],
  via: 'session',
};

/** Stands in for the session authenticator: recognises one bearer value as jane. */
const janeAuthenticator: Authenticator = {
  name: 'jane',
  authenticate: async (req) => (req.get('authorization') === 'Bearer jane-session' ? jane : undefined),
};

function createApp(authenticators?: Authenticator[]) {
  const auth = createAuthService();
  const app = express();
  app.use(
    '/api',
    createAuthMiddleware({
      authenticators: authenticators ?? [
        createStaticTokenAuthenticator([
          { token: 'ci-token-0123456789', subject: 'user:default/ci-bot', roles: ['admin'] },
        ]),
        janeAuthenticator,
      ],
      isPublic: (req) => req.path.startsWith('/public/'),
    }),
  );
  const whoami: express.RequestHandler = (req, res) => void res.json(auth.credentials(req));
  app.get('/api/private/whoami', whoami);
  app.get('/api/public/whoami', whoami);
  app.use(createErrorMiddleware({ logger: createFakeLogger(), includeStack: false }));
  return app;
}

describe('createAuthMiddleware', () => {
  it('rejects a request without credentials on a non-public route with a 401 body', async () => {
    const response = await request(createApp()).get('/api/private/whoami');

    expect(response.status).toBe(401);
    expect(response.body).toEqual({
      error: {
        name: 'AuthenticationError',
        code: 'AUTHENTICATION_ERROR',
        message:
          'Missing credentials: sign in to the portal, or send an Authorization: Bearer <token> header',
      },
      request: { method: 'GET', url: '/api/private/whoami' },
      response: { statusCode: 401 },
    });
  });

  it('rejects a wrong token with 401 Invalid credentials', async () => {
    const response = await request(createApp())
      .get('/api/private/whoami')
      .set('Authorization', 'Bearer wrong');

    expect(response.status).toBe(401);
    expect(response.body).toEqual({
      error: { name: 'AuthenticationError', code: 'AUTHENTICATION_ERROR', message: 'Invalid credentials' },
      request: { method: 'GET', url: '/api/private/whoami' },
      response: { statusCode: 401 },
    });
  });

  it('rejects an Authorization header of an unknown scheme', async () => {
    const response = await request(createApp()).get('/api/private/whoami').set('Authorization', 'Basic dTpw');
    expect(response.status).toBe(401);
    expect(response.body.error.message).toBe('Invalid credentials');
  });

  it('lets a valid static token through as its subject', async () => {
    const response = await request(createApp())
      .get('/api/private/whoami')
      .set('Authorization', 'Bearer ci-token-0123456789');

    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      principal: {
        type: 'user',
        userEntityRef: 'user:default/ci-bot',
        ownershipEntityRefs: ['user:default/ci-bot'],
        roles: ['admin'],
        via: 'token',
      },
    });
  });

  it('lets the principal of a later authenticator through when an earlier one does not recognise the request', async () => {
    const response = await request(createApp())
      .get('/api/private/whoami')
      .set('Authorization', 'Bearer jane-session');

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ principal: jane });
  });

  it('lets an anonymous request through a public route as the none principal', async () => {
    const response = await request(createApp()).get('/api/public/whoami');

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ principal: { type: 'none' } });
  });

  it('identifies a caller with a valid token on a public route', async () => {
    const response = await request(createApp())
      .get('/api/public/whoami')
      .set('Authorization', 'Bearer ci-token-0123456789');

    expect(response.body.principal).toMatchObject({ type: 'user', userEntityRef: 'user:default/ci-bot' });
  });

  it('rejects a bad token even on a public route', async () => {
    const response = await request(createApp())
      .get('/api/public/whoami')
      .set('Authorization', 'Bearer wrong');

    expect(response.status).toBe(401);
    expect(response.body.error.message).toBe('Invalid credentials');
  });

  it('uses the first authenticator that recognises the request', async () => {
    const named = (name: string): Authenticator => ({
      name,
      authenticate: async () => ({ ...jane, userEntityRef: `user:default/${name}` }),
    });
    const response = await request(
      createApp([{ name: 'none', authenticate: async () => undefined }, named('first'), named('second')]),
    ).get('/api/private/whoami');

    expect(response.body.principal.userEntityRef).toBe('user:default/first');
  });

  it('passes an authenticator failure on to the error middleware', async () => {
    const failing: Authenticator = {
      name: 'failing',
      authenticate: async () => {
        throw new Error('identity provider unreachable');
      },
    };
    const response = await request(createApp([failing])).get('/api/private/whoami');

    expect(response.status).toBe(500);
    expect(response.text).not.toContain('unreachable');
  });
});
