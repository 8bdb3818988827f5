import { NotFoundError } from '@atrium/plugin-api';
import express, { Router } from 'express';
import { remoteDirOf } from './createCorePluginsRouter';
import type { PluginRuntime } from './PluginRuntime';

/** Entry files name no hash, so browsers must revalidate them; everything else is content-hashed. */
const ENTRY_FILES = /(^|\/)(mf-manifest\.json|mf-stats\.json|remoteEntry\.js|index\.html)(\.map)?$/;

/**
 * Serves each plugin's built frontend remote at `/plugins/<id>/`, with long
 * cache lifetimes for hashed files and none for entry files. A missing file is
 * a real 404, never an HTML fallback, so a broken remote fails clearly.
 */
export function createPluginAssetsRouter(runtimes: PluginRuntime[]): Router {
  const router = Router();
  for (const runtime of runtimes) {
    const dir = remoteDirOf(runtime);
    if (!dir) {
      continue;
    }
    router.use(
      `/${runtime.plugin.manifest.id}`,
      express.static(dir, {
        index: false,
        fallthrough: true,
        setHeaders(res, path) {
          res.setHeader(
            'cache-control',
            ENTRY_FILES.test(path) ? 'no-cache' : 'public, max-age=31536000, immutable',
          );
        },
      }),
    );
  }
  router.use((req, _res, next) => next(new NotFoundError(`No plugin asset at /plugins${req.path}`)));
  return router;
}
