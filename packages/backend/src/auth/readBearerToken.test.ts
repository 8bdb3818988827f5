import express from 'express';
import request from 'supertest';
import { readBearerToken } from './readBearerToken';

function createApp() {
  const app = express();
  app.get('/', (req, res) => void res.json({ token: readBearerToken(req) ?? null }));
  return app;
}

describe('readBearerToken', () => {
  it.each([
    ['Bearer abc.DEF-_~+/==', 'abc.DEF-_~+/=='],
    ['bearer abc', 'abc'],
    ['Bearer   abc  ', 'abc'],
  ])('reads the token from %p', async (header, token) => {
    const response = await request(createApp()).get('/').set('Authorization', header);
    expect(response.body).toEqual({ token });
  });

  it.each([['Basic dXNlcjpwYXNz'], ['Bearer'], ['Bearer a b'], ['Bearer <script>']])(
    'finds no token in %p',
    async (header) => {
      const response = await request(createApp()).get('/').set('Authorization', header);
      expect(response.body).toEqual({ token: null });
    },
  );

  it('finds no token when there is no Authorization header', async () => {
    const response = await request(createApp()).get('/');
    expect(response.body).toEqual({ token: null });
  });
});
