import { Router } from 'express';
import { listRouterRoutes } from './listRouterRoutes';

describe('listRouterRoutes', () => {
  it('lists every method and path, including nested routers and chained routes', () => {
    const router = Router();
    const nested = Router();
    const noop = () => undefined;
    router.get('/entities', noop);
    router.route('/locations/:id').get(noop).delete(noop);
    nested.post('/refresh', noop);
    router.use('/admin', nested);
    router.use(noop);
    expect(listRouterRoutes(router).sort()).toEqual([
      'DELETE /locations/:id',
      'GET /entities',
      'GET /locations/:id',
      'POST /admin/refresh',
    ]);
  });
});
