import {
  type FrontendPlugin,
  InputError,
  isFrontendPlugin,
  NotFoundError,
} from '@atrium/plugin-api/frontend';
import type { FederationRuntime } from './FederationRuntime';
import type { PluginFrontendInfo } from './PluginListItem';
import type { PluginLoader } from './PluginLoader';
import type { PluginLoadState } from './PluginLoadState';

const idle: PluginLoadState = { status: 'idle' };

/** The federation runtime's first line, without its JSON arguments and docs link (the console keeps those). */
function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split(/\s+args:|\nView the docs/)[0] ?? message)
    .replace('[ Federation Runtime ]: ', '')
    .trim();
}

/**
 * Registers plugins' remotes with the federation runtime and loads each one the
 * first time something of it is shown. A failed load is remembered (the admin
 * page shows it) until `retry`, which the shell calls when a slot of that plugin
 * mounts again.
 */
export function createPluginLoader(
  runtime: FederationRuntime,
  probe?: (url: string) => Promise<number>,
): PluginLoader {
  const frontends = new Map<string, PluginFrontendInfo>();
  const states = new Map<string, PluginLoadState>();
  const pending = new Map<string, Promise<FrontendPlugin>>();
  const listeners = new Set<() => void>();
  const setState = (pluginId: string, state: PluginLoadState) => {
    states.set(pluginId, state);
    for (const listener of listeners) {
      listener();
    }
  };

  const fetchPlugin = async (pluginId: string, frontend: PluginFrontendInfo): Promise<FrontendPlugin> => {
    const [exposed = '', exportName = ''] = frontend.export.split('#');
    let module: Record<string, unknown> | null;
    try {
      module = await runtime.loadRemote<Record<string, unknown>>(
        `${frontend.remote}/${exposed.replace(/^\.\//, '')}`,
      );
    } catch (error) {
      // The runtime cannot tell a missing remote from a broken one; the status code can.
      const status = await probe?.(frontend.entry).catch(() => undefined);
      const missing =
        status !== undefined && status >= 400
          ? ` (GET ${frontend.entry} answered ${status}; is the remote built and deployed?)`
          : '';
      throw new Error(`Could not load its code from ${frontend.entry}: ${describe(error)}${missing}`, {
        cause: error,
      });
    }
    const value = module?.[exportName];
    if (!isFrontendPlugin(value)) {
      throw new InputError(
        `Module '${exposed}' of remote '${frontend.remote}' has no export '${exportName}' made by defineFrontendPlugin; check frontend.export in plugin.yaml`,
      );
    }
    if (value.id !== pluginId) {
      throw new InputError(`Its code defines plugin '${value.id}' but plugin.yaml says '${pluginId}'`);
    }
    return value;
  };

  const load = (pluginId: string): Promise<FrontendPlugin> => {
    const running = pending.get(pluginId);
    if (running) {
      return running;
    }
    const frontend = frontends.get(pluginId);
    if (!frontend) {
      return Promise.reject(new NotFoundError(`Plugin '${pluginId}' has no frontend`));
    }
    setState(pluginId, { status: 'loading' });
    const promise = fetchPlugin(pluginId, frontend).then(
      (plugin) => {
        setState(pluginId, { status: 'loaded', plugin });
        return plugin;
      },
      (error: Error) => {
        pending.delete(pluginId);
        setState(pluginId, { status: 'failed', error });
        throw error;
      },
    );
    pending.set(pluginId, promise);
    return promise;
  };

  return {
    register(plugins) {
      // Signing in again lists the same plugins; only new or changed remotes are registered.
      const remotes = plugins.flatMap((plugin) =>
        plugin.frontend && frontends.get(plugin.id)?.entry !== plugin.frontend.entry
          ? [{ plugin, frontend: plugin.frontend }]
          : [],
      );
      for (const { plugin, frontend } of remotes) {
        frontends.set(plugin.id, frontend);
      }
      if (remotes.length > 0) {
        runtime.registerRemotes(
          remotes.map(({ frontend }) => ({ name: frontend.remote, entry: frontend.entry })),
        );
      }
    },
    load,
    retry(pluginId) {
      const frontend = frontends.get(pluginId);
      if (frontend && states.get(pluginId)?.status === 'failed') {
        // Forces the runtime to drop the cached (failed) manifest and container.
        runtime.registerRemotes([{ name: frontend.remote, entry: frontend.entry }], { force: true });
      }
      return load(pluginId);
    },
    getState: (pluginId) => states.get(pluginId) ?? idle,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
