import express from 'express';
import request from 'supertest';
import { ConflictError } from '../common/errors/ConflictError';
import { createFakeHttpRouter } from './createFakeHttpRouter';
import { createFakeLogger } from './createFakeLogger';

function createItemsRouter() {
  const router = express.Router();
  router.post('/items', (req, res) => {
    res.status(201).json({ received: req.body });
  });
  router.get('/items/taken', () => {
    throw new ConflictError("Item 'taken' already exists");
  });
  router.get('/items/broken', async () => {
    throw new Error('database password is hunter2');
  });
  return router;
}

describe('createFakeHttpRouter', () => {
  it('serves mounted handlers with JSON body parsing', async () => {
    const router = createFakeHttpRouter();
    router.use(createItemsRouter());
    const res = await request(router.app).post('/items').send({ title: 'x' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ received: { title: 'x' } });
  });

  it('mounts handlers under the mount path when one is given', async () => {
    const router = createFakeHttpRouter({ mountPath: '/api/todo' });
    router.use(createItemsRouter());
    expect((await request(router.app).post('/api/todo/items').send({})).status).toBe(201);
    expect((await request(router.app).post('/items').send({})).status).toBe(404);
  });

  it('turns an AtriumError into its status and the Backstage error body', async () => {
    const router = createFakeHttpRouter({ mountPath: '/api/todo' });
    router.use(createItemsRouter());
    const res = await request(router.app).get('/api/todo/items/taken?x=1');
    expect(res.status).toBe(409);
    expect(res.body).toEqual({
      error: { name: 'ConflictError', code: 'CONFLICT', message: "Item 'taken' already exists" },
      request: { method: 'GET', url: '/api/todo/items/taken?x=1' },
      response: { statusCode: 409 },
    });
  });

  it('hides other errors behind a generic 500 and logs them', async () => {
    const logger = createFakeLogger();
    const router = createFakeHttpRouter({ logger });
    router.use(createItemsRouter());
    const res = await request(router.app).get('/items/broken');
    expect(res.status).toBe(500);
    expect(res.body.error).toEqual({
      name: 'InternalServerError',
      code: 'INTERNAL_SERVER_ERROR',
      message: 'Internal server error',
    });
    expect(JSON.stringify(res.body)).not.toContain('hunter2');
    expect(logger.lines).toEqual([
      {
        level: 'error',
        message: 'Unexpected error while handling GET /items/broken',
        meta: { error: 'database password is hunter2', stack: expect.any(String) },
      },
    ]);
  });

  it('answers a malformed JSON body with a 400 InputError', async () => {
    const router = createFakeHttpRouter();
    router.use(createItemsRouter());
    const res = await request(router.app)
      .post('/items')
      .set('content-type', 'application/json')
      .send('{"x":');
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ name: 'InputError', code: 'INPUT_ERROR' });
    expect(res.body.error.message).toMatch(/^Request body is not valid JSON: /);
  });

  it('answers a body over the JSON limit with a 413', async () => {
    const router = createFakeHttpRouter();
    router.use(createItemsRouter());
    const res = await request(router.app)
      .post('/items')
      .send({ text: 'x'.repeat(200_000) });
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({ name: 'PayloadTooLargeError', code: 'PAYLOAD_TOO_LARGE' });
  });

  it('answers an unknown route with a 404 NotFoundError body', async () => {
    const res = await request(createFakeHttpRouter().app).delete('/nothing?x=1');
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ name: 'NotFoundError', message: 'No route for DELETE /nothing' });
  });

  it('records auth policies', () => {
    const router = createFakeHttpRouter();
    router.addAuthPolicy({ path: '/webhooks', allow: 'unauthenticated' });
    expect(router.authPolicies).toEqual([{ path: '/webhooks', allow: 'unauthenticated' }]);
  });
});
