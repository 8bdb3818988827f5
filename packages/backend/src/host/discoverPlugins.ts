import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { basename, isAbsolute, join, relative } from 'node:path';
import { PLUGIN_API_MAJOR, parsePluginManifest } from '@atrium/plugin-api';
import type { DiscoveredPlugin } from './DiscoveredPlugin';
import { ManifestError } from './ManifestError';

/** Where to look for plugins: each folder holds `<id>/plugin.yaml` entries. */
export interface PluginSources {
  /** Folders of bundled plugins, e.g. `<repo>/plugins`. */
  bundled: string[];
  /** Folder that `atrium plugin install` writes to. */
  installed?: string;
}

async function readVersion(dir: string): Promise<string | undefined> {
  for (const candidate of ['package.json', 'backend/package.json']) {
    const file = join(dir, candidate);
    if (existsSync(file)) {
      return (JSON.parse(await readFile(file, 'utf8')) as { version?: string }).version;
    }
  }
  return undefined;
}

async function scan(
  root: string,
  origin: DiscoveredPlugin['origin'],
  cwd: string,
): Promise<DiscoveredPlugin[]> {
  if (!existsSync(root)) {
    return [];
  }
  const found: DiscoveredPlugin[] = [];
  const entries = await readdir(root, { withFileTypes: true });
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const dir = join(root, entry.name);
    const manifestFile = join(dir, 'plugin.yaml');
    if (!entry.isDirectory() || !existsSync(manifestFile)) {
      continue;
    }
    const fromCwd = relative(cwd, manifestFile);
    const shown = fromCwd.startsWith('..') || isAbsolute(fromCwd) ? manifestFile : fromCwd;
    const manifest = parsePluginManifest(await readFile(manifestFile, 'utf8'), shown);
    if (manifest.id !== basename(dir)) {
      throw new ManifestError(
        shown,
        'id',
        `'${manifest.id}' must equal the plugin's folder name '${basename(dir)}'`,
      );
    }
    if (manifest.pluginApi !== PLUGIN_API_MAJOR) {
      throw new ManifestError(
        shown,
        'pluginApi',
        `the plugin targets plugin API ${manifest.pluginApi}, this backend provides ${PLUGIN_API_MAJOR}; upgrade the plugin`,
      );
    }
    found.push({ manifest, manifestFile: shown, dir, origin, version: await readVersion(dir) });
  }
  return found;
}

/**
 * Finds every plugin in the bundled folders and the install folder and
 * validates its manifest. Two plugins with one id are an error.
 */
export async function discoverPlugins(
  sources: PluginSources,
  cwd = process.cwd(),
): Promise<DiscoveredPlugin[]> {
  const all = [
    ...(await Promise.all(sources.bundled.map((root) => scan(root, 'bundled', cwd)))).flat(),
    ...(sources.installed ? await scan(sources.installed, 'installed', cwd) : []),
  ];
  const byId = new Map<string, DiscoveredPlugin>();
  for (const plugin of all) {
    const other = byId.get(plugin.manifest.id);
    if (other) {
      throw new ManifestError(
        plugin.manifestFile,
        'id',
        `plugin id '${plugin.manifest.id}' is already used by ${other.manifestFile}; uninstall one of them`,
      );
    }
    byId.set(plugin.manifest.id, plugin);
  }
  return all;
}
