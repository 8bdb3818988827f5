import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { PreloadLink } from '../shell/PreloadLink';
import { remoteDirOf } from './createCorePluginsRouter';
import type { PluginRuntime } from './PluginRuntime';

/** What this reads of a remote's `mf-manifest.json` (Module Federation 2). */
interface FederationManifest {
  metaData?: { publicPath?: string; remoteEntry?: { name?: string; path?: string } };
  exposes?: Array<{ path?: string; assets?: { js?: { sync?: string[] }; css?: { sync?: string[] } } }>;
}

/** A relative file name a build emits; anything else (a URL, `..`) is not preloaded. */
const FILE_PATH = /^(?!.*(^|\/)\.\.(\/|$))[\w.\-/]+$/;

/**
 * The files the shell fetches to run a plugin's page, read from its remote's
 * `mf-manifest.json`: the manifest, `remoteEntry.js`, and the code and styles
 * of the module the plugin exposes. Empty when the remote is not built or its
 * assets are served from elsewhere (a `publicPath` other than `auto`).
 */
export async function readRemotePreloads(runtime: PluginRuntime): Promise<PreloadLink[]> {
  const frontend = runtime.plugin.manifest.frontend;
  const dir = remoteDirOf(runtime);
  if (!frontend || !dir) {
    return [];
  }
  const manifestFile = basename(frontend.entry);
  let manifest: FederationManifest;
  try {
    manifest = JSON.parse(await readFile(join(dir, manifestFile), 'utf8')) as FederationManifest;
  } catch {
    // Not built, or being rebuilt: the shell reports that when it loads the remote.
    return [];
  }
  const publicPath = manifest.metaData?.publicPath;
  if (publicPath !== undefined && publicPath !== 'auto') {
    return [];
  }
  const base = `/plugins/${runtime.plugin.manifest.id}/`;
  const exposed = frontend.export.split('#')[0];
  const module = manifest.exposes?.find((entry) => entry.path === exposed);
  const entry = manifest.metaData?.remoteEntry;
  const files: Array<[string | undefined, PreloadLink['as']]> = [
    [manifestFile, 'fetch'],
    [entry?.name && [entry.path, entry.name].filter(Boolean).join('/'), 'script'],
    ...(module?.assets?.js?.sync ?? []).map((file): [string, 'script'] => [file, 'script']),
    ...(module?.assets?.css?.sync ?? []).map((file): [string, 'style'] => [file, 'style']),
  ];
  return files.flatMap(([file, as]) =>
    typeof file === 'string' && FILE_PATH.test(file)
      ? [{ href: base + file, as, fetchPriority: 'low' as const }]
      : [],
  );
}
