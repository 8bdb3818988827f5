import express from 'express';
import request from 'supertest';
import { currentRequestId } from '../logging';
import { createRequestIdMiddleware } from './createRequestIdMiddleware';

function createApp() {
  const app = express();
  app.use(createRequestIdMiddleware());
  app.get('/id', async (_req, res) => {
    // The id must survive an await, not only the synchronous part of the handler.
    await Promise.resolve();
    res.json({ requestId: currentRequestId() });
  });
  return app;
}

describe('createRequestIdMiddleware', () => {
  it('echoes a well-formed incoming request id and runs the handler under it', async () => {
    const response = await request(createApp()).get('/id').set('X-Request-Id', 'abc.DEF_123-x');
    expect(response.headers['x-request-id']).toBe('abc.DEF_123-x');
    expect(response.body).toEqual({ requestId: 'abc.DEF_123-x' });
  });

  it('generates a request id when none is sent', async () => {
    const response = await request(createApp()).get('/id');
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.body).toEqual({ requestId: response.headers['x-request-id'] });
  });

  it.each([
    ['characters outside the allowed set', 'abc def<script>'],
    ['more than 64 characters', 'a'.repeat(65)],
  ])('replaces an incoming request id with %s', async (_description, incoming) => {
    const response = await request(createApp()).get('/id').set('X-Request-Id', incoming);
    expect(response.headers['x-request-id']).not.toBe(incoming);
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('gives concurrent requests their own ids', async () => {
    const app = createApp();
    const responses = await Promise.all(
      ['one', 'two', 'three'].map((id) => request(app).get('/id').set('X-Request-Id', id)),
    );
    expect(responses.map((response) => response.body.requestId)).toEqual(['one', 'two', 'three']);
  });
});
