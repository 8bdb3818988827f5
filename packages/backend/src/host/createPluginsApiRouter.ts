import { ServiceUnavailableError } from '@atrium/plugin-api';
import { type Request, Router } from 'express';
import type { PluginRuntime } from './PluginRuntime';

/** Mounts each plugin's router at `/<id>` (under `/api`); a plugin that failed to boot answers 503. */
export function createPluginsApiRouter(runtimes: PluginRuntime[]): Router {
  const api = Router();
  for (const runtime of runtimes) {
    const id = runtime.plugin.manifest.id;
    api.use(`/${id}`, (req: Request, _res, next) => {
      req.atriumPluginId = id;
      if (runtime.status !== 'started') {
        next(
          new ServiceUnavailableError(`Plugin '${id}' is not running: ${runtime.error ?? 'still starting'}`),
        );
        return;
      }
      runtime.http.router(req, _res, next);
    });
  }
  return api;
}

/** True when a plugin opted the request's path out of authentication with `addAuthPolicy`. */
export function isPublicPluginPath(runtimes: PluginRuntime[], path: string): boolean {
  return runtimes.some((runtime) => {
    const mount = `/api/${runtime.plugin.manifest.id}`;
    return runtime.http.policies.some((policy) => {
      const prefix = `${mount}${policy.path === '/' ? '' : policy.path}`;
      return path === prefix || path.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`);
    });
  });
}
