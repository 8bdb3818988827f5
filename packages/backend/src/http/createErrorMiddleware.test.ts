import {
  AuthenticationError,
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@atrium/plugin-api';
import { createFakeLogger } from '@atrium/plugin-api/testing';
import express from 'express';
import request from 'supertest';
import { createErrorMiddleware } from './createErrorMiddleware';

function createApp(options: { includeStack: boolean; error?: unknown; pluginId?: string }) {
  const logger = createFakeLogger();
  const app = express();
  app.use(express.json({ limit: '100b' }));
  app.post('/api/echo', (req, res) => void res.json(req.body));
  app.get('/api/fail', (req) => {
    if (options.pluginId !== undefined) {
      req.atriumPluginId = options.pluginId;
    }
    throw options.error;
  });
  app.get('/api/late-failure', (_req, res, next) => {
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.write('partial');
    next(new Error('broke mid-stream'));
  });
  app.use(createErrorMiddleware({ logger, includeStack: options.includeStack }));
  return { app, lines: logger.lines };
}

describe('createErrorMiddleware', () => {
  it.each([
    [new InputError('Field spec.owner is required'), 400],
    [new AuthenticationError('Invalid credentials'), 401],
    [new NotAllowedError('You may not delete this'), 403],
    [new NotFoundError("Entity 'component:default/x' not found"), 404],
    [new ConflictError('Entity is owned by another provider'), 409],
    [new ServiceUnavailableError("Plugin 'catalog' failed to start"), 503],
  ])('maps %p to status %p with the Backstage body', async (error, statusCode) => {
    const { app, lines } = createApp({ includeStack: false, error });

    const response = await request(app).get('/api/fail?x=1');

    expect(response.status).toBe(statusCode);
    expect(response.body).toEqual({
      error: { name: error.name, code: error.code, message: error.message },
      request: { method: 'GET', url: '/api/fail?x=1' },
      response: { statusCode },
    });
    expect(lines).toEqual([]);
  });

  it('answers an unknown error with a generic 500 that does not leak its message', async () => {
    const { app } = createApp({ includeStack: false, error: new Error('password=hunter2 in db url') });

    const response = await request(app).get('/api/fail');

    expect(response.status).toBe(500);
    expect(response.body).toEqual({
      error: { name: 'InternalServerError', code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' },
      request: { method: 'GET', url: '/api/fail' },
      response: { statusCode: 500 },
    });
    expect(response.text).not.toContain('hunter2');
  });

  it('logs an unknown error with its stack and the plugin that raised it', async () => {
    const { app, lines } = createApp({
      includeStack: false,
      error: new TypeError('x is undefined'),
      pluginId: 'catalog',
    });

    await request(app).get('/api/fail?token=abc').expect(500);

    expect(lines).toEqual([
      {
        level: 'error',
        message: 'Unexpected error while handling GET /api/fail',
        meta: {
          plugin: 'catalog',
          error: 'x is undefined',
          stack: expect.stringContaining('TypeError: x is undefined'),
        },
      },
    ]);
  });

  it('treats a thrown non-error value as an unknown error', async () => {
    const { app, lines } = createApp({ includeStack: true, error: 'a string' });

    const response = await request(app).get('/api/fail');

    expect(response.status).toBe(500);
    expect(response.body.error).toEqual({
      name: 'InternalServerError',
      code: 'INTERNAL_SERVER_ERROR',
      message: 'Internal server error',
    });
    expect(lines[0]?.meta).toMatchObject({ error: 'a string' });
  });

  it('includes the stack only when includeStack is set', async () => {
    const error = new NotFoundError('gone');
    const withStack = await request(createApp({ includeStack: true, error }).app).get('/api/fail');
    const withoutStack = await request(createApp({ includeStack: false, error }).app).get('/api/fail');

    expect(withStack.body.error.stack).toContain('NotFoundError: gone');
    expect(withoutStack.body.error).not.toHaveProperty('stack');
  });

  it('answers a body over the limit with 413 and the standard error body', async () => {
    const { app } = createApp({ includeStack: false });

    const response = await request(app)
      .post('/api/echo')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ text: 'x'.repeat(200) }));

    expect(response.status).toBe(413);
    expect(response.body).toEqual({
      error: {
        name: 'PayloadTooLargeError',
        code: 'PAYLOAD_TOO_LARGE',
        message: 'Request body of 211 bytes exceeds the limit of 100 bytes',
      },
      request: { method: 'POST', url: '/api/echo' },
      response: { statusCode: 413 },
    });
  });

  it('answers malformed JSON with a 400 InputError', async () => {
    const { app } = createApp({ includeStack: false });

    const response = await request(app)
      .post('/api/echo')
      .set('Content-Type', 'application/json')
      .send('{"a":');

    expect(response.status).toBe(400);
    expect(response.body.error).toEqual({
      name: 'InputError',
      code: 'INPUT_ERROR',
      message: expect.stringMatching(/^Request body is not valid JSON: /),
    });
  });

  it('answers an unsupported body charset with 415', async () => {
    const { app } = createApp({ includeStack: false });

    const response = await request(app)
      .post('/api/echo')
      .set('Content-Type', 'application/json; charset=klingon')
      .send('{}');

    expect(response.status).toBe(415);
    expect(response.body.error).toMatchObject({
      name: 'UnsupportedMediaTypeError',
      code: 'UNSUPPORTED_MEDIA_TYPE',
    });
  });

  it('aborts the connection and logs the error when the response had already started', async () => {
    const { app, lines } = createApp({ includeStack: false });

    await expect(request(app).get('/api/late-failure')).rejects.toThrow();

    expect(lines).toEqual([
      expect.objectContaining({
        level: 'error',
        meta: expect.objectContaining({ error: 'broke mid-stream' }),
      }),
    ]);
  });
});
