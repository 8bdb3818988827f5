import { basename, dirname, join } from 'node:path';
import { Router } from 'express';
import type { PluginRuntime } from './PluginRuntime';

/** One entry of `GET /api/core/plugins`: what the shell needs before it loads any remote. */
export interface PluginListItem {
  id: string;
  title: string;
  description: string;
  owner: string;
  version?: string;
  origin: 'bundled' | 'installed';
  status: PluginRuntime['status'];
  error?: string;
  frontend?: {
    remote: string;
    /** URL of the remote's `mf-manifest.json`, served by the backend. */
    entry: string;
    export: string;
    pages: unknown[];
    entityTabs: unknown[];
    entityCards: unknown[];
    homeCards: unknown[];
  };
  /** The plugin's frontend-visible config. */
  config: unknown;
}

/** Lists the enabled plugins with their status and frontend contributions. */
export function toPluginListItem(
  runtime: PluginRuntime,
  frontendConfig: Record<string, unknown>,
): PluginListItem {
  const { manifest } = runtime.plugin;
  const frontend = manifest.frontend;
  return {
    id: manifest.id,
    title: manifest.title,
    description: manifest.description,
    owner: manifest.owner,
    version: runtime.plugin.version,
    origin: runtime.plugin.origin,
    status: runtime.status,
    ...(runtime.error ? { error: runtime.error } : {}),
    ...(frontend
      ? {
          frontend: {
            remote: frontend.remote,
            entry: `/plugins/${manifest.id}/${basename(frontend.entry)}`,
            export: frontend.export,
            pages: frontend.pages,
            entityTabs: frontend.entityTabs,
            entityCards: frontend.entityCards,
            homeCards: frontend.homeCards,
          },
        }
      : {}),
    config: frontendConfig[manifest.id] ?? {},
  };
}

/** The folder a plugin's remote is served from: the folder of its `frontend.entry`. */
export function remoteDirOf(runtime: PluginRuntime): string | undefined {
  const entry = runtime.plugin.manifest.frontend?.entry;
  return entry ? join(runtime.plugin.dir, dirname(entry)) : undefined;
}

/** `GET /plugins` under `/api/core`. */
export function createCorePluginsRouter(
  runtimes: PluginRuntime[],
  frontendConfig: Record<string, unknown>,
): Router {
  const router = Router();
  router.get('/plugins', (_req, res) => {
    res.setHeader('cache-control', 'no-store');
    res.json({ items: runtimes.map((runtime) => toPluginListItem(runtime, frontendConfig)) });
  });
  return router;
}
