import { createFakeLogger } from '@atrium/plugin-api/testing';
import express from 'express';
import request from 'supertest';
import { createErrorMiddleware } from '../http';
import { coreAuthPublicPaths } from './coreAuthPublicPaths';
import { createAuthMiddleware } from './createAuthMiddleware';
import { createCoreAuthRouter } from './createCoreAuthRouter';
import { createSessionAuthenticator } from './createSessionAuthenticator';
import { createSessionTokens } from './createSessionTokens';
import { createStaticTokenAuthenticator } from './createStaticTokenAuthenticator';

const startMs = Date.UTC(2030, 0, 1);
const tokens = createSessionTokens({ secret: 'a-test-secret-that-is-long-enough-1234', now: () => startMs });

/** Mounts the router the way the host does: at /api/core/auth behind the auth middleware. */
function createApp(guestEnabled: boolean) {
  const logger = createFakeLogger();
  const app = express();
  app.use(
    '/api/core/auth',
    createAuthMiddleware({
      authenticators: [
        createStaticTokenAuthenticator([
          { token: 'ci-token-0123456789', subject: 'user:default/ci-bot', roles: ['admin'] },
        ]),
        createSessionAuthenticator(tokens),
      ],
      isPublic: (req) => coreAuthPublicPaths.includes(req.path),
    }),
    createCoreAuthRouter({ guest: { enabled: guestEnabled }, tokens, logger }),
  );
  app.use(createErrorMiddleware({ logger, includeStack: false }));
  return app;
}

const guestIdentity = {
  userEntityRef: 'user:default/guest',
  ownershipEntityRefs: ['user:default/guest'],
  roles: [],
};

describe('createCoreAuthRouter', () => {
  it('signs a guest in without credentials when guest sign-in is enabled', async () => {
    const response = await request(createApp(true)).post('/api/core/auth/guest/sign-in');

    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      token: expect.any(String),
      expiresAt: '2030-01-01T01:00:00.000Z',
      identity: guestIdentity,
    });
    expect(tokens.verify(response.body.token)).toEqual({ type: 'user', ...guestIdentity, via: 'guest' });
  });

  it('answers guest sign-in with 404 and the config key to set when it is disabled', async () => {
    const response = await request(createApp(false)).post('/api/core/auth/guest/sign-in');

    expect(response.status).toBe(404);
    expect(response.body).toEqual({
      error: {
        name: 'NotFoundError',
        code: 'NOT_FOUND',
        message: 'Guest sign-in is not enabled; set auth.guest.enabled in app-config.yaml',
      },
      request: { method: 'POST', url: '/api/core/auth/guest/sign-in' },
      response: { statusCode: 404 },
    });
  });

  it('returns the identity of the guest session on /me', async () => {
    const app = createApp(true);
    const { body } = await request(app).post('/api/core/auth/guest/sign-in');

    const response = await request(app).get('/api/core/auth/me').set('Authorization', `Bearer ${body.token}`);

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ identity: guestIdentity });
  });

  it('returns the identity of a static token on /me', async () => {
    const response = await request(createApp(false))
      .get('/api/core/auth/me')
      .set('Authorization', 'Bearer ci-token-0123456789');

    expect(response.body).toEqual({
      identity: {
        userEntityRef: 'user:default/ci-bot',
        ownershipEntityRefs: ['user:default/ci-bot'],
        roles: ['admin'],
      },
    });
  });

  it('requires credentials on /me', async () => {
    const response = await request(createApp(true)).get('/api/core/auth/me');

    expect(response.status).toBe(401);
    expect(response.body.error).toMatchObject({ name: 'AuthenticationError', code: 'AUTHENTICATION_ERROR' });
  });

  it('requires credentials on /me even if the host wrongly made it public', async () => {
    const logger = createFakeLogger();
    const app = express();
    app.use(
      '/api/core/auth',
      createAuthMiddleware({ authenticators: [], isPublic: () => true }),
      createCoreAuthRouter({ guest: { enabled: true }, tokens, logger }),
    );
    app.use(createErrorMiddleware({ logger, includeStack: false }));

    const response = await request(app).get('/api/core/auth/me');

    expect(response.status).toBe(401);
  });
});
