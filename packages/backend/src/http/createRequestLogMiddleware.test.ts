import type { LoggerService, LogMeta } from '@atrium/plugin-api';
import express from 'express';
import request from 'supertest';
import { currentRequestId } from '../logging';
import { createRequestIdMiddleware } from './createRequestIdMiddleware';
import { createRequestLogMiddleware } from './createRequestLogMiddleware';

interface LogLine {
  level: string;
  message: string;
  meta?: LogMeta | Error;
  requestId?: string;
}

function createRecordingLogger(): { logger: LoggerService; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const record = (level: string) => (message: string, meta?: LogMeta | Error) =>
    void lines.push({ level, message, meta, requestId: currentRequestId() });
  const logger: LoggerService = {
    error: record('error'),
    warn: record('warn'),
    info: record('info'),
    debug: record('debug'),
    child: () => logger,
  };
  return { logger, lines };
}

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
    const { logger, lines } = createRecordingLogger();

    await request(createApp(logger)).post('/api/catalog/things/1').expect(201);

    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 'info',
      message: expect.stringMatching(/^POST \/api\/catalog\/things\/1 201 \d+ms$/),
      meta: { method: 'POST', path: '/api/catalog/things/1', status: 201, durationMs: expect.any(Number) },
    });
  });

  it('leaves query strings and the Authorization header out of the log', async () => {
    const { logger, lines } = createRecordingLogger();

    await request(createApp(logger))
      .post('/api/catalog/things/1?token=query-secret')
      .set('Authorization', 'Bearer header-secret')
      .expect(201);

    const logged = JSON.stringify(lines);
    expect(logged).not.toContain('query-secret');
    expect(logged).not.toContain('header-secret');
    expect(lines[0]?.meta).toMatchObject({ path: '/api/catalog/things/1' });
  });

  it('writes the line under the request id of its request', async () => {
    const { logger, lines } = createRecordingLogger();

    await request(createApp(logger)).get('/nowhere').set('X-Request-Id', 'req-42').expect(404);

    expect(lines).toEqual([expect.objectContaining({ requestId: 'req-42' })]);
  });
});
