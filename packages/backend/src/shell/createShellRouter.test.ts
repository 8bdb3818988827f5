import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFakeLogger } from '@atrium/plugin-api/testing';
import express, { type Request } from 'express';
import request from 'supertest';
import { createErrorMiddleware } from '../http';
import { createShellRouter } from './createShellRouter';
import type { PreloadLink } from './PreloadLink';

function appFor(distDir: string, preloadsFor?: (req: Request) => Promise<PreloadLink[]>) {
  const app = express();
  app.use(createShellRouter({ distDir, ...(preloadsFor ? { preloadsFor } : {}) }));
  app.use(createErrorMiddleware({ logger: createFakeLogger(), includeStack: false }));
  return app;
}

describe('createShellRouter', () => {
  let dir: string;
  let distDir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'atrium-shell-'));
    distDir = join(dir, 'dist');
    mkdirSync(distDir);
    writeFileSync(join(distDir, 'index.html'), '<!doctype html><head></head><div id="root"></div>');
    writeFileSync(join(distDir, 'main.js'), 'import("./bootstrap")');
    writeFileSync(join(distDir, '427.744db881.js'), 'chunk');
    writeFileSync(join(distDir, '677.a31b74b9.css'), 'body{}');
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('serves hashed files as immutable for a year', async () => {
    const res = await request(appFor(distDir)).get('/427.744db881.js').expect(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.text).toBe('chunk');
  });

  it('serves the entry script and index.html with no-cache', async () => {
    const main = await request(appFor(distDir)).get('/main.js').expect(200);
    expect(main.headers['cache-control']).toBe('no-cache');
    const index = await request(appFor(distDir)).get('/index.html').expect(200);
    expect(index.headers['cache-control']).toBe('no-cache');
  });

  it('answers the root and deep client routes with index.html', async () => {
    for (const path of ['/', '/catalog/default/component/payments/docs', '/admin/plugins?x=1']) {
      const res = await request(appFor(distDir)).get(path).expect(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.text).toContain('<div id="root">');
    }
  });

  it('treats a dotted entity name as a page, not as a file', async () => {
    const res = await request(appFor(distDir)).get('/catalog/default/component/my.service').expect(200);
    expect(res.text).toContain('<div id="root">');
  });

  it('answers HEAD for a client route', async () => {
    await request(appFor(distDir))
      .head('/settings')
      .expect(200)
      .expect('content-type', /text\/html/);
  });

  it('returns a real 404 for a missing asset instead of the HTML page', async () => {
    const res = await request(appFor(distDir)).get('/999.deadbeef.js').expect(404);
    expect(res.body.error).toMatchObject({ name: 'NotFoundError', message: 'No file at /999.deadbeef.js' });
  });

  it('never answers for /api, /plugins or /healthz', async () => {
    for (const path of ['/api/unknown', '/plugins/hello/page', '/healthz']) {
      const res = await request(appFor(distDir)).get(path).expect(404);
      expect(res.headers['content-type']).toMatch(/json/);
    }
  });

  it('does not fall back to the page for other methods', async () => {
    await request(appFor(distDir)).post('/settings').expect(404);
  });

  it("announces the files of the page's plugin, asked for by the page's path", async () => {
    const asked: string[] = [];
    const preloadsFor = async (req: Request): Promise<PreloadLink[]> => {
      asked.push(req.originalUrl);
      return req.path === '/catalog' ? [{ href: '/plugins/catalog/remoteEntry.js', as: 'script' }] : [];
    };
    const catalog = await request(appFor(distDir, preloadsFor)).get('/catalog?kind=api').expect(200);
    expect(catalog.text).toContain('<link rel="preload" href="/plugins/catalog/remoteEntry.js" as="script"');
    const home = await request(appFor(distDir, preloadsFor)).get('/').expect(200);
    expect(home.text).not.toContain('rel="preload"');
    expect(asked).toEqual(['/catalog?kind=api', '/']);
  });

  it('answers 503 with the fix when the shell is not built', async () => {
    const res = await request(appFor(join(dir, 'missing')))
      .get('/catalog')
      .expect(503);
    expect(res.headers['content-type']).toMatch(/text\/plain/);
    expect(res.text).toContain('npm run build');
  });

  it('starts serving the page once a build appears, without a restart', async () => {
    const app = appFor(join(dir, 'later'));
    await request(app).get('/').expect(503);
    mkdirSync(join(dir, 'later'));
    writeFileSync(join(dir, 'later', 'index.html'), '<p>built</p>');
    const res = await request(app).get('/').expect(200);
    expect(res.text).toBe('<p>built</p>');
  });
});
