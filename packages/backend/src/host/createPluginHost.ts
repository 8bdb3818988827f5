import type { LifecycleService, LoggerService } from '@atrium/plugin-api';
import { BackendStartupError } from './BackendStartupError';
import { checkPluginRegistrations } from './checkPluginRegistrations';
import { createPluginHttpRouter } from './createPluginHttpRouter';
import type { DiscoveredPlugin } from './DiscoveredPlugin';
import { listRouterRoutes } from './listRouterRoutes';
import { loadBackendPlugin } from './loadBackendPlugin';
import type { PluginRuntime } from './PluginRuntime';

/** What the host needs from the rest of the core to boot plugins. */
export interface PluginHostOptions {
  /** Enabled plugins in boot order. */
  plugins: DiscoveredPlugin[];
  onBootFailure(pluginId: string): 'abort' | 'continue';
  /** The core services of one plugin, keyed by service ref id (`core.logger`…), given its router and lifecycle. */
  coreServicesFor(
    plugin: DiscoveredPlugin,
    own: { httpRouter: unknown; lifecycle: LifecycleService },
  ): Record<string, unknown>;
  /** Event subscriptions and permissions a plugin registered so far, for the manifest check. */
  registrationsOf(pluginId: string): { subscriptions: string[]; permissions: string[] };
  logger: LoggerService;
  /** How long one plugin's `init` may take. */
  initTimeoutMs: number;
}

/** Boots, tracks and shuts down the enabled plugins. */
export interface PluginHost {
  readonly runtimes: PluginRuntime[];
  boot(): Promise<void>;
  /** Runs shutdown hooks in reverse boot order; a failing hook is logged and the rest still run. */
  shutdown(): Promise<void>;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Creates the plugin host: for each plugin in order it loads the backend
 * half, hands `init` its services, and checks that what the code registered
 * matches the manifest. A failure stops the boot, unless the plugin is
 * configured `onBootFailure: continue`, in which case it is marked failed.
 */
export function createPluginHost(options: PluginHostOptions): PluginHost {
  const runtimes: PluginRuntime[] = options.plugins.map((plugin) => ({
    plugin,
    status: 'pending',
    onBootFailure: options.onBootFailure(plugin.manifest.id),
    http: createPluginHttpRouter(),
    shutdownHooks: [],
  }));
  const provided = new Map<string, unknown>();

  const bootOne = async (runtime: PluginRuntime) => {
    const { plugin } = runtime;
    const backendPlugin = loadBackendPlugin(plugin);
    const lifecycle: LifecycleService = { addShutdownHook: (hook) => runtime.shutdownHooks.push(hook) };
    const core = options.coreServicesFor(plugin, { httpRouter: runtime.http, lifecycle });
    const deps: Record<string, unknown> = {};
    for (const [name, ref] of Object.entries(backendPlugin.deps)) {
      deps[name] = ref.id in core ? core[ref.id] : provided.get(ref.id);
    }
    const instances = await withTimeout(
      backendPlugin.init(deps),
      options.initTimeoutMs,
      `Plugin '${plugin.manifest.id}' init`,
    );
    for (const [name, ref] of Object.entries(backendPlugin.provides)) {
      const instance = instances?.[name];
      if (instance === undefined) {
        throw new Error(`init returned no instance for provided service '${ref.id}' (key '${name}')`);
      }
      provided.set(ref.id, instance);
    }
    const registered = options.registrationsOf(plugin.manifest.id);
    checkPluginRegistrations(plugin, {
      deps: Object.values(backendPlugin.deps).map((ref) => ref.id),
      provides: Object.values(backendPlugin.provides).map((ref) => ref.id),
      routes: listRouterRoutes(runtime.http.router),
      subscriptions: registered.subscriptions,
      permissions: registered.permissions,
    });
  };

  return {
    runtimes,
    async boot() {
      for (const runtime of runtimes) {
        const id = runtime.plugin.manifest.id;
        if (!runtime.plugin.manifest.backend) {
          runtime.status = 'started';
          continue;
        }
        try {
          await bootOne(runtime);
          runtime.status = 'started';
          options.logger.info(`Plugin '${id}' started`, { plugin: id });
        } catch (error) {
          runtime.status = 'failed';
          runtime.error = (error as Error).message;
          if (runtime.onBootFailure === 'abort') {
            throw new BackendStartupError(
              `Plugin '${id}' failed to start: ${runtime.error} ` +
                `(set plugins.enabled.${id}.onBootFailure: continue in app-config.yaml to start without it)`,
              { cause: error },
            );
          }
          options.logger.error(`Plugin '${id}' failed to start; its routes answer 503`, error as Error);
        }
      }
    },
    async shutdown() {
      for (const runtime of [...runtimes].reverse()) {
        for (const hook of [...runtime.shutdownHooks].reverse()) {
          try {
            await hook();
          } catch (error) {
            options.logger.error(
              `Shutdown hook of plugin '${runtime.plugin.manifest.id}' failed`,
              error as Error,
            );
          }
        }
      }
    },
  };
}
