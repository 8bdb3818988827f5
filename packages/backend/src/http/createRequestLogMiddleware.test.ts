import type { LoggerService } from '@atrium/plugin-api';
import { createFakeLogger } from '@atrium/plugin-api/testing';
import express from 'express';
import request from 'supertest';
import { currentRequestId } from '../logging';
import { createRequestIdMiddleware } from './createRequestIdMiddleware';
import { createRequestLogMiddleware } from './createRequestLogMiddleware';

function createApp(logger: LoggerService) {
  const app = express();
  app.use(createRequestIdMiddleware());
  app.use(createRequestLogMiddleware({ logger }));
  const api = express.Router();
  api.post('/things/:id', (_req, res) => void res.status(201).json({}));
  app.use('/api/catalog', api);
  return app;
}

describe('createRequestLogMiddleware', () => {
  it('writes one line with method, full path, status and duration', async () => {
    const logger = createFakeLogger();

    await request(createApp(logger)).post('/api/catalog/things/1').expect(201);

    expect(logger.lines).toHaveLength(1);
    expect(logger.lines[0]).toMatchObject({
      level: 'info',
      message: expect.stringMatching(/^POST \/api\/catalog\/things\/1 201 \d+ms$/),
      meta: { method: 'POST', path: '/api/catalog/things/1', status: 201, durationMs: expect.any(Number) },
    });
  });

  it('leaves query strings and the Authorization header out of the log', async () => {
    const logger = createFakeLogger();

    await request(createApp(logger))
      .post('/api/catalog/things/1?token=query-secret')
      .set('Authorization', 'Bearer header-secret')
      .expect(201);

    const logged = JSON.stringify(logger.lines);
    expect(logged).not.toContain('query-secret');
    expect(logged).not.toContain('header-secret');
    expect(logger.lines[0]?.meta).toMatchObject({ path: '/api/catalog/things/1' });
  });

  it('writes the line under the request id of its request', async () => {
    const logger = createFakeLogger({ context: () => ({ requestId: currentRequestId() }) });

    await request(createApp(logger)).get('/nowhere').set('X-Request-Id', 'req-42').expect(404);

    expect(logger.lines).toEqual([
      expect.objectContaining({ meta: expect.objectContaining({ requestId: 'req-42' }) }),
    ]);
  });
});
