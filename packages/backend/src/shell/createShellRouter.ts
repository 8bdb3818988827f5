import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { NotFoundError } from '@atrium/plugin-api';
import express, { type Request, Router } from 'express';
import { injectPreloadLinks } from './injectPreloadLinks';
import type { PreloadLink } from './PreloadLink';

/** Built files carry an 8+ hex digit content hash in their name (`427.744db881.js`); only those may be cached for good. */
const HASHED_FILE = /\.[0-9a-f]{8,}\.[a-z0-9]+(\.map)?$/;

/** Extensions of files a build emits. A missing one is a real 404, never the HTML page, so a broken deploy fails clearly. */
const ASSET_EXTENSIONS = new Set([
  '.js',
  '.mjs',
  '.cjs',
  '.css',
  '.map',
  '.json',
  '.html',
  '.txt',
  '.svg',
  '.png',
  '.jpg',
  '.jpeg',
  '.gif',
  '.webp',
  '.avif',
  '.ico',
  '.woff',
  '.woff2',
  '.ttf',
  '.wasm',
]);

/** Paths other routers own: the shell never answers for them, even with the HTML page. */
const RESERVED = /^\/(api|plugins|healthz)(\/|$)/;

const NOT_BUILT =
  'The Atrium portal shell is not built yet, so there is no page to show.\n' +
  'Run `npm run build` in the repository root (or `npm run dev` while developing), then reload.\n';

/** Options of {@link createShellRouter}. */
export interface ShellRouterOptions {
  /** The shell's build output: `index.html`, `main.js` and hashed chunks (packages/app/dist). */
  distDir: string;
  /** What the page a request asks for will need (a plugin's remote, its first API reads), announced in its HTML so it loads alongside the shell. */
  preloadsFor?: (req: Request) => Promise<PreloadLink[]>;
}

/**
 * Serves the built portal shell at `/`: its files with long cache lifetimes for
 * hashed names and `no-cache` for the rest (index.html, main.js), and index.html
 * for any other GET of a page path so client-side routes survive a reload. Page
 * paths are those outside /api, /plugins and /healthz whose last segment has no
 * asset extension (entity names such as `my.service` may contain dots). The
 * page carries preload links for what `preloadsFor` names. When the shell is
 * not built it answers 503 and says to run `npm run build`. Mount it
 * after `/api` and `/plugins` and before the error middleware.
 *
 * @example
 * app.use(createShellRouter({ distDir: resolve(cwd, 'packages/app/dist') }));
 */
export function createShellRouter(options: ShellRouterOptions): Router {
  const indexFile = join(options.distDir, 'index.html');
  const router = Router();
  router.use(
    express.static(options.distDir, {
      index: false,
      fallthrough: true,
      setHeaders(res, path) {
        res.setHeader(
          'cache-control',
          HASHED_FILE.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    }),
  );
  router.use(async (req, res, next) => {
    const isPage =
      (req.method === 'GET' || req.method === 'HEAD') &&
      !RESERVED.test(req.path) &&
      !ASSET_EXTENSIONS.has(extname(req.path).toLowerCase());
    if (!isPage) {
      next(new NotFoundError(`No file at ${req.path}`));
      return;
    }
    // Read per request: `npm run build` may finish while the backend runs.
    let html: string;
    try {
      html = await readFile(indexFile, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        next(error);
        return;
      }
      res.status(503).type('text/plain').setHeader('cache-control', 'no-store').send(NOT_BUILT);
      return;
    }
    const links = (await options.preloadsFor?.(req)) ?? [];
    res.setHeader('cache-control', 'no-cache');
    res.type('html').send(injectPreloadLinks(html, links));
  });
  return router;
}
