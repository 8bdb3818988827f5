import { createFakeLogger } from '@atrium/plugin-api/testing';
import express from 'express';
import request from 'supertest';
import { createErrorMiddleware } from './createErrorMiddleware';
import { createNotFoundHandler } from './createNotFoundHandler';

describe('createNotFoundHandler', () => {
  it('answers an unmatched /api request with a NotFoundError naming method and path', async () => {
    const app = express();
    app.use(
      '/api',
      express.Router().get('/known', (_req, res) => void res.json({})),
    );
    app.use('/api', createNotFoundHandler());
    app.use(createErrorMiddleware({ logger: createFakeLogger(), includeStack: false }));

    const response = await request(app).delete('/api/x?token=secret');

    expect(response.status).toBe(404);
    expect(response.body).toEqual({
      error: { name: 'NotFoundError', code: 'NOT_FOUND', message: 'No route for DELETE /api/x' },
      request: { method: 'DELETE', url: '/api/x?token=secret' },
      response: { statusCode: 404 },
    });
  });
});
