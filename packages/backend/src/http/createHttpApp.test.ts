import { createFakeLogger } from '@atrium/plugin-api/testing';
import express from 'express';
import request from 'supertest';
import { currentRequestId } from '../logging';
import { createErrorMiddleware } from './createErrorMiddleware';
import { createHttpApp } from './createHttpApp';
import { createNotFoundHandler } from './createNotFoundHandler';

/** Assembles the app the way the host does: API routes, the /api 404, then the error middleware. */
function createHostedApp(
  options: { ready?: boolean; bodyLimit?: string; contentSecurityPolicy?: Record<string, string[]> } = {},
) {
  const logger = createFakeLogger({ context: () => ({ requestId: currentRequestId() }) });
  const app = createHttpApp({
    logger,
    isReady: () => options.ready ?? true,
    includeStack: false,
    ...(options.bodyLimit === undefined ? {} : { bodyLimit: options.bodyLimit }),
    ...(options.contentSecurityPolicy === undefined
      ? {}
      : { contentSecurityPolicy: options.contentSecurityPolicy }),
  });
  const api = express.Router();
  api.post('/echo', (req, res) => {
    logger.info('echoing');
    res.json(req.body);
  });
  app.use('/api', api);
  app.use('/api', createNotFoundHandler());
  app.use(createErrorMiddleware({ logger, includeStack: false }));
  return { app, lines: logger.lines };
}

describe('createHttpApp', () => {
  it('answers /healthz with 200 ok once ready', async () => {
    const response = await request(createHostedApp({ ready: true }).app).get('/healthz');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  it('answers /healthz with 503 starting until ready', async () => {
    const response = await request(createHostedApp({ ready: false }).app).get('/healthz');
    expect(response.status).toBe(503);
    expect(response.body).toEqual({ status: 'starting' });
  });

  it('sets security headers with a strict default CSP and no X-Powered-By', async () => {
    const response = await request(createHostedApp().app).get('/healthz');
    expect(response.headers['content-security-policy']).toBe("default-src 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(response.headers).not.toHaveProperty('x-powered-by');
  });

  it('uses the configured Content-Security-Policy instead of the default', async () => {
    const { app } = createHostedApp({
      contentSecurityPolicy: {
        'default-src': ["'self'"],
        'script-src': ["'self'", 'https://cdn.example.com'],
      },
    });
    const response = await request(app).get('/healthz');
    expect(response.headers['content-security-policy']).toBe(
      "default-src 'self';script-src 'self' https://cdn.example.com",
    );
  });

  it('echoes the request id and logs every line of the request under it', async () => {
    const { app, lines } = createHostedApp();

    const response = await request(app).post('/api/echo').set('X-Request-Id', 'trace-1').send({ a: 1 });

    expect(response.headers['x-request-id']).toBe('trace-1');
    expect(lines.map((line) => [line.message, line.meta.requestId])).toEqual([
      ['echoing', 'trace-1'],
      [expect.stringMatching(/^POST \/api\/echo 200 \d+ms$/), 'trace-1'],
    ]);
  });

  it('parses JSON bodies up to the default 1mb limit', async () => {
    const body = { text: 'x'.repeat(900_000) };
    const response = await request(createHostedApp().app).post('/api/echo').send(body);
    expect(response.status).toBe(200);
    expect(response.body).toEqual(body);
  });

  it('rejects a body over the configured limit with 413', async () => {
    const response = await request(createHostedApp({ bodyLimit: '1kb' }).app)
      .post('/api/echo')
      .send({ text: 'x'.repeat(2000) });
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({
      error: { name: 'PayloadTooLargeError', code: 'PAYLOAD_TOO_LARGE' },
      request: { method: 'POST', url: '/api/echo' },
      response: { statusCode: 413 },
    });
  });

  it('rejects malformed JSON with a 400 InputError', async () => {
    const response = await request(createHostedApp().app)
      .post('/api/echo')
      .set('Content-Type', 'application/json')
      .send('{not json');
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ name: 'InputError', code: 'INPUT_ERROR' });
  });

  it('answers an unknown /api route with 404 after the host mounts the not-found handler', async () => {
    const response = await request(createHostedApp().app).get('/api/nothing-here');
    expect(response.status).toBe(404);
    expect(response.body.error.message).toBe('No route for GET /api/nothing-here');
  });

  it.each([
    [false, 'is hidden'],
    [true, 'is shown'],
  ])('with includeStack %p, a stack reaching express fallback handler %s', async (includeStack) => {
    const app = createHttpApp({ logger: createFakeLogger(), isReady: () => true, includeStack });
    app.get('/unhandled', () => {
      throw new Error('reached the fallback handler');
    });

    // Express's fallback handler logs the error to the console on the next tick; wait for it
    // so that it lands inside this test rather than after the file is done.
    const logged = new Promise<void>((resolve) => {
      jest.spyOn(console, 'error').mockImplementationOnce(() => resolve());
    });
    const response = await request(app).get('/unhandled');
    await logged;

    expect(response.status).toBe(500);
    expect(response.text.includes('reached the fallback handler')).toBe(includeStack);
  });
});
