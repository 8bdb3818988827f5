import { AuthenticationError } from '@atrium/plugin-api';
import express from 'express';
import request from 'supertest';
import { createAuthService } from './createAuthService';
import { requestCredentials } from './requestCredentials';

describe('createAuthService', () => {
  const auth = createAuthService();

  function createApp(setCredentials: (req: express.Request) => void) {
    const app = express();
    app.get('/', (req, res) => {
      setCredentials(req);
      let user: unknown;
      try {
        user = auth.userCredentials(req);
      } catch (error) {
        user = error instanceof AuthenticationError ? 'AuthenticationError' : 'other error';
      }
      res.json({ credentials: auth.credentials(req), user });
    });
    return app;
  }

  it('returns the credentials the middleware stored and accepts them as a user', async () => {
    const principal = {
      type: 'user' as const,
      userEntityRef: 'user:default/jane',
      ownershipEntityRefs: ['user:default/jane'],
      roles: [],
      via: 'session' as const,
    };
    const response = await request(createApp((req) => requestCredentials.set(req, { principal }))).get('/');

    expect(response.body).toEqual({ credentials: { principal }, user: { principal } });
  });

  it('refuses an anonymous caller where a user is needed', async () => {
    const response = await request(
      createApp((req) => requestCredentials.set(req, { principal: { type: 'none' } })),
    ).get('/');

    expect(response.body).toEqual({
      credentials: { principal: { type: 'none' } },
      user: 'AuthenticationError',
    });
  });

  it('treats a request the middleware never saw as anonymous', async () => {
    const response = await request(createApp(() => {})).get('/');

    expect(response.body).toEqual({
      credentials: { principal: { type: 'none' } },
      user: 'AuthenticationError',
    });
  });
});
