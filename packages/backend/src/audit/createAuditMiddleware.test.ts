import { createFakeAuth, createFakeLogger } from '@atrium/plugin-api/testing';
import express from 'express';
import request from 'supertest';
import { createAuthService } from '../auth/createAuthService';
import { createRequestIdMiddleware } from '../http/createRequestIdMiddleware';
import { waitFor } from '../testing/waitFor';
import type { AuditStore } from './AuditStore';
import { createAuditMiddleware } from './createAuditMiddleware';
import { createAuditRecorder } from './createAuditRecorder';
import { describeAuditAction } from './describeAuditAction';
import { refusedPrincipal } from './refusedPrincipal';

type Insert = AuditStore['insert'];

function appWith(insert: jest.Mock<ReturnType<Insert>, Parameters<Insert>>) {
  const logger = createFakeLogger();
  const app = express();
  app.use(createRequestIdMiddleware());
  app.use(
    '/api',
    createAuditMiddleware({
      recorder: createAuditRecorder({ store: { insert } as unknown as AuditStore, logger }),
      auth: createFakeAuth({
        type: 'user',
        userEntityRef: 'user:default/Jane',
        ownershipEntityRefs: ['user:default/jane'],
        roles: [],
        via: 'session',
      }),
      describe: describeAuditAction(
        [
          {
            id: 'catalog',
            title: 'Catalog',
            description: 'd',
            owner: 'o',
            pluginApi: 1,
            backend: {
              entry: 'e',
              export: 'x',
              consumes: [],
              provides: [],
              routes: ['DELETE /locations/:id'],
              readOnlyRoutes: [],
              events: { emits: [], subscribes: [] },
              permissions: [],
            },
          },
        ],
        { routes: ['POST /permissions/authorize'], readOnlyRoutes: ['POST /permissions/authorize'] },
      ),
    }),
  );
  app.delete('/api/catalog/locations/:id', (_req, res) => {
    res.status(204).end();
  });
  app.post('/api/core/permissions/authorize', (_req, res) => {
    res.json({ items: [] });
  });
  app.get('/api/catalog/locations', (_req, res) => {
    res.json({ items: [] });
  });
  return { app, logger };
}

describe('createAuditMiddleware', () => {
  it('records an unsafe request with the route pattern, the path without its query, and one audit log line', async () => {
    const insert = jest.fn<ReturnType<Insert>, Parameters<Insert>>(async () => undefined);
    const { app, logger } = appWith(insert);

    const res = await request(app)
      .delete('/api/catalog/locations/42?token=secret-in-query')
      .set('X-Request-Id', 'req-42');

    expect(res.status).toBe(204);
    await waitFor('the audit insert', () => insert.mock.calls.length === 1);
    expect(insert).toHaveBeenCalledWith({
      at: expect.any(Date),
      actor: 'user:default/jane',
      via: 'session',
      action: 'catalog:DELETE /locations/:id',
      target: '/api/catalog/locations/42',
      outcome: 'success',
      status: 204,
      requestId: 'req-42',
      pluginId: 'catalog',
    });
    const lines = logger.lines.filter((line) => line.meta.audit === true);
    expect(lines).toEqual([
      expect.objectContaining({
        level: 'info',
        meta: expect.objectContaining({ action: 'catalog:DELETE /locations/:id', outcome: 'success' }),
      }),
    ]);
    expect(JSON.stringify(logger.lines)).not.toContain('secret-in-query');
  });

  it('records nothing for safe methods or read-only routes', async () => {
    const insert = jest.fn<ReturnType<Insert>, Parameters<Insert>>(async () => undefined);
    const { app } = appWith(insert);

    await request(app).get('/api/catalog/locations').expect(200);
    await request(app).post('/api/core/permissions/authorize').send({ items: [] }).expect(200);
    await request(app).delete('/api/catalog/locations/7').expect(204);

    await waitFor('the audit insert', () => insert.mock.calls.length === 1);
    expect(insert.mock.calls.map(([record]) => record.target)).toEqual(['/api/catalog/locations/7']);
  });

  it('logs a failing insert as an error and leaves the response alone', async () => {
    const insert = jest.fn<ReturnType<Insert>, Parameters<Insert>>(async () => {
      throw new Error('database is gone');
    });
    const { app, logger } = appWith(insert);

    await request(app).delete('/api/catalog/locations/9').expect(204);

    await waitFor('the error line', () => logger.lines.some((line) => line.level === 'error'));
    expect(logger.lines.find((line) => line.level === 'error')?.message).toBe(
      'Could not record the audit event for catalog:DELETE /locations/:id /api/catalog/locations/9',
    );
  });

  it('names the owner of a refused session and skips anonymous 401s, reading the caller after the response', async () => {
    const insert = jest.fn<ReturnType<Insert>, Parameters<Insert>>(async () => undefined);
    const logger = createFakeLogger();
    const app = express();
    app.use(
      '/api',
      createAuditMiddleware({
        recorder: createAuditRecorder({ store: { insert } as unknown as AuditStore, logger }),
        auth: createAuthService(),
        describe: describeAuditAction([], { routes: [], readOnlyRoutes: [] }),
      }),
    );
    app.post('/api/refused', (req, res) => {
      refusedPrincipal.set(req, {
        type: 'user',
        userEntityRef: 'user:default/Jane',
        ownershipEntityRefs: [],
        roles: [],
        via: 'session',
      });
      res.status(403).end();
    });
    app.post('/api/anonymous', (_req, res) => {
      res.status(401).end();
    });
    app.post('/api/public', (_req, res) => {
      res.status(200).end();
    });

    await request(app).post('/api/anonymous').expect(401);
    await request(app).post('/api/refused').expect(403);
    await request(app).post('/api/public').expect(200);

    await waitFor('two audit inserts', () => insert.mock.calls.length === 2);
    expect(
      insert.mock.calls.map(([record]) => [record.actor, record.via, record.target, record.outcome]),
    ).toEqual([
      ['user:default/jane', 'session', '/api/refused', 'failure'],
      ['anonymous', undefined, '/api/public', 'success'],
    ]);
  });
});
