import { createRootConfig } from './createRootConfig';
import { loadConfigFile } from './loadConfigFile';
import { mergeConfigLayer } from './mergeConfigLayer';
import type { RootConfig } from './RootConfig';
import { substituteEnvVariables } from './substituteEnvVariables';

/** Where {@link loadConfig} reads from. */
export interface LoadConfigOptions {
  /** Config files in order: `app-config.yaml` first, then each `--config FILE`; later files win. */
  files: string[];
  /** Variables for `${VAR}` substitution, usually `process.env`. */
  env: Record<string, string | undefined>;
}

/**
 * Loads the config files, substitutes `${VAR}` from `env` and deep-merges them in order.
 * Call {@link validateConfig} next to check them and fill in defaults.
 *
 * @example
 * const config = await loadConfig({ files: ['app-config.yaml', 'app-config.production.yaml'], env: process.env });
 */
export async function loadConfig(options: LoadConfigOptions): Promise<RootConfig> {
  const data: Record<string, unknown> = {};
  const sources = new Map<string, string>();
  // Read one file at a time so that, with several bad files, the error always names the first.
  for (const file of options.files) {
    const layer = substituteEnvVariables(await loadConfigFile(file), options.env, file);
    mergeConfigLayer(data, layer as Record<string, unknown>, file, sources);
  }
  return createRootConfig(data, sources);
}
