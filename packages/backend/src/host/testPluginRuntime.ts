import { parsePluginManifest } from '@atrium/plugin-api';
import type { PluginRuntime } from './PluginRuntime';

/**
 * A started plugin runtime for tests of what the host serves: `frontendYaml`
 * is the `frontend:` section of its plugin.yaml, `dir` the folder holding it.
 */
export function testPluginRuntime(id: string, frontendYaml: string, dir = `/plugins/${id}`): PluginRuntime {
  const manifest = parsePluginManifest(
    `id: ${id}\ntitle: T\ndescription: D\nowner: group:default/platform\npluginApi: 1\n${frontendYaml}`,
    `${dir}/plugin.yaml`,
  );
  return {
    plugin: { manifest, manifestFile: `${dir}/plugin.yaml`, dir, origin: 'bundled' },
    status: 'started',
    onBootFailure: 'abort',
    http: undefined as unknown as PluginRuntime['http'],
    shutdownHooks: [],
  };
}
